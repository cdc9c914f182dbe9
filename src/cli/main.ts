// The partner-engine command line: one commander program, one file per command, each thin over
// the library. This file owns the exit statuses: 0 success, 1 the run itself failed, 2 unusable
// arguments or an invalid programme; errors are one line, never a stack trace.
import { Command, CommanderError } from 'commander';
import { VERSION } from '../index.js';
import { registerExplain } from './commands/explain.js';
import { registerForecast } from './commands/forecast.js';
import { registerGenerate } from './commands/generate.js';
import { registerKpis } from './commands/kpis.js';
import { registerLeaderboard } from './commands/leaderboard.js';
import { registerOverview } from './commands/overview.js';
import { registerPortal } from './commands/portal.js';
import { registerRun } from './commands/run.js';
import { registerSimulate } from './commands/simulate.js';
import { registerSweep } from './commands/sweep.js';
import { registerValidate } from './commands/validate.js';
import { codeOf } from './descriptor.js';
import { CliError } from './io.js';

const NAME = 'partner-engine';
/** Set to 1 to see the stack trace of an unexpected error. */
const DEBUG = process.env.PARTNER_ENGINE_DEBUG === '1';

function createProgram(): Command {
  const program = new Command(NAME)
    .description('A partner programme as code: tiers, commissions and badges from an event stream.')
    .version(VERSION);
  registerValidate(program);
  registerRun(program);
  registerExplain(program);
  registerLeaderboard(program);
  registerGenerate(program);
  registerKpis(program);
  registerForecast(program);
  registerSimulate(program);
  registerSweep(program);
  registerPortal(program);
  registerOverview(program);
  reportErrorsOnOneLine(program);
  return program;
}

// Applied to every command, including ones a register function built with `new Command` and
// `addCommand`, which do not inherit these settings from the program.
function reportErrorsOnOneLine(command: Command): void {
  command.exitOverride();
  command.configureOutput({ outputError: (text, write) => write(`${NAME}: ${oneLine(text)}\n`) });
  for (const subcommand of command.commands) reportErrorsOnOneLine(subcommand);
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    return exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  // Commander has already printed its message (or the help) when it throws.
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  // A reader that stopped early (`partner-engine run … | head`) while `run` wrote as it went.
  if (codeOf(error) === 'EPIPE') return 0;
  if (error instanceof CliError) {
    process.stderr.write(`${NAME}: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${NAME}: ${oneLine(message)}\n`);
  if (DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 1;
}

/** Commander's "error: unknown option '--x'\n(Did you mean --y?)" as one line, without "error: ". */
function oneLine(text: string): string {
  return text
    .trim()
    .replace(/^error: /, '')
    .split('\n')
    .join(' ');
}

// A reader that stops early (`partner-engine run … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

// Set the status rather than calling process.exit, so a large output piped to a slow reader is
// written in full before the process ends.
process.exitCode = await main(process.argv);
