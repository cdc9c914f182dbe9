// The fold itself: one event onto a draft (dedupe, order, time-driven work, checks, reactions)
// and a whole stream sorted by time. apply, replay and advance are thin wrappers over these.
import { type EventError, eventError } from '../events/codes.js';
import { eventFingerprint } from '../events/fingerprint.js';
import { type ParseEventResult, parseEvent } from '../events/parse.js';
import type { PartnerEvent } from '../events/types.js';
import type { Change } from './changes.js';
import { Draft } from './draft.js';
import type { EffectDraft, LedgerEntry } from './outputs.js';
import {
  applyEvent,
  checkEvent,
  createContext,
  type Outputs,
  type Runtime,
  runDueWork,
  startSchedule,
  workDueBy,
} from './runtime.js';
import type { Context } from './slice.js';

/**
 * What became of one event a batch was given: applied, skipped as a duplicate, or rejected with its
 * error.
 *
 * @example
 * engine.batch().apply({ id: 'e1', type: 'partner.joined', at: '2025-01-02T09:00:00Z', partnerId: 'ana', sponsorId: null })
 * //=> { kind: 'applied', eventId: 'e1' }
 */
export type FoldOutcome =
  | {
      /** The event was folded in. */
      readonly kind: 'applied';
      /** The event's id. */
      readonly eventId: string;
    }
  | {
      /** The event was applied before (same id, same content): nothing changed. */
      readonly kind: 'skipped';
      /** The event's id. */
      readonly eventId: string;
    }
  | {
      /** The event was refused; the batch records it among `rejected`. */
      readonly kind: 'rejected';
      /** The event's id, or null when it has none that can be read. */
      readonly eventId: string | null;
      /** Why: a code, the field at fault and a message. */
      readonly error: EventError;
    };

export function parseWith(runtime: Runtime, input: unknown): ParseEventResult {
  return parseEvent(input, { currency: runtime.compiled.program.currency });
}

/**
 * A field of a raw input read without trusting it: undefined when it is not an object, or when
 * reading the field throws (a hostile getter or proxy; the parser refuses such an event).
 */
function fieldOf(input: unknown, field: 'id' | 'at'): unknown {
  if (input === null || typeof input !== 'object') return undefined;
  try {
    return (input as Record<string, unknown>)[field];
  } catch {
    return undefined;
  }
}

/** The event's id when the input has a usable one, for reporting a rejection. */
export function idOf(input: unknown): string | null {
  const id = fieldOf(input, 'id');
  return typeof id === 'string' && id.length > 0 ? id : null;
}

/** Folds one parsed event into the draft; a rejected event leaves the draft's state as it was. */
export function foldEvent(
  runtime: Runtime,
  draft: Draft,
  outputs: Outputs,
  parsed: ParseEventResult,
  input: unknown,
): FoldOutcome {
  if (!parsed.ok) return { kind: 'rejected', eventId: idOf(input), error: parsed.error };
  const { event } = parsed;
  const { state } = draft;
  const print = eventFingerprint(event);
  const seen = draft.seen(event.id);
  if (seen !== undefined) {
    if (seen === print) return { kind: 'skipped', eventId: event.id };
    const error = eventError(
      'CONFLICTING_DUPLICATE',
      'id',
      `event id "${event.id}" was seen before with different content`,
    );
    return { kind: 'rejected', eventId: event.id, error };
  }
  const instant = Date.parse(event.at);
  if (state.clock !== null && instant < state.clock) {
    const clock = new Date(state.clock).toISOString();
    const message = `event at ${event.at} is earlier than the engine's clock (${clock}); apply events in time order or replay the stream`;
    return { kind: 'rejected', eventId: event.id, error: eventError('OUT_OF_ORDER', 'at', message) };
  }
  // Refusals no time-driven work can change come first. Those that depend on balances or unlocks
  // at the event's time are judged after the work due by then, on a copy when there is such work,
  // so that a rejected event runs none of it and moves no time.
  const early = createContext(runtime, draft, outputs, instant, event.id, event.at);
  const refused = checkEvent(runtime, early, event, 'before');
  if (refused) return { kind: 'rejected', eventId: event.id, error: refused };
  if (runtime.plans[event.type].now.length > 0) {
    const error = refusalAtEventTime(runtime, draft, early, event, instant);
    if (error) return { kind: 'rejected', eventId: event.id, error };
  }
  startSchedule(runtime, draft, instant);
  const worked = runDueWork(runtime, draft, outputs, instant);
  const context = worked ? createContext(runtime, draft, outputs, instant, event.id, event.at) : early;
  applyEvent(runtime, context, event);
  draft.markSeen(event.id, print);
  state.clock = instant;
  return { kind: 'applied', eventId: event.id };
}

const DISCARDED: Outputs = { effects: { push: () => 0 }, ledger: { push: () => 0 } };

/**
 * The `checkNow` refusal of an event at its time. With no work due by then, the draft as it is
 * stands for that time; an event that time can only ease and that the draft accepts is accepted
 * after the work too; otherwise it is judged as things stand after the work (see AtEventTime).
 */
function refusalAtEventTime(
  runtime: Runtime,
  draft: Draft,
  early: Context,
  event: PartnerEvent,
  instant: number,
) {
  if (!workDueBy(draft, instant)) return checkEvent(runtime, early, event, 'now');
  if (runtime.plans[event.type].easedByTime && checkEvent(runtime, early, event, 'now') === null) return null;
  return checkEvent(runtime, new AtEventTime(runtime, early), event, 'now');
}

/**
 * What a `checkNow` handler sees when work is due by the event's time: the event's own moment,
 * whose draft is, from the first read on, a copy of the state with that work run on it (copy on
 * write: the draft itself is left as it was; the work's effects are discarded). A handler that
 * reads nothing of the state for this event (a deal without a custom rate) costs no copy.
 */
class AtEventTime implements Context {
  private worked: Context | null = null;

  constructor(
    private readonly runtime: Runtime,
    private readonly early: Context,
  ) {}

  get compiled() {
    return this.early.compiled;
  }
  get version() {
    return this.early.version;
  }
  get calendar() {
    return this.early.calendar;
  }
  get at() {
    return this.early.at;
  }
  get instant() {
    return this.early.instant;
  }
  get eventId() {
    return this.early.eventId;
  }
  get draft(): Draft {
    return this.afterWork().draft;
  }
  get touched() {
    return this.afterWork().touched;
  }
  announce(change: Change): void {
    this.afterWork().announce(change);
  }
  emit(effect: EffectDraft): void {
    this.afterWork().emit(effect);
  }
  record(entry: LedgerEntry): void {
    this.afterWork().record(entry);
  }

  private afterWork(): Context {
    if (this.worked === null) {
      const { draft, instant, eventId, at } = this.early;
      const fork = new Draft(draft.state);
      runDueWork(this.runtime, fork, DISCARDED, instant);
      this.worked = createContext(this.runtime, fork, DISCARDED, instant, eventId, at);
    }
    return this.worked;
  }
}

/** The event's time when it has a usable one (-Infinity otherwise). */
export function instantOf(input: unknown): number {
  const at = fieldOf(input, 'at');
  const instant = typeof at === 'string' ? Date.parse(at) : Number.NaN;
  return Number.isNaN(instant) ? Number.NEGATIVE_INFINITY : instant;
}

/**
 * The order a stream is replayed in: by `at`, input order among equal times. Only the time is
 * read here (events are parsed as they are folded); an event without a usable time sorts first
 * and is rejected when its turn comes.
 *
 * @example
 * replayOrder([{ at: '2025-01-02T00:00:00Z' }, { at: '2025-01-01T00:00:00Z' }])
 * //=> Uint32Array [1, 0]
 */
export function replayOrder(inputs: readonly unknown[]): Uint32Array {
  const instants = new Float64Array(inputs.length);
  inputs.forEach((input, index) => {
    instants[index] = instantOf(input);
  });
  const order = new Uint32Array(inputs.length);
  for (let index = 0; index < order.length; index++) order[index] = index;
  return order.sort((a, b) => (instants[a] as number) - (instants[b] as number) || a - b);
}
