// The limits of one event (docs/engine.md, "Limits of an event"): what parseEvent refuses because
// it is too large, too deep, too precise or out of range, each with INVALID_EVENT, the field at
// fault as `path`, and a message; and that whatever it accepts, it accepts again as normalised.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../src/events/codes.js';
import {
  EARLIEST_INSTANT_MS,
  LATEST_INSTANT_MS,
  type PartnerEvent,
  parseEvent,
} from '../../src/events/parse.js';

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

describe('instants: kept to the millisecond, or refused', () => {
  it.each([
    ['2025-01-10T09:00:00.1Z', '2025-01-10T09:00:00.100Z'],
    ['2025-01-10T09:00:00.12Z', '2025-01-10T09:00:00.120Z'],
    ['2025-01-10T09:00:00.123Z', '2025-01-10T09:00:00.123Z'],
    ['2025-01-10T09:00:00.1230Z', '2025-01-10T09:00:00.123Z'],
    ['2025-01-10T09:00:00.000000Z', '2025-01-10T09:00:00.000Z'],
    ['2025-01-10T09:00:00.123000000Z', '2025-01-10T09:00:00.123Z'],
    ['2025-01-10T09:00:00.500000+01:00', '2025-01-10T08:00:00.500Z'],
  ])('takes %s as %s: digits beyond the millisecond may be zeros', (at, utc) => {
    expect(accepted({ ...deal, at }).at).toBe(utc);
  });

  it.each([
    '2025-01-01T00:00:00.0001Z',
    '2025-01-01T00:00:00.0002Z',
    '2025-01-10T09:00:00.123456789Z',
    '2025-01-10T09:00:00.1234+01:00',
    '2025-01-10T09:00:00.0000000001Z',
  ])('refuses %s at at, naming the millisecond', (at) => {
    expect(refused({ ...deal, at })).toMatchObject({
      code: 'INVALID_EVENT',
      path: 'at',
      message: expect.stringContaining('more precise than a millisecond'),
    });
  });

  it('refuses sub-millisecond effectiveFrom and until at their own paths', () => {
    const terms = {
      id: 't1',
      type: 'terms.set',
      at: '2025-01-01T00:00:00Z',
      partnerId: 'p1',
      baseRate: '0.3',
    };
    expect(refused({ ...terms, effectiveFrom: '2025-02-01T00:00:00.0005Z' }).path).toBe('effectiveFrom');
    expect(refused({ ...terms, until: '2025-03-01T00:00:00.9999Z' }).path).toBe('until');
  });

  // Was: both read as 00:00:00.000Z, and the second was skipped as a duplicate of the first.
  it('no longer makes two different instants one', () => {
    const first = parseEvent({ ...deal, at: '2025-01-01T00:00:00.0001Z' });
    const second = parseEvent({ ...deal, at: '2025-01-01T00:00:00.0002Z' });
    expect([first.ok, second.ok]).toEqual([false, false]);
  });
});

describe('instants: within the supported range', () => {
  it('exports the range as epoch milliseconds: 2000-01-01 to the end of 2999, UTC', () => {
    expect(EARLIEST_INSTANT_MS).toBe(Date.parse('2000-01-01T00:00:00.000Z'));
    expect(LATEST_INSTANT_MS).toBe(Date.parse('2999-12-31T23:59:59.999Z'));
  });

  it.each([
    ['2000-01-01T00:00:00Z', '2000-01-01T00:00:00.000Z'],
    ['2000-01-01T01:00:00+01:00', '2000-01-01T00:00:00.000Z'],
    ['2999-12-31T23:59:59.999Z', '2999-12-31T23:59:59.999Z'],
    ['2999-12-31T22:59:59.999-01:00', '2999-12-31T23:59:59.999Z'],
  ])('takes %s, at an end of the range', (at, utc) => {
    expect(accepted({ ...deal, at }).at).toBe(utc);
  });

  it.each([
    '1999-12-31T23:59:59.999Z',
    '2000-01-01T00:30:00+01:00', // 23:30 UTC on 31 December 1999
    '3000-01-01T00:00:00Z',
    '2999-12-31T23:30:00-01:00', // 00:30 UTC on 1 January 3000
    '1970-01-01T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '0099-12-31T23:00:00-01:00',
    '9999-12-31T23:59:59Z',
    '9999-12-31T23:59:59-23:59',
  ])('refuses %s at at', (at) => {
    expect(refused({ ...deal, at })).toMatchObject({
      code: 'INVALID_EVENT',
      path: 'at',
      message: expect.stringContaining('outside the supported range'),
    });
  });

  it('checks effectiveFrom and until against the same range', () => {
    const terms = {
      id: 't1',
      type: 'terms.set',
      at: '2025-01-01T00:00:00Z',
      partnerId: 'p1',
      baseRate: '0.3',
    };
    expect(refused({ ...terms, effectiveFrom: '1999-01-01T00:00:00Z' }).path).toBe('effectiveFrom');
    expect(refused({ ...terms, until: '3000-01-01T00:00:00Z' }).path).toBe('until');
  });
});
