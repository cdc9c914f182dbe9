// createEngine: a programme in, a pure event-sourced fold out. apply, replay and advance take a
// state and return a new one with the effects and ledger entries; the input is never changed.
import type { EventError } from '../events/codes.js';

export type { Rejection, Skip } from './batch.js';

import { type CompiledProgram, compileProgram } from '../program/compile.js';
import type { Program } from '../program/load.js';
import { Batch, type BatchOptions, parseInstant, type Rejection, type Skip } from './batch.js';
import { EngineError } from './errors.js';
import { instantOf, replayOrder } from './fold.js';
import type { Effect, LedgerEntry } from './outputs.js';
import { createRuntime, type Runtime } from './runtime.js';
import type { Slice } from './slice.js';
import { type EngineState, initialState } from './state.js';
import { readState, trustState } from './state-schema.js';

export type ApplyResult =
  | {
      readonly ok: true;
      readonly state: EngineState;
      readonly effects: readonly Effect[];
      readonly ledger: readonly LedgerEntry[];
      /** 'duplicate' when the same event was applied before: nothing changed. */
      readonly skipped?: 'duplicate';
    }
  | { readonly ok: false; readonly state: EngineState; readonly error: EventError };

/**
 * Events a replay reads one at a time instead of holding them together (an index into a file,
 * a cursor over a table): how many there are, their positions in replay order (by `at`, input
 * order among equal times, as `replayOrder` gives), and the event at a position.
 */
export interface EventSource {
  readonly count: number;
  replayOrder(): Iterable<number>;
  event(index: number): unknown;
}

export interface ReplayOptions {
  /** Run time-driven work up to this instant; events after it are skipped. Default: the last event. */
  readonly asOf?: string;
  /** Continue from this state instead of an empty one. */
  readonly state?: EngineState;
  /** Called every `progressEvery` events (default 10,000) with how many are done. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
  /** Receive effects and entries as they happen instead of in the result (for very long streams). */
  readonly onEffect?: (effect: Effect) => void;
  readonly onEntry?: (entry: LedgerEntry) => void;
}

export interface ReplayResult {
  readonly asOf: string | null;
  readonly state: EngineState;
  readonly effects: readonly Effect[];
  readonly ledger: readonly LedgerEntry[];
  readonly rejected: readonly Rejection[];
  readonly skipped: readonly Skip[];
}

export interface AdvanceResult {
  readonly state: EngineState;
  readonly effects: readonly Effect[];
  readonly ledger: readonly LedgerEntry[];
}

export interface EngineCore {
  readonly program: Program;
  readonly compiled: CompiledProgram;
  /** The state before any event. */
  initialState(): EngineState;
  /**
   * A state to work on, from one this engine returned (taken as it is) or one read back from
   * storage (checked in full, and migrated from an older format).
   *
   * @throws {EngineError} INVALID_STATE for a corrupt state or an unknown format,
   *   STATE_PROGRAM_MISMATCH for a state made under another programme.
   * @example
   * engine.readState(JSON.parse(saved)).format
   * //=> 'partner-engine/state@5'
   */
  readState(state: unknown): EngineState;
  /** Applies one event (raw JSON or parsed); a rejected event returns the input state unchanged. */
  apply(state: EngineState, event: unknown): ApplyResult;
  /**
   * Folds a whole stream, sorted by `at` (input order among equal times): an array, or an
   * EventSource that gives the events one at a time in that order.
   *
   * @throws {EngineError} INVALID_ARGUMENT when `events` is neither.
   */
  replay(events: readonly unknown[] | EventSource, options?: ReplayOptions): ReplayResult;
  /** Runs the time-driven work due up to `at` (reviews, hold periods, payout runs). */
  advance(state: EngineState, at: string): AdvanceResult;
  /** A batch over a copy of `state`: apply events in time order, advance, then take the result. */
  batch(state?: EngineState, options?: BatchOptions): Batch;
}

export function createEngineCore(program: Program, slices: readonly Slice[]): EngineCore {
  const compiled = compileProgram(program);
  const runtime = createRuntime(compiled, slices);
  const empty = () => trustState(initialState(program.id, program.tiers.length));
  const read = (state: unknown) =>
    readState(state, {
      id: program.id,
      tierCount: program.tiers.length,
      decimals: program.currency.decimals,
    });
  // No state (undefined, or null from a caller without types) is a batch or replay from nothing.
  const readGiven = (state: unknown) => (state === undefined || state === null ? undefined : read(state));
  return {
    program,
    compiled,
    initialState: empty,
    readState: read,
    apply: (state, event) => apply(runtime, read(state), event),
    replay: (events, options = {}) =>
      replay(runtime, events, { ...options, state: readGiven(options.state) }),
    advance: (state, at) => {
      const batch = new Batch(runtime, read(state));
      batch.advance(at);
      const { state: advanced, effects, ledger } = batch.result();
      return { state: advanced, effects, ledger };
    },
    batch: (state, options) => new Batch(runtime, readGiven(state), options),
  };
}

function apply(runtime: Runtime, state: EngineState, input: unknown): ApplyResult {
  const batch = new Batch(runtime, state);
  const outcome = batch.apply(input, 0);
  if (outcome.kind === 'rejected') return { ok: false, state, error: outcome.error };
  if (outcome.kind === 'skipped') return { ok: true, state, effects: [], ledger: [], skipped: 'duplicate' };
  const result = batch.result();
  return { ok: true, state: result.state, effects: result.effects, ledger: result.ledger };
}

function replay(
  runtime: Runtime,
  events: readonly unknown[] | EventSource,
  options: ReplayOptions,
): ReplayResult {
  const asOf = options.asOf === undefined ? null : parseInstant(options.asOf, 'asOf');
  const source = sourceOf(events);
  const batch = new Batch(runtime, options.state, options);
  const every = options.progressEvery ?? 10_000;
  const total = source.count;
  let last = Number.NEGATIVE_INFINITY;
  let done = 0;
  for (const index of source.replayOrder()) {
    if (options.onProgress && done % every === 0) options.onProgress(done, total);
    done += 1;
    const input = source.event(index);
    const lateId = asOf === null ? null : afterAsOf(input, asOf);
    if (lateId !== null) {
      batch.skipAfterAsOf(lateId, index);
      continue;
    }
    // The as-of time defaults to the time of the last accepted event: a rejected event, whatever
    // its time, moves nothing (not even the time-driven work run at the end).
    const outcome = batch.apply(input, index);
    if (outcome.kind !== 'rejected') last = Math.max(last, instantOf(input));
  }
  options.onProgress?.(total, total);
  const until = asOf ?? last;
  if (Number.isFinite(until)) batch.advance(new Date(until).toISOString());
  return { asOf: Number.isFinite(until) ? new Date(until).toISOString() : null, ...batch.result() };
}

/** An array of events as an EventSource; refuses anything that is neither. */
function sourceOf(events: unknown): EventSource {
  if (Array.isArray(events)) {
    return { count: events.length, replayOrder: () => replayOrder(events), event: (index) => events[index] };
  }
  const candidate = events as Partial<EventSource> | null;
  if (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.count === 'number' &&
    typeof candidate.replayOrder === 'function' &&
    typeof candidate.event === 'function'
  )
    return candidate as EventSource;
  throw new EngineError(
    'INVALID_ARGUMENT',
    'replay takes an array of events, or an EventSource (count, replayOrder, event)',
    'events',
  );
}

/** The id of a well-formed event later than the as-of time, or null. */
function afterAsOf(input: unknown, asOf: number): string | null {
  const id = input !== null && typeof input === 'object' ? (input as { id?: unknown }).id : undefined;
  return typeof id === 'string' && instantOf(input) > asOf ? id : null;
}
