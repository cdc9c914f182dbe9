// `partner-engine kpis`: the seed's success metrics of an event file under a programme (SISO by
// default), next to their targets with met / not met, as a table, JSON, CSV, Markdown or HTML.
import { type Command, Option } from 'commander';
import { EngineError, kpis } from '../../index.js';
import { reproducibilityOf } from '../../reports/inputs-digest.js';
import { formatKpiReport, type KpiFormat } from '../../reports/kpi-report.js';
import { CliError, writeOutput } from '../io.js';
import { readReplayInput, withReplayOptions } from '../replay.js';
import { textTable } from '../text-table.js';

export interface KpisCommandOptions {
  readonly program?: string;
  readonly events: string;
  readonly at?: string;
  readonly format: KpiFormat;
  readonly out?: string;
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
"reproducibility" member in JSON. --format html writes one self-contained page with a chart.`;

/**
 * Adds the `kpis` command.
 *
 * @example
 * registerKpis(program);
 * // partner-engine kpis --events events.ndjson --format csv --out kpis.csv
 * //=> writes one row per KPI with its value, target and met / not met, exit 0
 */
export function registerKpis(program: Command): void {
  withReplayOptions(
    program
      .command('kpis')
      .description("The seed's success metrics of an event stream, next to their targets"),
  )
    .addOption(new Option('--format <format>', 'output format').choices([...KPI_FORMATS]).default('table'))
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText('after', DEFINITIONS)
    .action((options: KpisCommandOptions) => writeOutput(kpisCommand(options), options.out));
}

/** What `kpis` prints for its options. */
export function kpisCommand(options: KpisCommandOptions): string {
  const { program, events } = readReplayInput(options);
  try {
    const report = kpis(events, program, options.at === undefined ? {} : { asOf: options.at });
    const reproducibility = reproducibilityOf(events, [{ name: 'programme', program }], report.asOf);
    return formatKpiReport(report, options.format, textTable, reproducibility);
  } catch (error) {
    // An as-of time the engine refuses (outside the supported range) is an unusable argument.
    if (error instanceof EngineError && error.code === 'INVALID_ARGUMENT')
      throw new CliError(`--at: ${error.message}`);
    throw error;
  }
}
