// `partner-engine run`: replays an event file through a programme and prints the library's run
// report, either as the contract's JSON object or as tables a person reads. Lines of the event
// file that are not JSON join the report's rejections at their own positions.
import { type Command, Option } from 'commander';
import {
  Decimal,
  formatMoney,
  type LedgerKind,
  type Program,
  type Rejection,
  type RunReport,
  runReport,
  sumAmounts,
} from '../../index.js';
import { type UnparsableLine, writeOutput } from '../io.js';
import { replayFile, withReplayOptions } from '../replay.js';
import { textTable } from '../text-table.js';

/** The table report lists at most this many rejected and skipped events; the JSON has them all. */
const LISTED_AT_MOST = 50;
const LEDGER_KINDS: readonly LedgerKind[] = [
  'commission',
  'referral-bonus',
  'override',
  'clawback',
  'adjustment',
];

export interface RunOptions {
  readonly program?: string;
  readonly events: string;
  readonly at?: string;
  readonly format: 'json' | 'table';
}

/**
 * Adds the `run` command.
 *
 * @example
 * registerRun(program);
 * // partner-engine run --events events.ndjson --at 2025-04-01T00:00:00Z --format json
 * //=> prints { "asOf": "2025-04-01T00:00:00.000Z", "partners": [...], ... }, exit 0
 */
export function registerRun(program: Command): void {
  withReplayOptions(
    program
      .command('run')
      .description(
        'Replay an event stream and report partners, ledger, effects, rejected and skipped events',
      ),
  )
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .action((options: RunOptions) => {
      writeOutput(runCommand(options));
    });
}

/**
 * What `run` prints for its options.
 *
 * @example
 * JSON.parse(runCommand({ events: 'events.ndjson', at: '2025-04-01T00:00:00Z', format: 'json' })).asOf
 * //=> '2025-04-01T00:00:00.000Z'
 */
export function runCommand(options: RunOptions): string {
  const { program, engine, result, unparsable } = replayFile(options);
  const report = {
    ...runReport(engine.compiled, result),
    rejected: withUnparsable(result.rejected, unparsable),
  };
  return options.format === 'json' ? JSON.stringify(report, null, 2) : tableReport(report, program);
}

/** The engine rejects the `null` standing for a line that is not JSON; say why in its place. */
function withUnparsable(rejected: readonly Rejection[], unparsable: readonly UnparsableLine[]): Rejection[] {
  if (unparsable.length === 0) return [...rejected];
  const positions = new Set(unparsable.map((line) => line.index));
  const lines = unparsable.map(
    (line): Rejection => ({
      eventId: null,
      index: line.index,
      code: 'INVALID_EVENT',
      path: '',
      message: line.message,
    }),
  );
  const others = rejected.filter((rejection) => !positions.has(rejection.index));
  return [...others, ...lines].sort((a, b) => a.index - b.index);
}

function tableReport(report: RunReport, program: Program): string {
  return [
    `As of ${report.asOf ?? '(no events)'}`,
    '',
    `Partners (${report.partners.length})`,
    partnersTable(report),
    '',
    `Ledger (${plural(report.ledger.length, 'entry', 'entries')}, ${program.currency.code})`,
    ledgerTable(report, program.currency.decimals),
    '',
    `Effects (${report.effects.length})`,
    effectsTable(report),
    '',
    `Rejected (${report.rejected.length})`,
    rejectedTable(report),
    '',
    `Skipped (${report.skipped.length})`,
    skippedTable(report),
  ].join('\n');
}

function partnersTable(report: RunReport): string {
  if (report.partners.length === 0) return '(none)';
  const head = ['id', 'tier', 'status', 'deals', 'revenue', 'earned', 'pending', 'payable', 'paid'];
  const rows = report.partners.map((partner) => [
    partner.id,
    partner.tier,
    partner.status,
    partner.deals,
    partner.revenue,
    partner.balance.earned,
    partner.balance.pending,
    partner.balance.payable,
    partner.balance.paid,
  ]);
  const alignments = ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'] as const;
  return textTable(head, rows, alignments);
}

function ledgerTable(report: RunReport, decimals: number): string {
  const total = (entries: RunReport['ledger']) =>
    formatMoney(sumAmounts(entries.map((entry) => new Decimal(entry.amount))), decimals);
  const rows = LEDGER_KINDS.map((kind) => {
    const entries = report.ledger.filter((entry) => entry.kind === kind);
    return [kind, entries.length, total(entries)];
  });
  rows.push(['all', report.ledger.length, total(report.ledger)]);
  return textTable(['kind', 'entries', 'total'], rows, ['left', 'right', 'right']);
}

function effectsTable(report: RunReport): string {
  if (report.effects.length === 0) return '(none)';
  const counts = new Map<string, number>();
  for (const effect of report.effects) counts.set(effect.type, (counts.get(effect.type) ?? 0) + 1);
  return textTable(['type', 'count'], [...counts], ['left', 'right']);
}

function rejectedTable(report: RunReport): string {
  if (report.rejected.length === 0) return '(none)';
  const rows = report.rejected
    .slice(0, LISTED_AT_MOST)
    .map((rejection) => [
      rejection.index,
      rejection.eventId ?? '-',
      rejection.code,
      rejection.path || '-',
      rejection.message,
    ]);
  const table = textTable(['index', 'event', 'code', 'field', 'message'], rows, ['right']);
  return table + more(report.rejected.length);
}

function skippedTable(report: RunReport): string {
  if (report.skipped.length === 0) return '(none)';
  const rows = report.skipped.slice(0, LISTED_AT_MOST).map((skip) => [skip.index, skip.eventId, skip.reason]);
  return textTable(['index', 'event', 'reason'], rows, ['right']) + more(report.skipped.length);
}

function more(count: number): string {
  return count > LISTED_AT_MOST
    ? `\n… and ${count - LISTED_AT_MOST} more (--format json lists them all)`
    : '';
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
