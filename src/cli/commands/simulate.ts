// `partner-engine simulate`: the same events under a baseline programme and one or more
// candidates, reported as tables, JSON, CSV, Markdown or one HTML file; with --partner, one
// partner's delta entry by entry; with --guard, rules the candidates must keep (exit 1 when one
// is broken, so a plan change can be gated in CI). The programmes run side by side on workers.
import type { Command } from 'commander';
import type { ReportFormat } from '../../reports/finance/formats.js';
import { simulationDocument } from '../../reports/finance/simulation-document.js';
import { simulateInWorkers } from '../../simulation/simulate.js';
import {
  collect,
  formatted,
  parseCount,
  programName,
  progressBar,
  usable,
  withFinanceOutput,
} from '../finance.js';
import { CliError, readEventsFile, readProgramFile, writeOutput } from '../io.js';
import { parseInstant } from '../replay.js';

export interface SimulateArguments {
  readonly events: string;
  readonly baseline: string;
  readonly candidate: readonly string[];
  readonly partner?: string;
  readonly guard?: readonly string[];
  readonly at?: string;
  readonly top?: number;
  readonly format: ReportFormat;
  readonly out?: string;
  readonly workers?: number;
}

const GUARD_HELP = `
Guards (--guard, as many as wanted; quote each):
  "partner-loss <= 5%"         no partner earns more than 5 % less than under the baseline
  "partner-loss <= 100.00"     no partner earns more than 100.00 less
  "cost-share <= 24%"          the candidate costs at most 24 % of revenue over the whole run
  "monthly-cost-share <= 30%"  ... and in every month
  "delta <= 2%"                the total cost rises by at most 2 % (or "delta <= 5000.00")
  "no-new-demotions"           no partner is demoted who was not demoted under the baseline
Exit status 1 when a guard is violated (the report is still written), 2 for unusable arguments.
There is no --state here (a saved run, from run --save-state, holds one programme's replay):
every programme (the baseline and each candidate) replays the events from the start.`;

/**
 * Adds the `simulate` command.
 *
 * @example
 * registerSimulate(program);
 * // partner-engine simulate --events e.ndjson --baseline siso.json --candidate active-24.json --format json
 * //=> prints { "asOf": …, "baseline": { "total": "…" }, "candidates": [{ "total": "…", "delta": "…" }] }, exit 0
 */
export function registerSimulate(program: Command): void {
  withFinanceOutput(
    program
      .command('simulate')
      .description('What candidate programmes would cost against a baseline over the same events')
      .requiredOption('--events <file>', 'the events: NDJSON or a JSON array, - for standard input')
      .requiredOption('--baseline <file>', 'the programme in force (JSON)')
      .requiredOption('--candidate <file>', 'a candidate programme (JSON); repeat for several', collect)
      .option('--partner <id>', "explain this partner's delta entry by entry")
      .option('--guard <rule>', 'a rule each candidate must keep; repeat for several (see below)', collect)
      .option(
        '--at <instant>',
        'as-of time, ISO-8601 with an offset or Z (default: the last accepted event)',
        parseInstant,
      )
      .option('--top <n>', 'winners and losers listed per candidate (default 10)', parseCount),
  )
    .addHelpText('after', GUARD_HELP)
    .action((options: SimulateArguments) => simulateCommand(options));
}

/**
 * Runs the command: reads the inputs, simulates on workers, writes the report.
 *
 * @throws {CliError} exit 2 for unusable arguments (before anything runs), exit 1 when a guard is violated.
 */
export async function simulateCommand(options: SimulateArguments): Promise<void> {
  const baseline = readProgramFile(options.baseline);
  const candidates = options.candidate.map(readProgramFile);
  const { events } = readEventsFile(options.events);
  const bar = progressBar('simulating');
  const report = await usable(() =>
    simulateInWorkers({
      events,
      baseline,
      candidates,
      names: { candidates: candidateNames(options.candidate) },
      guards: options.guard ?? [],
      ...(options.partner === undefined ? {} : { partner: options.partner }),
      ...(options.at === undefined ? {} : { asOf: options.at }),
      ...(options.top === undefined ? {} : { top: options.top }),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
    }),
  ).finally(() => bar.stop());
  writeOutput(
    formatted(options.format, report, () => simulationDocument(report)),
    options.out,
  );
  const broken = report.candidates.flatMap((candidate) =>
    candidate.guards
      .filter((guard) => !guard.passed)
      .map((guard) => `${candidate.name}: ${guard.guard} (${breakers(guard.violations)})`),
  );
  if (broken.length > 0)
    throw new CliError(
      `${broken.length} guard${broken.length === 1 ? '' : 's'} violated: ${broken.join('; ')}`,
      1,
    );
}

function breakers(
  violations: ReadonlyArray<{ readonly partnerId?: string; readonly month?: string }>,
): string {
  const names = violations.map((violation) => violation.partnerId ?? violation.month ?? 'the whole run');
  return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
}

/** Each candidate's file name, made unique (and never `baseline`) by its position when needed. */
function candidateNames(files: readonly string[]): string[] {
  const names = files.map(programName);
  return names.map((name, index) =>
    name === 'baseline' || names.indexOf(name) !== names.lastIndexOf(name) ? `${name} (${index + 1})` : name,
  );
}
