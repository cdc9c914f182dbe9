// `partner-engine kpis`: the seed's success metrics of an event file under a programme (SISO by
// default), next to their targets with met / not met, as a table, JSON, CSV, Markdown or HTML.
import { type Command, Option } from 'commander';
import { EngineError } from '../../index.js';
import { reproducibilityOf } from '../../reports/inputs-digest.js';
import { formatKpiReport, type KpiFormat } from '../../reports/kpi-report.js';
import { readHistory } from '../../simulation/history.js';
import { kpisOf } from '../../simulation/kpis.js';
import { CliError, writeOutput } from '../io.js';
import { LISTED_BY_RUN, reportRejections, withStrictOption } from '../rejections.js';
import { readReplayInput, withReplayOptions, withUnparsable } from '../replay.js';
import { textTable } from '../text-table.js';

export interface KpisCommandOptions {
  readonly program?: string;
  readonly events: string;
  readonly at?: string;
  readonly format: KpiFormat;
  readonly out?: string;
  /** Exit 1 when any event was rejected. */
  readonly strict?: boolean;
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

kpis takes no --state: its figures are read from the whole history (every tier change, unlock
and deal along the way), which a saved run's final state does not hold.`;

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
    withReplayOptions(
      program
        .command('kpis')
        .description("The seed's success metrics of an event stream, next to their targets"),
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
  const { program, events, unparsable } = readReplayInput(options);
  try {
    const history = readHistory(events, program, options.at === undefined ? {} : { asOf: options.at });
    const report = kpisOf(history);
    const reproducibility = reproducibilityOf(events, [{ name: 'programme', program }], report.asOf);
    return {
      text: formatKpiReport(report, options.format, textTable, reproducibility),
      rejected: withUnparsable(history.replay.rejected, unparsable),
      eventCount: events.length,
    };
  } catch (error) {
    // An as-of time the engine refuses (outside the supported range) is an unusable argument.
    if (error instanceof EngineError && error.code === 'INVALID_ARGUMENT')
      throw new CliError(`--at: ${error.message}`);
    throw error;
  }
}
