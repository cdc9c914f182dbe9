// A batch: many events folded into one working copy of a state, in time order, without copying
// the state per event. apply, replay and advance are all batches; a host with a stream (a file, a
// queue) can use one directly and never hold the whole stream in memory.
import type { EventError } from '../events/codes.js';
import { isFinerThanMillisecond, isSupportedInstant, SUPPORTED_RANGE } from '../events/instants.js';
import { Draft } from './draft.js';
import { EngineError } from './errors.js';
import { type FoldOutcome, foldEvent, parseWith } from './fold.js';
import { type Effect, EffectIds, type LedgerEntry } from './outputs.js';
import { type Outputs, type Runtime, runDueWork, startSchedule } from './runtime.js';
import { type EngineState, initialState } from './state.js';
import { trustState } from './state-schema.js';

/** An event a replay or batch refused: where it was in the input and why. */
export interface Rejection {
  /** The event's id, or null when it has none that can be read. */
  readonly eventId: string | null;
  /** 0-based position in the input. */
  readonly index: number;
  /** The rejection code, such as `UNKNOWN_PARTNER` or `INVALID_EVENT`. */
  readonly code: EventError['code'];
  /** The field at fault, such as `partnerId`, or "" for the whole event. */
  readonly path: string;
  /** Why, in words. */
  readonly message: string;
}

/**
 * An event a replay or batch left out: a duplicate of one already applied, or one after the
 * replay's `asOf`.
 */
export interface Skip {
  /** The event's id. */
  readonly eventId: string;
  /** 0-based position in the input. */
  readonly index: number;
  /** Why it was left out. */
  readonly reason: 'duplicate' | 'after-as-of';
}

/** Where a batch puts what it produces; arrays by default, or the host's own sinks. */
export interface BatchOptions {
  /** Receive each effect as it happens instead of in the result. */
  readonly onEffect?: (effect: Effect) => void;
  /** Receive each ledger entry as it is booked instead of in the result. */
  readonly onEntry?: (entry: LedgerEntry) => void;
}

/** What `batch.result()` returns: the state so far and everything the batch produced. */
export interface BatchResult {
  /** The state after every event applied and the work advanced. */
  readonly state: EngineState;
  /** Everything produced (empty when sinks were given). */
  readonly effects: readonly Effect[];
  /** Everything booked (empty when sinks were given). */
  readonly ledger: readonly LedgerEntry[];
  /** Events refused, in input order. */
  readonly rejected: readonly Rejection[];
  /** Events left out, in input order. */
  readonly skipped: readonly Skip[];
}

/** Reads an instant, refusing anything but ISO-8601 with an offset or Z. */
export function parseInstant(at: string, what: string): number {
  const instant = Date.parse(at);
  if (!/T.*(Z|[+-]\d\d:\d\d)$/.test(at) || Number.isNaN(instant)) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `${what} must be an ISO-8601 date-time with an offset or Z; got "${at}"`,
      what,
    );
  }
  // Kept exactly or refused, never cut: the work due by this instant depends on it.
  if (isFinerThanMillisecond(at)) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `${what} ${at} is more precise than a millisecond; the engine keeps instants in whole milliseconds`,
      what,
    );
  }
  // The range events may name: time-driven work runs up to this instant, so it bounds the cost.
  if (!isSupportedInstant(instant)) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `${what} ${at} is outside the supported range ${SUPPORTED_RANGE}`,
      what,
    );
  }
  return instant;
}

/**
 * Many events folded into one working copy of a state, in time order, without copying the state per
 * event: for a host with a stream (a file, a queue) it need not hold in memory. Made by
 * `engine.batch(state?)`; on events in time order it gives what `replay` gives.
 *
 * @example
 * // events: ana joins (e1), then closes a 1000.00 USD deal (e2), as in the `Engine` example
 * const batch = engine.batch(savedState); // or engine.batch() for an empty state
 * for (const event of events) batch.apply(event); // in time order
 * batch.advance('2025-02-01T00:00:00Z');
 * const { state, effects, ledger, rejected, skipped } = batch.result();
 * ledger.map((entry) => entry.id)
 * //=> ['e2:commission']
 */
export class Batch {
  private readonly draft: Draft;
  private readonly outputs: Outputs;
  private readonly effects: Effect[] = [];
  private readonly ledger: LedgerEntry[] = [];
  private readonly rejected: Rejection[] = [];
  private readonly skipped: Skip[] = [];
  private count = 0;

  /** A batch on `state` (never changed), or on a new empty state when there is none. */
  constructor(
    private readonly runtime: Runtime,
    state: EngineState | undefined,
    options: BatchOptions = {},
  ) {
    const { program } = runtime.compiled;
    // A state made here is nobody else's: the draft changes it in place.
    this.draft =
      state === undefined
        ? new Draft(initialState(program.id, program.tiers.length), 'made for it')
        : new Draft(state);
    const ids = new EffectIds();
    const sink = options.onEffect ?? ((effect: Effect) => this.effects.push(effect));
    this.outputs = {
      effects: { push: (effect) => sink(ids.assign(effect)) },
      ledger: options.onEntry ? { push: options.onEntry } : this.ledger,
    };
  }

  /**
   * Folds one event (raw JSON or parsed) into the batch. Events must come in time order; an
   * earlier one is rejected with OUT_OF_ORDER. `index` is its position in the host's input.
   */
  apply(input: unknown, index: number = this.count): FoldOutcome {
    this.count = index + 1;
    const outcome = foldEvent(this.runtime, this.draft, this.outputs, parseWith(this.runtime, input), input);
    if (outcome.kind === 'skipped')
      this.skipped.push({ eventId: outcome.eventId, index, reason: 'duplicate' });
    if (outcome.kind === 'rejected') {
      const { code, path, message } = outcome.error;
      this.rejected.push({ eventId: outcome.eventId, index, code, path, message });
    }
    return outcome;
  }

  /** Records an event left out because it is after the as-of time. */
  skipAfterAsOf(eventId: string, index: number): void {
    this.skipped.push({ eventId, index, reason: 'after-as-of' });
  }

  /** Runs the time-driven work due up to `at` (ISO-8601). */
  advance(at: string): void {
    const instant = parseInstant(at, 'at');
    const { state } = this.draft;
    if (state.clock === null) startSchedule(this.runtime, this.draft, instant);
    runDueWork(this.runtime, this.draft, this.outputs, instant);
    if (state.clock === null || state.clock < instant) state.clock = instant;
  }

  /**
   * The state so far and everything produced; rejections and skips in input order. The batch
   * may go on: what it applies later never changes what it returned.
   */
  result(): BatchResult {
    const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;
    return {
      state: trustState(this.draft.handOver()),
      effects: [...this.effects],
      ledger: [...this.ledger],
      rejected: [...this.rejected].sort(byIndex),
      skipped: [...this.skipped].sort(byIndex),
    };
  }
}
