// The fold itself: one event onto a draft (dedupe, order, time-driven work, checks, reactions)
// and a whole stream sorted by time. apply, replay and advance are thin wrappers over these.
import { type EventError, eventError } from '../events/codes.js';
import { fingerprint } from '../events/fingerprint.js';
import { type ParseEventResult, parseEvent } from '../events/parse.js';
import type { Draft } from './draft.js';
import {
  applyEvent,
  checkEvent,
  createContext,
  type Outputs,
  type Runtime,
  runDueWork,
  startSchedule,
} from './runtime.js';
import { lookup } from './state.js';

export type FoldOutcome =
  | { readonly kind: 'applied'; readonly eventId: string }
  | { readonly kind: 'skipped'; readonly eventId: string }
  | { readonly kind: 'rejected'; readonly eventId: string | null; readonly error: EventError };

export function parseWith(runtime: Runtime, input: unknown): ParseEventResult {
  return parseEvent(input, { currency: runtime.compiled.program.currency });
}

/** The event's id when the input has a usable one, for reporting a rejection. */
export function idOf(input: unknown): string | null {
  if (input === null || typeof input !== 'object') return null;
  const id = (input as { id?: unknown }).id;
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
  const print = fingerprint(event);
  const seen = lookup(state.seen, event.id);
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
  if (state.clock !== null && instant < Date.parse(state.clock)) {
    const message = `event at ${event.at} is earlier than the engine's clock (${state.clock}); apply events in time order or replay the stream`;
    return { kind: 'rejected', eventId: event.id, error: eventError('OUT_OF_ORDER', 'at', message) };
  }
  startSchedule(runtime, draft, instant);
  runDueWork(runtime, draft, outputs, instant);
  const context = createContext(runtime, draft, outputs, instant, event.id);
  const error = checkEvent(runtime, context, event);
  if (error) return { kind: 'rejected', eventId: event.id, error };
  applyEvent(runtime, context, event);
  state.seen[event.id] = print;
  state.clock = event.at;
  return { kind: 'applied', eventId: event.id };
}

/** An input event with what sorting needs: its position and its instant. */
export interface SortedInput {
  readonly index: number;
  readonly input: unknown;
  readonly parsed: ParseEventResult;
  /** Epoch ms; -Infinity for an event that failed to parse (reported first). */
  readonly instant: number;
}

/**
 * Parses every input and sorts by time, keeping input order among equal times.
 *
 * @example
 * sortInputs(runtime, [{ at: '2025-01-02T00:00:00Z', ... }, { at: '2025-01-01T00:00:00Z', ... }]).map((e) => e.index)
 * //=> [1, 0]
 */
export function sortInputs(runtime: Runtime, inputs: readonly unknown[]): SortedInput[] {
  const sorted = inputs.map((input, index): SortedInput => {
    const parsed = parseWith(runtime, input);
    const instant = parsed.ok ? Date.parse(parsed.event.at) : Number.NEGATIVE_INFINITY;
    return { index, input, parsed, instant };
  });
  return sorted.sort((a, b) => a.instant - b.instant || a.index - b.index);
}
