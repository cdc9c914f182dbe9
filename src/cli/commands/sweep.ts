// `partner-engine sweep`: one or two figures of a programme varied over a range (a grid for two),
// each value replayed over the same events against the programme as given: a row per value with
// its total, delta, cost share and partners worse off. Paths, ranges and every programme the sweep
// would run are checked first: a bad one exits 2 before anything runs.
import type { Command } from 'commander';
import type { ReportFormat } from '../../reports/finance/formats.js';
import { sweepDocument } from '../../reports/finance/sweep-document.js';
import { type SweepAxis, sweepInWorkers } from '../../simulation/sweep.js';
import { collect, formatted, progressBar, usable, withFinanceOutput } from '../finance.js';
import { CliError, readEventsFile, readProgramFile, writeOutput } from '../io.js';
import { parseInstant } from '../replay.js';

export interface SweepArguments {
  readonly events: string;
  readonly program: string;
  readonly set: readonly string[];
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly step: readonly string[];
  readonly at?: string;
  readonly format: ReportFormat;
  readonly out?: string;
  readonly workers?: number;
}

const PATH_HELP = `
Paths (--set) into the programme document:
  holdPeriodDays                   a top-level field
  payouts.minimum                  a field of an object
  tiers[1].baseRate                an array element by position, from 0
  tiers[id=active].baseRate        an array element by one of its fields
  overrides.levels[level=1].rate   the same with a number field
Give --set with its --from, --to and --step; give them twice for a grid of two figures:
  partner-engine sweep --events e.ndjson --program siso.json \\
    --set 'tiers[id=active].baseRate' --from 0.20 --to 0.26 --step 0.01
There is no --state here (a saved run, from run --save-state, holds one programme's replay):
every value of the swept figure makes another programme, which replays the events from the start.`;

/**
 * Adds the `sweep` command.
 *
 * @example
 * registerSweep(program);
 * // partner-engine sweep --events e.ndjson --program siso.json --set 'tiers[id=active].baseRate' --from 0.20 --to 0.24 --step 0.02
 * //=> prints a row per value (0.20, 0.22, 0.24), exit 0
 */
export function registerSweep(program: Command): void {
  withFinanceOutput(
    program
      .command('sweep')
      .description('Vary one or two programme figures over a range and report what each value costs')
      .requiredOption('--events <file>', 'the events: NDJSON or a JSON array, - for standard input')
      .requiredOption('--program <file>', 'the programme to vary (JSON)')
      .requiredOption('--set <path>', 'the figure to vary, as a path (see below); twice for a grid', collect)
      .requiredOption('--from <x>', 'the first value', collect)
      .requiredOption('--to <y>', 'the last value (included when the steps reach it)', collect)
      .requiredOption('--step <s>', 'the step, positive', collect)
      .option(
        '--at <instant>',
        'as-of time, ISO-8601 with an offset or Z (default: the last accepted event)',
        parseInstant,
      ),
  )
    .addHelpText('after', PATH_HELP)
    .action((options: SweepArguments) => sweepCommand(options));
}

/**
 * Runs the command.
 *
 * @throws {CliError} exit 2 for unusable arguments, before anything runs.
 */
export async function sweepCommand(options: SweepArguments): Promise<void> {
  const axes = axesOf(options);
  const program = readProgramFile(options.program);
  const { events } = readEventsFile(options.events);
  const bar = progressBar('sweeping');
  const report = await usable(() =>
    sweepInWorkers({
      events,
      program,
      axes,
      ...(options.at === undefined ? {} : { asOf: options.at }),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
    }),
  ).finally(() => bar.stop());
  writeOutput(
    formatted(options.format, report, () => sweepDocument(report)),
    options.out,
  );
}

function axesOf(options: SweepArguments): SweepAxis[] {
  const { set, from, to, step } = options;
  if (from.length !== set.length || to.length !== set.length || step.length !== set.length)
    throw new CliError(
      `each --set needs its own --from, --to and --step (got ${set.length} --set, ${from.length} --from, ${to.length} --to, ${step.length} --step)`,
    );
  if (set.length > 2) throw new CliError(`a sweep varies one or two figures; got ${set.length} --set`);
  return set.map((path, index) => ({
    path,
    from: from[index] ?? '',
    to: to[index] ?? '',
    step: step[index] ?? '',
  }));
}
