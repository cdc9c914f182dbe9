// `partner-engine kpis`: the seed's success metrics of an event file under a programme (SISO by
// default), next to their targets with met / not met, as a table, JSON, CSV, Markdown or HTML.
import { type Command, Option } from 'commander';
import { createEngine, EngineError, sisoProgram } from '../../index.js';
import { reproducibilityOf } from '../../reports/inputs-digest.js';
import { formatKpiReport, type KpiFormat } from '../../reports/kpi-report.js';
import { type History, historyOf, readHistory } from '../../simulation/history.js';
import { kpisOf } from '../../simulation/kpis.js';
import { IndexedEvents, openEventsFile } from '../event-index.js';
import { CliError, type EventsFile, readProgramFile, writeOutput } from '../io.js';
import { LISTED_BY_RUN, reportRejections, withStrictOption } from '../rejections.js';
import {
  DISCARD,
  type ReplayInput,
  readReplayInput,
  replayOpened,
  withReplayOptions,
  withStateOption,
  withUnparsable,
} from '../replay.js';
import { SavedRun } from '../saved-run-reader.js';
import { textTable } from '../text-table.js';

export interface KpisCommandOptions {
  readonly program?: string;
  readonly events: string;
  readonly at?: string;
  readonly format: KpiFormat;
  readonly out?: string;
  /** Exit 1 when any event was rejected. */
  readonly strict?: boolean;
  /** A saved run (run --save-state) whose replay the figures are read from. */
  readonly state?: string;
}

export const KPI_FORMATS: readonly KpiFormat[] = ['table', 'json', 'csv', 'md', 'html'];

const DEFINITIONS = `
What each figure means (docs/finance-forecast.md has the details):
  time to tier 2          median days from joining to first holding the second tier (< 60)
  tier retention          partner-quarters above the entry tier whose tier held or rose (> 90 %)
  feature adoption        unlocks used within 30 days, of unlocks at least 30 days old (> 75 %)
  training completion     partners who joined 60+ days ago with their tier's modules done (> 95 %)
  top-tier retention      partners holding the top tier a year after first reaching it (> 95 %)
  revenue per partner     per partner-month, by the tier held when the month began (199 / 755 / 1424 / 4636)
  activation rate         partners with a deal, of partners who joined (no target)
  time to first deal      median days from joining to the first deal (no target)
A figure with nothing to measure is n/a. Every format carries a reproducibility line (SHA-256 of
the events and the programme, and the as-of time): a "# " comment line first in CSV, a
"reproducibility" member in JSON. --format html writes one self-contained page with a chart.

With --state FILE (a saved run, from run --save-state) the replay is not done again: the
figures are read from the saved run's effects and the events, which are still read in full.`;

/**
 * Adds the `kpis` command.
 *
 * @example
 * registerKpis(program);
 * // partner-engine kpis --events events.ndjson --format csv --out kpis.csv
 * //=> writes one row per KPI with its value, target and met / not met, exit 0
 */
export function registerKpis(program: Command): void {
  withStrictOption(
    withStateOption(
      withReplayOptions(
        program
          .command('kpis')
          .description("The seed's success metrics of an event stream, next to their targets"),
      ),
    ),
  )
    .addOption(new Option('--format <format>', 'output format').choices([...KPI_FORMATS]).default('table'))
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText('after', DEFINITIONS)
    .action((options: KpisCommandOptions) => {
      const { text, rejected, eventCount } = kpisAndRejected(options);
      writeOutput(text, options.out);
      reportRejections(rejected, eventCount, LISTED_BY_RUN, options.strict);
    });
}

/** What `kpis` prints for its options. */
export function kpisCommand(options: KpisCommandOptions): string {
  return kpisAndRejected(options).text;
}

function kpisAndRejected(options: KpisCommandOptions) {
  const { program, events, unparsable, history } = replayed(options);
  const report = kpisOf(history);
  const reproducibility = reproducibilityOf(events, [{ name: 'programme', program }], report.asOf);
  return {
    text: formatKpiReport(report, options.format, textTable, reproducibility),
    rejected: withUnparsable(history.replay.rejected, unparsable),
    eventCount: events.length,
  };
}

interface Replayed extends ReplayInput {
  readonly history: History;
}

/** The events and their replayed history: replayed now, or from the saved run of --state. */
function replayed(options: KpisCommandOptions): Replayed {
  if (options.state !== undefined) return fromSavedRun(options, options.state);
  const input = readReplayInput(options);
  try {
    const asOf = options.at === undefined ? {} : { asOf: options.at };
    return { ...input, history: readHistory(input.events, input.program, asOf) };
  } catch (error) {
    // An as-of time the engine refuses (outside the supported range) is an unusable argument.
    if (error instanceof EngineError && error.code === 'INVALID_ARGUMENT')
      throw new CliError(`--at: ${error.message}`);
    throw error;
  }
}

/**
 * The history from a saved run and the events after it. The events are indexed as `run` reads
 * them, so their digest is the one the saved run was made with, and every one is parsed: the
 * figures read them all.
 */
function fromSavedRun(options: KpisCommandOptions, state: string): Replayed {
  const program = options.program === undefined ? sisoProgram : readProgramFile(options.program);
  const engine = createEngine(program);
  const saved = SavedRun.open(state, program);
  try {
    const opened = openEventsFile(options.events);
    const indexed = opened instanceof IndexedEvents ? opened : null;
    const events = indexed
      ? Array.from({ length: indexed.count }, (_, index) => indexed.event(index))
      : (opened as EventsFile).events;
    const input = {
      program,
      engine,
      events: indexed ?? events,
      unparsable: opened.unparsable,
      saved,
      close: () => indexed?.close(),
    };
    try {
      // The ledger is no part of the figures: the saved run's entries are skipped unread.
      const { result } = replayOpened(input, options, { onEntry: DISCARD });
      return {
        program,
        engine,
        events,
        unparsable: opened.unparsable,
        history: historyOf(events, program, result),
      };
    } finally {
      input.close();
    }
  } finally {
    saved.close();
  }
}
