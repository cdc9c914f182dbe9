// Replaying an event file for a command: the programme (SISO by default), the events (lines
// that are not JSON kept at their positions; `-` for standard input; NDJSON indexed and read back
// one event at a time rather than held), a progress bar on long runs when stderr is a terminal,
// the --at option, and sinks for a command that streams its outputs.
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import {
  createEngine,
  type Effect,
  type Engine,
  EngineError,
  type LedgerEntry,
  type Program,
  type ReplayOptions,
  type ReplayResult,
  sisoProgram,
} from '../index.js';
import { IndexedEvents, openEventsFile } from './event-index.js';
import { CliError, readEventsFile, readProgramFile, type UnparsableLine } from './io.js';

/** Below this many events a replay is over before a progress bar would help. */
const PROGRESS_THRESHOLD = 50_000;
const INSTANT = z.iso.datetime({ offset: true });

export interface ReplayFileOptions {
  readonly program?: string;
  readonly events: string;
  readonly at?: string;
}

/** A programme and the events read for it, before the replay. */
export interface ReplayInput {
  readonly program: Program;
  readonly engine: Engine;
  readonly events: readonly unknown[];
  readonly unparsable: readonly UnparsableLine[];
}

/** Events to replay: held in an array, or read back one at a time from an indexed NDJSON file. */
export type EventSource = readonly unknown[] | IndexedEvents;

/** A programme and its events opened for a replay; `close` lets the file go. */
export interface OpenedInput {
  readonly program: Program;
  readonly engine: Engine;
  readonly events: EventSource;
  readonly unparsable: readonly UnparsableLine[];
  close(): void;
}

export interface ReplayedFile {
  readonly program: Program;
  readonly engine: Engine;
  readonly result: ReplayResult;
  readonly unparsable: readonly UnparsableLine[];
}

/** Where the replay's effects and entries go instead of the result, for a long run. */
export interface ReplaySinks {
  readonly onEffect?: (effect: Effect) => void;
  readonly onEntry?: (entry: LedgerEntry) => void;
}

/** Where and from how many events on a progress bar is drawn (stderr, from PROGRESS_THRESHOLD). */
export interface ProgressOptions {
  readonly stream?: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly threshold?: number;
}

/** The options every replaying command takes: --program, --events and --at. */
export function withReplayOptions(command: Command): Command {
  return command
    .option('--program <file>', 'the programme JSON file (default: the SISO programme)')
    .requiredOption('--events <file>', 'the events: NDJSON or a JSON array, - for standard input')
    .option(
      '--at <instant>',
      'as-of time, ISO-8601 with an offset or Z (default: the last accepted event)',
      parseInstant,
    );
}

/** Opens the programme and events of a command's options and replays them. */
export function replayFile(options: ReplayFileOptions, sinks: ReplaySinks = {}): ReplayedFile {
  const input = openReplayInput(options);
  try {
    return replayInput(input, options.at, sinks);
  } finally {
    input.close();
  }
}

/**
 * Reads the programme (SISO when none is given) and opens the events of a command's options:
 * NDJSON is indexed rather than held (see event-index.ts), so a long file's events are not
 * all in memory at once.
 *
 * @example
 * const input = openReplayInput({ events: 'events.ndjson' });
 * eventCount(input.events)
 * //=> 1200
 * input.close();
 */
export function openReplayInput(options: ReplayFileOptions): OpenedInput {
  const program = options.program === undefined ? sisoProgram : readProgramFile(options.program);
  const engine = createEngine(program);
  const opened = openEventsFile(options.events);
  if (opened instanceof IndexedEvents)
    return { program, engine, events: opened, unparsable: opened.unparsable, close: () => opened.close() };
  return { program, engine, events: opened.events, unparsable: opened.unparsable, close: () => {} };
}

/** How many events a source has. */
export function eventCount(events: EventSource): number {
  return events instanceof IndexedEvents ? events.count : events.length;
}

/** Reads the programme (SISO when none is given) and the events of a command's options. */
export function readReplayInput(options: ReplayFileOptions): ReplayInput {
  const program = options.program === undefined ? sisoProgram : readProgramFile(options.program);
  const { events, unparsable } = readEventsFile(options.events);
  return { program, engine: createEngine(program), events, unparsable };
}

/** Replays events read by readReplayInput or opened by openReplayInput, up to `asOf` when given. */
export function replayInput(
  input: ReplayInput | OpenedInput,
  asOf: string | undefined,
  sinks: ReplaySinks = {},
  progress: ProgressOptions = {},
): ReplayedFile {
  const { program, engine, events, unparsable } = input;
  try {
    const result = replayWithProgress(
      engine,
      events,
      { ...sinks, ...(asOf === undefined ? {} : { asOf }) },
      progress,
    );
    return { program, engine, result, unparsable };
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

function replayWithProgress(
  engine: Engine,
  events: EventSource,
  options: Omit<ReplayOptions, 'state'>,
  { stream = process.stderr, threshold = PROGRESS_THRESHOLD }: ProgressOptions,
): ReplayResult {
  const replay = (withProgress: Omit<ReplayOptions, 'state'>) => engine.replay(events, withProgress);
  const total = eventCount(events);
  // A bar is for a person watching: never in a pipe or a log file, where it would be noise.
  if (!stream.isTTY || total <= threshold) return replay(options);
  const bar = new cliProgress.SingleBar(
    { stream, format: 'replaying [{bar}] {percentage}% {value}/{total} events' },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  try {
    return replay({ ...options, onProgress: (done) => bar.update(done) });
  } finally {
    bar.stop();
  }
}
