// `partner-engine run`: replays an event file through a programme and prints the library's run
// report: the contract's JSON object, NDJSON records, or tables a person reads. Lines of the event
// file that are not JSON join the report's rejections at their own positions. The ledger and the
// effects stream out of the replay as they happen and are never held together (see run-streams.ts).
import { type Command, InvalidArgumentError, Option } from 'commander';
import { CliError, openOutput } from '../io.js';
import { LISTED_IN_OUTPUT, reportRejections, withStrictOption } from '../rejections.js';
import { withReplayOptions, withStateOption } from '../replay.js';
import { type RunSummary, writeJsonReport, writeNdjsonReport } from './run-streams.js';
import { writeTableReport } from './run-table.js';

/** The table report lists at most this many partners, rejected and skipped events unless told. */
export const TABLE_ROWS_DEFAULT = 50;

export type RunFormat = 'json' | 'ndjson' | 'table';

export interface RunOptions {
  readonly program?: string;
  readonly events: string;
  readonly at?: string;
  readonly format: RunFormat;
  readonly out?: string;
  /** Table rows per list; the default is TABLE_ROWS_DEFAULT. */
  readonly limit?: number;
  /** Every row in the tables. */
  readonly all?: boolean;
  /** A saved run to start from (see continued-replay.ts). */
  readonly state?: string;
  /** Where to save this run for later commands. */
  readonly saveState?: string;
  /** Exit 1 when any event was rejected. */
  readonly strict?: boolean;
}

const NDJSON_HELP = `
With --format ndjson each line is one JSON object with a "kind", and the payload
under a key of the same name:
  {"kind":"start","program":"siso","events":1200}   the first line
  {"kind":"entry","entry":{…}}                      a ledger entry, as it happens
  {"kind":"effect","effect":{…}}                    an effect, as it happens
  {"kind":"partner","partner":{…}}                  each partner, by id, after the replay
  {"kind":"rejected","rejected":{…}}                each rejected event, by input index
  {"kind":"skipped","skipped":{…}}                  each skipped event, by input index
  {"kind":"end","asOf":"…","counts":{…}}            the last line: the as-of time, how many of each
Each payload is the object --format json lists. A run that fails midway has no "end" line.

--save-state FILE keeps the replayed run (state, ledger, effects, rejected and skipped
events, and a digest of the programme and the events) for later commands: run, explain
and leaderboard with --state FILE answer from it without replaying those events again.
--events may then be the same file or one that goes on from it: only the new events are
replayed, and --save-state can keep the longer run. A saved run made under another
programme, from other events, or with another --at is refused (exit 2).
  partner-engine run --events events.ndjson --save-state run.state --format json --out report.json
  partner-engine explain --events events.ndjson --state run.state --partner p7

When events are rejected, one line on stderr says how many and which came first; with
--strict the exit status is then 1 (the report is still written in full).`;

/**
 * Adds the `run` command.
 *
 * @example
 * registerRun(program);
 * // partner-engine run --events events.ndjson --at 2025-04-01T00:00:00Z --format json
 * //=> prints { "asOf": "2025-04-01T00:00:00.000Z", "partners": [...], ... }, exit 0
 */
export function registerRun(program: Command): void {
  withStrictOption(
    withStateOption(
      withReplayOptions(
        program
          .command('run')
          .description(
            'Replay an event stream and report partners, ledger, effects, rejected and skipped events',
          ),
      ),
    ),
  )
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'ndjson', 'table']).default('table'),
    )
    .option('--out <file>', 'write the report to this file instead of stdout')
    .addOption(
      new Option(
        '--limit <n>',
        `table: list at most n partners, rejected and skipped events (default ${TABLE_ROWS_DEFAULT})`,
      ).argParser(parseLimit),
    )
    .addOption(
      new Option('--all', 'table: list every partner, rejected and skipped event').conflicts('limit'),
    )
    .option('--save-state <file>', 'also save the replayed run to this file, for --state later')
    .addHelpText('after', NDJSON_HELP)
    .action((options: RunOptions) => runCommand(options));
}

/**
 * Runs the command for its options: replays the events and writes the report to stdout or --out.
 *
 * @throws {CliError} exit 2 for unusable options or input, before anything is written.
 * @example
 * runCommand({ events: 'events.ndjson', at: '2025-04-01T00:00:00Z', format: 'json' })
 * //=> undefined (prints { "asOf": "2025-04-01T00:00:00.000Z", "partners": [...], ... })
 */
export function runCommand(options: RunOptions): void {
  if (options.format !== 'table' && (options.limit !== undefined || options.all))
    throw new CliError(
      `--limit and --all apply to --format table; --format ${options.format} lists everything`,
    );
  const output = openOutput(options.out);
  let summary: RunSummary = { rejected: [], eventCount: 0 };
  output.use((writer) => {
    if (options.format === 'json') summary = writeJsonReport(options, writer);
    else if (options.format === 'ndjson') summary = writeNdjsonReport(options, writer);
    else
      summary = writeTableReport(
        options,
        writer,
        options.all ? Number.POSITIVE_INFINITY : (options.limit ?? TABLE_ROWS_DEFAULT),
      );
  });
  reportRejections(summary.rejected, summary.eventCount, LISTED_IN_OUTPUT, options.strict);
}

function parseLimit(text: string): number {
  const limit = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(limit) || limit < 1)
    throw new InvalidArgumentError('expected a whole number of at least 1');
  return limit;
}
