// The limits of one event (docs/engine.md, "Limits of an event"): what parseEvent refuses because
// it is too large, too deep, too precise or out of range, each with INVALID_EVENT, the field at
// fault as `path`, and a message; and that whatever it accepts, it accepts again as normalised.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../src/events/codes.js';
import { type PartnerEvent, parseEvent } from '../../src/events/parse.js';

function accepted(input: unknown): PartnerEvent {
  const result = parseEvent(input);
  if (!result.ok) throw new Error(`expected the event to be accepted, got ${JSON.stringify(result.error)}`);
  return result.event;
}

function refused(input: unknown): EventError {
  const result = parseEvent(input);
  if (result.ok) throw new Error(`expected the event to be refused, got ${JSON.stringify(result.event)}`);
  return result.error;
}

const deal = {
  id: 'e1',
  type: 'deal.closed',
  at: '2025-01-10T09:00:00.000Z',
  partnerId: 'p1',
  dealId: 'd1',
  amount: '1500.00',
  currency: 'USD',
};

describe('amounts: at most 30 digits with the currency places, the same on every read', () => {
  it('accepts 28 digits before the point for USD, and its normalised event again', () => {
    const event = accepted({ ...deal, amount: '1234567890123456789012345678' });
    expect(event).toMatchObject({ amount: '1234567890123456789012345678.00' });
    expect(accepted(event)).toEqual(event);
  });

  // Was: accepted as 30 written digits, then its own "….00" (32 digits) was refused when read again.
  it('refuses 30 digits before the point for USD at amount', () => {
    expect(refused({ ...deal, amount: '123456789012345678901234567890' })).toMatchObject({
      code: 'INVALID_EVENT',
      path: 'amount',
      message: expect.stringContaining('at most 30'),
    });
  });
});
