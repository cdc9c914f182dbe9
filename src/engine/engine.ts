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

/**
 * What `engine.apply` returns: the new state with the effects and ledger entries of the event, or
 * the input state unchanged with the reason the event was refused.
 *
 * @example
 * const result = engine.apply(state, {
 *   id: 'e9', type: 'deal.closed', at: '2025-01-11T00:00:00Z',
 *   partnerId: 'zed', dealId: 'd9', amount: '5.00', currency: 'USD',
 * });
 * result.ok ? result.ledger : result.error
 * //=> { code: 'UNKNOWN_PARTNER', path: 'partnerId', message: 'partner "zed" has not joined' }
 */
export type ApplyResult =
  | {
      /** The event was applied (or skipped as a duplicate). */
      readonly ok: true;
      /** The state after the event. */
      readonly state: EngineState;
      /** What the event caused, for the host to act on. */
      readonly effects: readonly Effect[];
      /** The ledger entries the event booked. */
      readonly ledger: readonly LedgerEntry[];
      /** 'duplicate' when the same event was applied before: nothing changed. */
      readonly skipped?: 'duplicate';
    }
  | {
      /** The event was refused. */
      readonly ok: false;
      /** The state given, unchanged. */
      readonly state: EngineState;
      /** Why: a code, the field at fault and a message. */
      readonly error: EventError;
    };

/**
 * Events a replay reads one at a time instead of holding them together (an index into a file,
 * a cursor over a table): how many there are, their positions in replay order (by `at`, input
 * order among equal times, as `replayOrder` gives), and the event at a position.
 */
export interface EventSource {
  /** How many events there are. */
  readonly count: number;
  /** The positions of the events, in replay order. */
  replayOrder(): Iterable<number>;
  /** The event at a position (raw JSON or parsed). */
  event(index: number): unknown;
}

/** How `engine.replay` runs: up to when, from which state, and where its outputs go. */
export interface ReplayOptions {
  /** Run time-driven work up to this instant; events after it are skipped. Default: the last event. */
  readonly asOf?: string;
  /** Continue from this state instead of an empty one. */
  readonly state?: EngineState;
  /** Called every `progressEvery` events (default 10,000) with how many are done. */
  readonly onProgress?: (done: number, total: number) => void;
  /** How many events between two `onProgress` calls (default 10,000). */
  readonly progressEvery?: number;
  /** Receive effects and entries as they happen instead of in the result (for very long streams). */
  readonly onEffect?: (effect: Effect) => void;
  /** Receive ledger entries as they are booked instead of in the result. */
  readonly onEntry?: (entry: LedgerEntry) => void;
}

/**
 * What `engine.replay` returns: the final state, everything produced, and the events refused or
 * skipped, in input order.
 *
 * @example
 * // events: ana joins (e1), then closes a 1000.00 USD deal (e2), as in the `Engine` example
 * const { state, ledger, rejected } = engine.replay(events);
 * ledger.map((entry) => [entry.id, entry.amount])
 * //=> [['e2:commission', '200.00']]
 * rejected
 * //=> []
 */
export interface ReplayResult {
  /**
   * The instant the replay ran up to (ISO-8601, UTC): `options.asOf`, else the last accepted
   * event's time; null when there was neither.
   */
  readonly asOf: string | null;
  /** The state after the last event (and the time-driven work up to `asOf`). */
  readonly state: EngineState;
  /** Effects, in the order they happened (empty when `onEffect` was given). */
  readonly effects: readonly Effect[];
  /** Ledger entries, in the order they were booked (empty when `onEntry` was given). */
  readonly ledger: readonly LedgerEntry[];
  /** Events refused, each with its position in the input and its reason. */
  readonly rejected: readonly Rejection[];
  /** Events left out: duplicates of an event already applied, and events after `asOf`. */
  readonly skipped: readonly Skip[];
}

/**
 * What `engine.advance` returns: the state after the time-driven work, with what that work
 * produced.
 */
export interface AdvanceResult {
  /** The state after the work, its clock at the given instant. */
  readonly state: EngineState;
  /** Effects of the work, such as `payout.due`, reviews' tier effects and leaderboard badges. */
  readonly effects: readonly Effect[];
  /** Ledger entries the work booked. */
  readonly ledger: readonly LedgerEntry[];
}

/**
 * The fold itself: an engine's programme and the calls that take a state and events and return a
 * new state. `Engine` adds the queries; a host uses `Engine`.
 */
export interface EngineCore {
  /** The programme the engine runs. */
  readonly program: Program;
  /**
   * The programme compiled: rules as predicates, tiers with their cumulative unlocks, versions by
   * date.
   */
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
