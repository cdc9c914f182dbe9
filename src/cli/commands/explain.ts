// `partner-engine explain`: the derivation of one ledger entry (--entry), or a partner's
// statement, balance, next payout and progress (--partner), from a replayed event file.
import { type Command, Option } from 'commander';
import { payoutOutlook } from '../../commissions/statement.js';
import {
  EngineError,
  type Explanation,
  formatBalance,
  type NextPayout,
  type PartnerView,
  partnerOf,
  type Statement,
} from '../../index.js';
import { CliError, writeOutput } from '../io.js';
import { LISTED_BY_RUN, reportRejections, withStrictOption } from '../rejections.js';
import {
  DISCARD,
  parseInstant,
  type ReplayedFile,
  replayFile,
  withReplayOptions,
  withStateOption,
  withUnparsable,
} from '../replay.js';
import { printable, textTable } from '../text-table.js';

export interface ExplainOptions {
  readonly program?: string;
  readonly events: string;
  readonly at?: string;
  readonly entry?: string;
  readonly partner?: string;
  readonly from?: string;
  readonly to?: string;
  readonly format: 'table' | 'json';
  /** A saved run to answer from (run --save-state). */
  readonly state?: string;
  /** Exit 1 when any event was rejected. */
  readonly strict?: boolean;
}

/**
 * Adds the `explain` command.
 *
 * @example
 * registerExplain(program);
 * // partner-engine explain --events events.ndjson --entry d3:commission
 * //=> prints "22 % of 1,500.00 = 330 USD, rounded HALF_EVEN to 330.00" and the rest of the derivation
 */
export function registerExplain(program: Command): void {
  withStrictOption(
    withStateOption(
      withReplayOptions(
        program
          .command('explain')
          .description(
            'Explain a ledger entry (--entry) or a partner\u2019s statement, balance and progress (--partner)',
          ),
      ),
    ),
  )
    .option('--entry <id>', 'the ledger entry to explain')
    .option('--partner <id>', 'the partner whose statement to show')
    .option('--from <instant>', 'statement period start (inclusive)', parseInstant)
    .option('--to <instant>', 'statement period end (exclusive)', parseInstant)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((options: ExplainOptions) => {
      const { text, replayed } = explainAndReplayed(options);
      writeOutput(text);
      const rejected = withUnparsable(replayed.result.rejected, replayed.unparsable);
      reportRejections(rejected, replayed.eventCount, LISTED_BY_RUN, options.strict);
    });
}

/** What `explain` prints for its options. */
export function explainCommand(options: ExplainOptions): string {
  return explainAndReplayed(options).text;
}

function explainAndReplayed(options: ExplainOptions): { text: string; replayed: ReplayedFile } {
  if ((options.entry === undefined) === (options.partner === undefined)) {
    throw new CliError('give exactly one of --entry ID or --partner ID');
  }
  if (
    options.from !== undefined &&
    options.to !== undefined &&
    Date.parse(options.from) >= Date.parse(options.to)
  ) {
    throw new CliError('--from must be earlier than --to');
  }
  // The effects are no part of an explanation: neither the replay nor a saved run keeps them.
  const replayed = replayFile(options, { onEffect: DISCARD });
  try {
    const text =
      options.entry !== undefined
        ? explainEntry(replayed, options.entry, options.format)
        : explainPartner(replayed, options.partner as string, options);
    return { text, replayed };
  } catch (error) {
    if (error instanceof EngineError) throw new CliError(error.message);
    throw error;
  }
}

function explainEntry(
  { engine, result }: ReplayedFile,
  entryId: string,
  format: ExplainOptions['format'],
): string {
  const explanation = engine.explain(result.ledger, entryId);
  if (format === 'json') return JSON.stringify(explanation, null, 2);
  const lines: string[] = [];
  let current: Explanation | undefined = explanation;
  for (let depth = 0; current; depth++, current = current.reverses) {
    lines.push(
      `${depth === 0 ? 'Entry' : 'Reverses'} ${current.entry.id} (${current.entry.kind}, ${current.entry.amount} ${current.entry.currency})`,
    );
    for (const line of current.words) lines.push(`  ${line}`);
  }
  return printableLines(lines);
}

/**
 * Lines for a terminal: the ids and names in them come from events and programmes, so a control
 * character among them (an escape sequence, a carriage return) is shown, never obeyed.
 */
function printableLines(lines: readonly string[]): string {
  return lines.map(printable).join('\n');
}

function explainPartner(replayed: ReplayedFile, partnerId: string, options: ExplainOptions): string {
  const { engine, result } = replayed;
  const period = {
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  };
  const statement = engine.statement(result.state, result.ledger, partnerId, period);
  const nextPayout = engine.nextPayout(result.state, partnerId);
  const progress = engine.progress(result.state, partnerId);
  const view = engine.partnerView(result.state, partnerId);
  const held = partnerOf(result.state, partnerId)?.balance;
  const balance = held && formatBalance(held, engine.program.currency.decimals);
  if (options.format === 'json')
    return JSON.stringify({ statement, balance, nextPayout, progress, view }, null, 2);
  return printableLines([
    `Partner ${partnerId}: ${progress.tier.name} (${progress.status}), as of ${result.asOf ?? '-'}`,
    '',
    ...statementLines(statement),
    '',
    `Balance: earned ${balance?.earned}, pending ${balance?.pending}, payable ${balance?.payable}, paid ${balance?.paid}, clawed back ${balance?.clawedBack}`,
    nextPayout.at === null
      ? 'Next payout: none scheduled'
      : `Next payout: ${nextPayout.at}, expected ${nextPayout.expected}${payoutNote(nextPayout)}`,
    '',
    ...atRiskLines(view.tier),
    ...progressLines(view.progress),
  ]);
}

/** For a tier at risk, what keeps it: the review that judges it and each requirement of it. */
function atRiskLines(tier: PartnerView['tier']): string[] {
  if (!tier.atRisk) return [];
  const { reviewAt, keep, fallsTo } = tier.atRisk;
  const rows = keep.map((requirement) => [
    requirement.label,
    requirement.progress,
    requirement.met ? 'yes' : 'no',
  ]);
  return [
    `${tier.name} is at risk: the review of ${reviewAt} judges it${fallsTo ? ` (missing it means ${fallsTo})` : ''}. To keep it:`,
    ...textTable(['requirement', 'where you stand', 'met'], rows).split('\n'),
    '',
  ];
}

/** The statement's lines; a table's own lines are split apart, never a value from the input. */
function statementLines(statement: Statement): string[] {
  const rows = statement.entries.map((entry) => [
    entry.at,
    entry.kind,
    entry.id,
    entry.rate,
    entry.basis,
    entry.amount,
  ]);
  const payouts = statement.payouts.map((payout) => [
    payout.at,
    'payout',
    payout.eventId,
    '',
    '',
    `-${payout.amount}`,
  ]);
  const period = `from ${statement.from ?? 'the beginning'} to ${statement.to ?? 'now'}`;
  return [
    `Statement ${period} (${statement.currency})`,
    `Opening balance: ${statement.openingBalance}`,
    ...(rows.length + payouts.length === 0
      ? ['(no entries)']
      : textTable(
          ['at', 'kind', 'id', 'rate', 'basis', 'amount'],
          [...rows, ...payouts].sort(([a], [b]) =>
            String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
          ),
          ['left', 'left', 'left', 'right', 'right', 'right'],
        ).split('\n')),
    `Closing balance: ${statement.closingBalance}`,
  ];
}

/** The progress lines, requirements in words; a name or message with a line end in it stays on its line. */
function progressLines(progress: PartnerView['progress']): string[] {
  if (!progress.next)
    return [`Progress: top tier reached (${progress.percent} %). ${progress.message}`.trim()];
  const rows = progress.requirements.map((requirement) => [
    requirement.label,
    requirement.progress,
    requirement.met ? 'yes' : 'no',
  ]);
  return [
    `Progress to ${progress.next.name}: ${progress.percent} %`,
    ...textTable(['requirement', 'where you stand', 'met'], rows).split('\n'),
    progress.message,
  ];
}

/** What the next-payout line adds after the expected amount: nothing when the run pays it. */
function payoutNote(nextPayout: NextPayout): string {
  const outlook = payoutOutlook(nextPayout);
  if (outlook === 'nothing-to-pay') return ' (nothing to pay out)';
  return outlook === 'below-minimum' ? ` (below the ${nextPayout.minimum} minimum: carries over)` : '';
}
