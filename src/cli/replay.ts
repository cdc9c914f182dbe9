// Replaying an event file for a command: the programme (SISO by default), the events (lines
// that are not JSON kept at their positions; `-` for standard input), a progress bar on long
// runs, and the --at option.
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import {
  createEngine,
  type Engine,
  EngineError,
  type Program,
  type ReplayResult,
  sisoProgram,
} from '../index.js';
import { CliError, readEventsFile, readProgramFile, type UnparsableLine } from './io.js';

/** Below this many events a replay is over before a progress bar would help. */
const PROGRESS_THRESHOLD = 50_000;
const INSTANT = z.iso.datetime({ offset: true });

export interface ReplayFileOptions {
  readonly program?: string;
  readonly events: string;
  readonly at?: string;
}

export interface ReplayedFile {
  readonly program: Program;
  readonly engine: Engine;
  readonly result: ReplayResult;
  readonly unparsable: readonly UnparsableLine[];
}

/** The options every replaying command takes: --program, --events and --at. */
export function withReplayOptions(command: Command): Command {
  return command
    .option('--program <file>', 'the programme JSON file (default: the SISO programme)')
    .requiredOption('--events <file>', 'the events: NDJSON or a JSON array, - for standard input')
    .option(
      '--at <instant>',
      'as-of time, ISO-8601 with an offset or Z (default: the last event)',
      parseInstant,
    );
}

/** Reads the programme and events of a command's options and replays them. */
export function replayFile(options: ReplayFileOptions): ReplayedFile {
  const program = options.program === undefined ? sisoProgram : readProgramFile(options.program);
  const { events, unparsable } = readEventsFile(options.events);
  const engine = createEngine(program);
  try {
    return { program, engine, result: replayWithProgress(engine, events, options.at), unparsable };
  } catch (error) {
    // An as-of time the engine refuses (too far after the events) is an unusable argument.
    if (error instanceof EngineError && error.code === 'INVALID_ARGUMENT')
      throw new CliError(`--at: ${error.message}`);
    throw error;
  }
}

/** The --at option's parser: an ISO-8601 date-time with an offset or Z, else a usage error. */
export function parseInstant(text: string): string {
  // zod checks the calendar (no 30 February); the suffix check matches what replay accepts.
  if (INSTANT.safeParse(text).success && /(?:Z|[+-]\d\d:\d\d)$/.test(text)) return text;
  throw new InvalidArgumentError(
    'expected an ISO-8601 date-time with an offset or Z, such as 2025-04-01T00:00:00Z',
  );
}

function replayWithProgress(engine: Engine, events: readonly unknown[], asOf?: string): ReplayResult {
  if (!process.stderr.isTTY || events.length <= PROGRESS_THRESHOLD) return engine.replay(events, { asOf });
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'replaying [{bar}] {percentage}% {value}/{total} events' },
    cliProgress.Presets.shades_classic,
  );
  bar.start(events.length, 0);
  try {
    return engine.replay(events, { asOf, onProgress: (done) => bar.update(done) });
  } finally {
    bar.stop();
  }
}
