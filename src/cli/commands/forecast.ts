// `partner-engine forecast`: the next N months' cost under a baseline programme and candidates,
// over S seeded futures calibrated to the history's own rates, as P10 / P50 / P90.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { EngineError, ForecastError, forecast, type Program } from '../../index.js';
import { type ForecastFormat, formatForecastReport } from '../../reports/forecast-report.js';
import { reproducibilityOf } from '../../reports/inputs-digest.js';
import { CliError, readEventsFile, readProgramFile, writeOutput } from '../io.js';
import { parseInstant } from '../replay.js';
import { textTable } from '../text-table.js';

export interface ForecastCommandOptions {
  readonly events: string;
  readonly baseline: string;
  readonly candidate: readonly string[];
  readonly months: number;
  readonly seeds: number;
  readonly seed: number;
  readonly at?: string;
  readonly format: ForecastFormat;
  readonly out?: string;
}

const EXPLANATION = `
How it works: the history's own rates are measured over its complete calendar months (joins a
month, deals per partner-month by the tier held when the month began, deal amounts, refunds,
training); each seed draws a future from them, continuing from the history's last state, and runs
it under every programme. cost is the sum of the ledger entries over the future (commissions,
bonuses, overrides, clawbacks); share is cost / revenue; delta is a candidate's cost minus the
baseline's on the same future. P10 / P50 / P90 are nearest-rank percentiles over the seeds.
Every format carries a reproducibility line (SHA-256 of the events and each programme, the as-of
time and the first seed); --format html writes one self-contained page with the cost band chart.
There is no --state here (a saved run, from run --save-state, holds one programme's replay):
every programme replays the history from the start before the futures are drawn.`;

function wholeNumber(name: string, least: number, most: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < least || value > most)
      throw new InvalidArgumentError(`expected a whole number from ${least} to ${most} for ${name}`);
    return value;
  };
}

/**
 * Adds the `forecast` command.
 *
 * @example
 * registerForecast(program);
 * // partner-engine forecast --events history.ndjson --baseline siso.json --candidate richer.json --months 6 --seeds 20
 * //=> prints P10 / P50 / P90 of cost, cost share and delta per programme, exit 0
 */
export function registerForecast(program: Command): void {
  program
    .command('forecast')
    .description("Project the next months' cost under a baseline and candidates, over seeded futures")
    .requiredOption('--events <file>', 'the history: NDJSON or a JSON array, - for standard input')
    .requiredOption('--baseline <file>', 'the baseline programme JSON file')
    .option(
      '--candidate <file>',
      'a candidate programme JSON file (repeat for more)',
      (file: string, files: string[]) => [...files, file],
      [],
    )
    .requiredOption('--months <n>', 'how many months to project (1 to 120)', wholeNumber('--months', 1, 120))
    .requiredOption('--seeds <n>', 'how many seeded futures (1 to 1000)', wholeNumber('--seeds', 1, 1000))
    .option(
      '--seed <n>',
      'the first seed (the same seed gives the same numbers)',
      wholeNumber('--seed', -(2 ** 52), 2 ** 52),
      1,
    )
    .option(
      '--at <instant>',
      'where the history ends, ISO-8601 with an offset or Z (default: its last event)',
      parseInstant,
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'csv', 'md', 'html'])
        .default('table'),
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText('after', EXPLANATION)
    .action((options: ForecastCommandOptions) => writeOutput(forecastCommand(options), options.out));
}

/** What `forecast` prints for its options. */
export function forecastCommand(options: ForecastCommandOptions): string {
  const baseline: Program = readProgramFile(options.baseline);
  const candidates = options.candidate.map((file) => readProgramFile(file));
  const { events } = readEventsFile(options.events);
  try {
    const report = forecast({
      events,
      baseline,
      candidates,
      months: options.months,
      seeds: options.seeds,
      seed: options.seed,
      ...(options.at === undefined ? {} : { asOf: options.at }),
    });
    const programs = [
      { name: 'baseline', program: baseline },
      ...candidates.map((program, index) => ({ name: `candidate ${index + 1}`, program })),
    ];
    const reproducibility = reproducibilityOf(events, programs, report.from, report.seed);
    return formatForecastReport(report, options.format, textTable, reproducibility);
  } catch (error) {
    // The option at fault: `candidates[0]` is the first --candidate.
    if (error instanceof ForecastError)
      throw new CliError(`--${error.path.replace(/^candidates\[\d+\]$/, 'candidate')}: ${error.message}`);
    if (error instanceof EngineError && error.code === 'INVALID_ARGUMENT')
      throw new CliError(`--at: ${error.message}`);
    throw error;
  }
}
