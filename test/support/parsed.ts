// Test helpers for parseEvent: the event accepted, or the error refused, failing with the reason
// otherwise; and a typical deal event to vary.
import type { EventError } from '../../src/events/codes.js';
import { type PartnerEvent, parseEvent } from '../../src/events/parse.js';

/** The parsed event, or a failure naming the error (so a test shows why it was refused). */
export function accepted(input: unknown): PartnerEvent {
  const result = parseEvent(input);
  if (!result.ok) throw new Error(`expected the event to be accepted, got ${JSON.stringify(result.error)}`);
  return result.event;
}

/** The refusal, or a failure naming the event accepted. */
export function refused(input: unknown): EventError {
  const result = parseEvent(input);
  if (result.ok) throw new Error(`expected the event to be refused, got ${JSON.stringify(result.event)}`);
  return result.error;
}

/** A well-formed deal.closed in the engine's own forms. */
export const DEAL = {
  id: 'e1',
  type: 'deal.closed',
  at: '2025-01-10T09:00:00.000Z',
  partnerId: 'p1',
  dealId: 'd1',
  amount: '1500.00',
  currency: 'USD',
} as const;
