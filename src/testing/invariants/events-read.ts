// The accepted events of a run, normalised by `parseEvent`: what the invariants that read the
// events (refunds, replays, promotions) start from.
import { type Engine, type PartnerEvent, parseEvent, type ReplayResult } from '../../index.js';

export interface AcceptedEvent {
  readonly index: number;
  readonly raw: unknown;
  readonly event: PartnerEvent;
}

/** The events the result accepted (neither rejected nor skipped), in time order, input order among ties. */
export function acceptedEvents(
  engine: Engine,
  events: readonly unknown[],
  result: ReplayResult,
): AcceptedEvent[] {
  const left = new Set([...result.rejected, ...result.skipped].map((item) => item.index));
  const accepted: AcceptedEvent[] = [];
  events.forEach((raw, index) => {
    if (left.has(index)) return;
    const parsed = parseEvent(raw, { currency: engine.program.currency });
    if (parsed.ok) accepted.push({ index, raw, event: parsed.event });
  });
  return accepted.sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.index - b.index);
}

/** Events in time order, input order among ties (the order replay folds them in). */
export function inReplayOrder(events: readonly unknown[]): unknown[] {
  return events
    .map((event, index) => ({ event, index, at: instantOf(event) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((item) => item.event);
}

/** An event's instant in epoch ms, or -Infinity when its `at` cannot be read (replay sorts it first). */
export function instantOf(event: unknown): number {
  const at = event !== null && typeof event === 'object' ? (event as { at?: unknown }).at : undefined;
  const instant = typeof at === 'string' ? Date.parse(at) : Number.NaN;
  return Number.isNaN(instant) ? Number.NEGATIVE_INFINITY : instant;
}
