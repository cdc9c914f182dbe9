// `partner-engine leaderboard`: partners ranked for a period and a metric, optionally by tier,
// from a replayed event file. Ties share a rank; each row says how far it is behind the next.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { EngineError, type LeaderboardMetric, type LeaderboardRow } from '../../index.js';
import { CliError, writeOutput } from '../io.js';
import { LISTED_BY_RUN, reportRejections, withStrictOption } from '../rejections.js';
import {
  DISCARD,
  type ReplayedFile,
  replayFile,
  withReplayOptions,
  withStateOption,
  withUnparsable,
} from '../replay.js';
import { textTable } from '../text-table.js';

export interface LeaderboardCommandOptions {
  readonly program?: string;
  readonly events: string;
  readonly at?: string;
  readonly period: string;
  readonly metric: LeaderboardMetric;
  readonly tier?: string;
  readonly limit?: number;
  readonly partner?: string;
  readonly format: 'table' | 'json';
  /** A saved run to answer from (run --save-state). */
  readonly state?: string;
  /** Exit 1 when any event was rejected. */
  readonly strict?: boolean;
}

function parseLimit(text: string): number {
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1)
    throw new InvalidArgumentError('expected a whole number of at least 1');
  return limit;
}

/**
 * Adds the `leaderboard` command.
 *
 * @example
 * registerLeaderboard(program);
 * // partner-engine leaderboard --events events.ndjson --period 2025-03 --metric revenue --tier active
 * //=> prints rank, partner, tier, revenue and the gap to the rank above
 */
export function registerLeaderboard(program: Command): void {
  withStrictOption(
    withStateOption(
      withReplayOptions(
        program
          .command('leaderboard')
          .description('Rank partners for a period (2025-03, 2025-Q1, 2025, all-time) by a metric'),
      ),
    ),
  )
    .requiredOption('--period <period>', 'a month (2025-03), quarter (2025-Q1), year (2025) or all-time')
    .addOption(
      new Option('--metric <metric>', 'what to rank by')
        .choices(['revenue', 'deals', 'commission'])
        .default('revenue'),
    )
    .option('--tier <tier>', 'only partners holding this tier (at the period\u2019s end)')
    .option('--limit <n>', 'at most this many rows (ties at the cut are kept)', parseLimit)
    .option('--partner <id>', 'also say where this partner stands (rank and gap), even past the limit')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((options: LeaderboardCommandOptions) => {
      const { text, replayed } = boardAndReplayed(options);
      writeOutput(text);
      const rejected = withUnparsable(replayed.result.rejected, replayed.unparsable);
      reportRejections(rejected, replayed.eventCount, LISTED_BY_RUN, options.strict);
    });
}

/** "p7 is #4 with 3,100.00, 1,200.00 behind #3", or why it is not on the board. */
function standing(partnerId: string, own: LeaderboardRow | null): string {
  if (own === null) return `${partnerId} is not on this board (another tier, or not a partner yet)`;
  const gap = own.behind === null ? 'first' : `${own.behind} behind the rank above`;
  return `${partnerId} is #${own.rank} with ${own.value}, ${gap}`;
}

/** What `leaderboard` prints for its options. */
export function leaderboardCommand(options: LeaderboardCommandOptions): string {
  return boardAndReplayed(options).text;
}

function boardAndReplayed(options: LeaderboardCommandOptions): { text: string; replayed: ReplayedFile } {
  // A board reads the state only: neither the replay nor a saved run keeps entries or effects.
  const replayed = replayFile(options, { onEntry: DISCARD, onEffect: DISCARD });
  return { text: boardText(replayed, options), replayed };
}

function boardText({ engine, result }: ReplayedFile, options: LeaderboardCommandOptions): string {
  try {
    const board = engine.leaderboard(result.state, {
      period: options.period,
      metric: options.metric,
      ...(options.tier === undefined ? {} : { tier: options.tier }),
      ...(options.limit === undefined ? {} : { limit: options.limit }),
      ...(options.partner === undefined ? {} : { partnerId: options.partner }),
    });
    if (options.format === 'json') return JSON.stringify(board, null, 2);
    const title = `${board.metric} leaderboard, ${board.period}${board.tier ? `, tier ${board.tier}` : ''}`;
    if (board.rows.length === 0) return `${title}\n(no partners)`;
    const rows = board.rows.map((row) => [row.rank, row.partnerId, row.tier, row.value, row.behind ?? '-']);
    const table = textTable(['rank', 'partner', 'tier', board.metric, 'behind'], rows, [
      'right',
      'left',
      'left',
      'right',
      'right',
    ]);
    return [
      title,
      table,
      ...(options.partner === undefined ? [] : [standing(options.partner, board.own)]),
    ].join('\n');
  } catch (error) {
    if (error instanceof EngineError) throw new CliError(error.message);
    throw error;
  }
}
