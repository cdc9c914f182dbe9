// The generator's promises that need no engine: the same options give the same stream (in any
// time zone), a different seed another; events are sorted by time with unique ids; refunds stay
// within their deals and come after them; the switches and the option checks work.
import { afterEach, describe, expect, it } from 'vitest';
import { type GeneratedEvent, generateEvents } from '../../src/simulation/generator.js';

const small = { partners: 60, months: 6, seed: 11 } as const;

function ofType<T extends GeneratedEvent['type']>(events: readonly GeneratedEvent[], type: T) {
  return events.filter((event): event is Extract<GeneratedEvent, { type: T }> => event.type === type);
}

function cents(amount: string): number {
  const [whole = '0', fraction = '00'] = amount.split('.');
  return Number(whole) * 100 + Number(fraction);
}

describe('generateEvents', () => {
  const timeZone = process.env.TZ;
  afterEach(() => {
    if (timeZone === undefined) delete process.env.TZ;
    else process.env.TZ = timeZone;
  });

  it('gives the same events for the same options, whatever the time zone', () => {
    process.env.TZ = 'UTC';
    const first = generateEvents(small);
    process.env.TZ = 'Pacific/Kiritimati';
    const second = generateEvents(small);
    expect(second).toEqual(first);
  });

  it('gives a different stream for a different seed', () => {
    expect(generateEvents({ ...small, seed: 12 })).not.toEqual(generateEvents(small));
  });

  it('sorts events by time and numbers them in that order', () => {
    const events = generateEvents(small);
    const times = events.map((event) => Date.parse(event.at));
    expect(times.every((time, index) => index === 0 || time >= (times[index - 1] ?? 0))).toBe(true);
    // 'e' and seven digits, the first event being e0000001.
    expect(events[0]?.id).toBe('e0000001');
    expect(events.every((event, index) => event.id === `e${String(index + 1).padStart(7, '0')}`)).toBe(true);
  });

  it('uses every event id, partner id and deal id once', () => {
    const events = generateEvents(small);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const joined = ofType(events, 'partner.joined').map((event) => event.partnerId);
    expect(new Set(joined).size).toBe(small.partners);
    const deals = ofType(events, 'deal.closed').map((event) => event.dealId);
    expect(new Set(deals).size).toBe(deals.length);
  });

  it('keeps every event inside the period: from the start, before start + months', () => {
    const events = generateEvents({ ...small, start: '2026-03-01T00:00:00Z' });
    const first = Date.parse('2026-03-01T00:00:00Z');
    const end = Date.parse('2026-09-01T00:00:00Z'); // six calendar months later
    expect(events.every((event) => Date.parse(event.at) >= first && Date.parse(event.at) < end)).toBe(true);
  });

  it('writes amounts as decimal strings with exactly 2 places, deals of at least 25.00', () => {
    const events = generateEvents(small);
    const amounts = events.flatMap((event) => ('amount' in event ? [event.amount] : []));
    expect(amounts.length).toBeGreaterThan(0);
    expect(amounts.every((amount) => /^\d+\.\d\d$/.test(amount) && cents(amount) > 0)).toBe(true);
    expect(ofType(events, 'deal.closed').every((deal) => cents(deal.amount) >= 2_500)).toBe(true);
  });

  it('never refunds more than a deal in total, and only after the deal closed', () => {
    const events = generateEvents({ partners: 400, months: 12, seed: 5 });
    const deals = new Map(ofType(events, 'deal.closed').map((deal) => [deal.dealId, deal]));
    const refunded = new Map<string, number>();
    const refunds = ofType(events, 'deal.refunded');
    expect(refunds.length).toBeGreaterThan(0);
    for (const refund of refunds) {
      const deal = deals.get(refund.dealId);
      expect(deal).toBeDefined();
      expect(Date.parse(refund.at)).toBeGreaterThan(Date.parse(deal?.at ?? ''));
      refunded.set(refund.dealId, (refunded.get(refund.dealId) ?? 0) + cents(refund.amount));
    }
    for (const [dealId, total] of refunded)
      expect(total).toBeLessThanOrEqual(cents(deals.get(dealId)?.amount ?? '0'));
  });

  it('sponsors only partners who joined before', () => {
    const events = generateEvents({ partners: 300, months: 12, seed: 8 });
    const joined = new Set<string>();
    for (const event of ofType(events, 'partner.joined')) {
      if (event.sponsorId !== null) expect(joined.has(event.sponsorId)).toBe(true);
      joined.add(event.partnerId);
    }
  });

  it('leaves out refunds and payouts when asked', () => {
    const events = generateEvents({ ...small, refunds: false, payouts: false });
    expect(ofType(events, 'deal.refunded')).toEqual([]);
    expect(ofType(events, 'payout.paid')).toEqual([]);
    expect(ofType(events, 'deal.closed').length).toBeGreaterThan(0);
  });

  it('refuses unusable options with a RangeError', () => {
    expect(() => generateEvents({ ...small, partners: 0 })).toThrow(RangeError);
    expect(() => generateEvents({ ...small, months: 1.5 })).toThrow(RangeError);
    expect(() => generateEvents({ ...small, seed: Number.NaN })).toThrow(RangeError);
    expect(() => generateEvents({ ...small, start: '2025-01-01' })).toThrow(/offset or Z/);
  });
});
