// Replaying an event file for a command: the programme (SISO by default), the events (lines
// that are not JSON kept at their positions; `-` for standard input; NDJSON indexed and read back
// one event at a time rather than held), a progress bar on long runs when stderr is a terminal,
// the --at option, sinks for a command that streams its outputs, and a saved run to start from
// (--state) or to keep (--save-state, `run` only; see continued-replay.ts).
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import {
  createEngine,
  type Effect,
  type Engine,
  EngineError,
  type EventSource as EngineEventSource,
  type LedgerEntry,
  type Program,
  type Rejection,
  type ReplayOptions,
  type ReplayResult,
  sisoProgram,
} from '../index.js';
import { replayContinued } from './continued-replay.js';
import { IndexedEvents, openEventsFile } from './event-index.js';
import { CliError, readEventsFile, readProgramFile, type UnparsableLine } from './io.js';
import { SavedRun } from './saved-run-reader.js';

/** Below this many events a replay is over before a progress bar would help. */
const PROGRESS_THRESHOLD = 50_000;
const INSTANT = z.iso.datetime({ offset: true });

export interface ReplayFileOptions {
  readonly program?: string;
  readonly events: string;
  readonly at?: string;
  /** A saved run to start from instead of replaying the events it covers. */
  readonly state?: string;
  /** Where to save this run for later commands (`run --save-state`). */
  readonly saveState?: string;
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
  /** Lines that are not JSON (with --state, only among the events after the saved ones). */
  readonly unparsable: readonly UnparsableLine[];
  /** The saved run of --state, its header read and checked against the programme. */
  readonly saved: SavedRun | null;
  close(): void;
}

export interface ReplayedFile {
  readonly program: Program;
  readonly engine: Engine;
  readonly result: ReplayResult;
  /** Lines that are not JSON; empty when `result.rejected` already lists them (a continued run). */
  readonly unparsable: readonly UnparsableLine[];
  /** How many events the input holds. */
  readonly eventCount: number;
}

/** A sink for what a command has no use for: the engine then keeps none of it either. */
export const DISCARD = (): void => {};

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

/** The --state option of a command that answers from a saved run as well as from a replay. */
export function withStateOption(command: Command): Command {
  return command.option(
    '--state <file>',
    'start from a saved run (run --save-state): the events it covers are not replayed again; --events must begin with them',
  );
}

/**
 * Opens the programme and events of a command's options and replays them: from the saved run of
 * --state when given, saving the run to --save-state when given.
 */
export function replayFile(options: ReplayFileOptions, sinks: ReplaySinks = {}): ReplayedFile {
  const input = openReplayInput(options);
  try {
    return replayOpened(input, options, sinks);
  } finally {
    input.close();
  }
}

/** Replays an input opened by openReplayInput for a command's options (see replayFile). */
export function replayOpened(
  input: OpenedInput,
  options: ReplayFileOptions,
  sinks: ReplaySinks = {},
): ReplayedFile {
  if (options.state === undefined && options.saveState === undefined)
    return replayInput(input, options.at, sinks);
  return replayContinued(input, options, sinks);
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
  const saved = options.state === undefined ? null : SavedRun.open(options.state, program);
  try {
    // The events a saved run covers are read for their digest only, never parsed.
    const opened = openEventsFile(options.events, { parseFrom: saved?.header.events.count ?? 0 });
    const letGo = () => saved?.close();
    if (opened instanceof IndexedEvents) {
      const close = () => {
        opened.close();
        letGo();
      };
      return { program, engine, events: opened, unparsable: opened.unparsable, saved, close };
    }
    return { program, engine, events: opened.events, unparsable: opened.unparsable, saved, close: letGo };
  } catch (error) {
    saved?.close();
    throw error;
  }
}

/** How many events a source has. */
export function eventCount(events: EventSource | EngineEventSource): number {
  return Array.isArray(events) ? events.length : (events as EngineEventSource).count;
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
  const options = { ...sinks, ...(asOf === undefined ? {} : { asOf }) };
  const result = replaySource(engine, events, options, progress);
  return { program, engine, result, unparsable, eventCount: eventCount(events) };
}

/**
 * Replays events with the engine (from `options.state` when given), with a progress bar on
 * long runs.
 *
 * @throws {CliError} exit 2 when the engine refuses the as-of time.
 */
export function replaySource(
  engine: Engine,
  events: EventSource | EngineEventSource,
  options: ReplayOptions,
  progress: ProgressOptions = {},
): ReplayResult {
  try {
    return replayWithProgress(engine, events, options, progress);
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
  events: EventSource | EngineEventSource,
  options: ReplayOptions,
  { stream = process.stderr, threshold = PROGRESS_THRESHOLD }: ProgressOptions,
): ReplayResult {
  const replay = (withProgress: ReplayOptions) => engine.replay(events, withProgress);
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

/**
 * The engine rejects the `null` standing for a line that is not JSON; say why in its place.
 *
 * @example
 * withUnparsable([{ eventId: null, index: 2, code: 'INVALID_EVENT', path: '', message: 'not an object' }],
 *   [{ index: 2, message: 'line 3 is not valid JSON: …' }])[0].message
 * //=> 'line 3 is not valid JSON: …'
 */
export function withUnparsable(
  rejected: readonly Rejection[],
  unparsable: readonly UnparsableLine[],
): Rejection[] {
  if (unparsable.length === 0) return [...rejected];
  const positions = new Set(unparsable.map((line) => line.index));
  const lines = unparsable.map(
    (line): Rejection => ({
      eventId: null,
      index: line.index,
      code: 'INVALID_EVENT',
      path: '',
      message: line.message,
    }),
  );
  const others = rejected.filter((rejection) => !positions.has(rejection.index));
  return [...others, ...lines].sort((a, b) => a.index - b.index);
}
