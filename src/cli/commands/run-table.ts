// `run --format table`: the run report as tables a person reads. The ledger and the effects are
// totalled as they stream out of the replay; partners, rejected and skipped events are listed up
// to a limit (50 unless --limit or --all), with a line saying how many more there are.
import type { RunReport } from '../../index.js';
import { eachPartnerSummary, type PartnerSummary } from '../../reports/run-report.js';
import { EffectCounts, LedgerTotals } from '../../reports/run-totals.js';
import type { DescriptorWriter } from '../descriptor.js';
import { type ReplayFileOptions, replayFile } from '../replay.js';
import { textTable } from '../text-table.js';
import { type RunSummary, withUnparsable } from './run-streams.js';

type Listed<T> = { readonly rows: readonly T[]; readonly count: number };

/**
 * The table report, listing at most `limit` rows of each list.
 *
 * @example
 * writeTableReport({ events: 'events.ndjson' }, new DescriptorWriter(1), 50)
 * //=> undefined (prints "As of …", then the partners, ledger, effects, rejected and skipped tables)
 */
export function writeTableReport(
  options: ReplayFileOptions,
  output: DescriptorWriter,
  limit: number,
): RunSummary {
  const ledger = new LedgerTotals();
  const effects = new EffectCounts();
  const { program, engine, result, unparsable, eventCount } = replayFile(options, {
    onEntry: (entry) => ledger.add(entry),
    onEffect: (effect) => effects.add(effect),
  });
  const partners = firstOf(eachPartnerSummary(engine.compiled, result.state), limit);
  const rejected = withUnparsable(result.rejected, unparsable);
  const text = [
    `As of ${result.asOf ?? '(no events)'}`,
    '',
    `Partners (${partners.count})`,
    partnersTable(partners, limit),
    '',
    `Ledger (${plural(ledger.count, 'entry', 'entries')}, ${program.currency.code})`,
    ledgerTable(ledger, program.currency.decimals),
    '',
    `Effects (${effects.count})`,
    effects.count === 0 ? '(none)' : textTable(['type', 'count'], effects.rows(), ['left', 'right']),
    '',
    `Rejected (${rejected.length})`,
    rejectedTable({ rows: rejected.slice(0, limit), count: rejected.length }, limit),
    '',
    `Skipped (${result.skipped.length})`,
    skippedTable({ rows: result.skipped.slice(0, limit), count: result.skipped.length }, limit),
  ].join('\n');
  output.write(`${text}\n`);
  return { rejected, eventCount };
}

/** The first `limit` values and how many there were in all, without keeping the rest. */
function firstOf<T>(values: Iterable<T>, limit: number): Listed<T> {
  const rows: T[] = [];
  let count = 0;
  for (const value of values) if (count++ < limit) rows.push(value);
  return { rows, count };
}

function partnersTable(partners: Listed<PartnerSummary>, limit: number): string {
  if (partners.count === 0) return '(none)';
  const head = ['id', 'tier', 'status', 'deals', 'revenue', 'earned', 'pending', 'payable', 'paid'];
  const rows = partners.rows.map((partner) => [
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
  return textTable(head, rows, alignments) + more(partners.count, limit);
}

function ledgerTable(ledger: LedgerTotals, decimals: number): string {
  const rows = ledger.rows(decimals).map((row) => [row.kind, row.entries, row.total]);
  return textTable(['kind', 'entries', 'total'], rows, ['left', 'right', 'right']);
}

function rejectedTable(rejected: Listed<RunReport['rejected'][number]>, limit: number): string {
  if (rejected.count === 0) return '(none)';
  const rows = rejected.rows.map((rejection) => [
    rejection.index,
    rejection.eventId ?? '-',
    rejection.code,
    rejection.path || '-',
    rejection.message,
  ]);
  const table = textTable(['index', 'event', 'code', 'field', 'message'], rows, ['right']);
  return table + more(rejected.count, limit);
}

function skippedTable(skipped: Listed<RunReport['skipped'][number]>, limit: number): string {
  if (skipped.count === 0) return '(none)';
  const rows = skipped.rows.map((skip) => [skip.index, skip.eventId, skip.reason]);
  return textTable(['index', 'event', 'reason'], rows, ['right']) + more(skipped.count, limit);
}

/** The line under a list cut at `limit`: how many are left out, and how to see them. */
function more(count: number, limit: number): string {
  return count > limit
    ? `\n… and ${count - limit} more (--limit N or --all lists more; --format json lists them all)`
    : '';
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
