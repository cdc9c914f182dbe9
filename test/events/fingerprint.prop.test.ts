// eventFingerprint keeps the values saved states hold: for every event parseEvent accepts, it is
// the hash of the text the fingerprint always hashed (JSON.stringify of the event, or its canonical
// JSON when it has meta), pinned here by a copy of that original algorithm and by known values.
// Field order does not matter; any change of content does. EVENTS_RUNS and EVENTS_SEED apply.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, eventFingerprint, fingerprint } from '../../src/events/fingerprint.js';
import { type PartnerEvent, parseEvent } from '../../src/events/parse.js';
import { anyInput, currencies, validEvent } from '../support/event-inputs.js';
import { accepted, DEAL } from '../support/parsed.js';

const RUNS = {
  seed: Number(process.env.EVENTS_SEED ?? 42),
  numRuns: Number(process.env.EVENTS_RUNS ?? 2000),
};

/** The fingerprint as computed up to 777c19a, text first, character by character. */
function originalFingerprint(event: PartnerEvent): string {
  const text = event.meta === undefined ? JSON.stringify(event) : canonicalJson(event);
  let first = 0xdeadbeef;
  let second = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 2654435761);
    second = Math.imul(second ^ code, 1597334677);
  }
  first = Math.imul(first ^ (first >>> 16), 2246822507) ^ Math.imul(second ^ (second >>> 13), 3266489909);
  second = Math.imul(second ^ (second >>> 16), 2246822507) ^ Math.imul(first ^ (first >>> 13), 3266489909);
  return (first >>> 0).toString(16).padStart(8, '0') + (second >>> 0).toString(16).padStart(8, '0');
}

describe('eventFingerprint keeps the values of saved states', () => {
  // Computed with the implementation of 777c19a; a state saved then holds these.
  it.each([
    [DEAL, 'b60b5225cffba066'],
    [
      {
        id: 'e2',
        type: 'deal.closed',
        at: '2025-01-10T09:00:00+01:00',
        partnerId: 'p1',
        dealId: 'd2',
        amount: 1500.5,
        currency: 'USD',
        rate: '0.35',
      },
      'f6a76f2f7fa0269a',
    ],
    [
      { id: 'j1', type: 'partner.joined', at: '2025-01-01T00:00:00Z', partnerId: 'p1', sponsorId: null },
      '2691de69130aba0c',
    ],
    [
      {
        id: 'j2',
        type: 'partner.joined',
        at: '2025-01-01T00:00:00Z',
        partnerId: '日本 "q" \\ \u0001',
        sponsorId: 'p1',
      },
      'd236f6fcafe1a1e6',
    ],
    [
      {
        id: 't1',
        type: 'terms.set',
        at: '2025-01-01T00:00:00Z',
        partnerId: 'p1',
        baseRate: 0.3,
        overrideRate: '0.1',
        effectiveFrom: '2025-02-01T00:00:00+01:00',
        until: '2025-03-01T00:00:00Z',
      },
      '44290fc95ef29cfa',
    ],
    [
      {
        id: 'm1',
        type: 'feature.used',
        at: '2025-01-03T00:00:00Z',
        partnerId: 'p1',
        feature: 'dashboard',
        meta: { crm: 'acc-1', tags: ['vip', 2], nested: { b: 1, a: null } },
      },
      '7ff30cc86ad7faac',
    ],
    [
      { id: 'r1', type: 'deal.refunded', at: '2025-02-01T00:00:00Z', dealId: 'd1', amount: '100' },
      '304f1623e9baf848',
    ],
  ])('%o is %s', (input, expected) => {
    expect(eventFingerprint(accepted(input))).toBe(expected);
  });

  it('is the original hash of the original text, for every event parseEvent accepts', () => {
    fc.assert(
      fc.property(anyInput, fc.constantFrom(...currencies), (input, currency) => {
        const result = parseEvent(input, { currency });
        if (result.ok) expect(eventFingerprint(result.event)).toBe(originalFingerprint(result.event));
      }),
      RUNS,
    );
  });

  it('is the same whatever order the input gave the fields in', () => {
    fc.assert(
      fc.property(validEvent, (input) => {
        const first = parseEvent(input);
        const reversed = parseEvent(Object.fromEntries(Object.entries(input).reverse()));
        expect(reversed.ok).toBe(first.ok);
        if (first.ok && reversed.ok)
          expect(eventFingerprint(reversed.event)).toBe(eventFingerprint(first.event));
      }),
      RUNS,
    );
  });

  it('differs when any one field differs, meta included', () => {
    const base = accepted({
      ...DEAL,
      rate: '0.35',
      meta: { crm: 'a', list: [1, 2] },
    }) as unknown as Record<string, unknown>;
    const changed = fc.constantFrom(
      { id: 'e2' },
      { at: '2025-01-10T09:00:00.001Z' },
      { partnerId: 'p2' },
      { dealId: 'd2' },
      { amount: '1500.01' },
      { currency: 'EUR' },
      { rate: '0.36' },
      { rate: undefined },
      { meta: { crm: 'b', list: [1, 2] } },
      { meta: { crm: 'a', list: [2, 1] } },
      { meta: undefined },
    );
    fc.assert(
      fc.property(changed, (change) => {
        const other = { ...base, ...change } as unknown as PartnerEvent;
        expect(eventFingerprint(other)).not.toBe(eventFingerprint(base as unknown as PartnerEvent));
      }),
      { seed: RUNS.seed, numRuns: 50 },
    );
  });

  it('agrees with fingerprint() on an event with meta, as before', () => {
    const event = accepted({
      id: 'f1',
      type: 'feature.used',
      at: '2025-01-03T00:00:00Z',
      partnerId: 'p1',
      feature: 'x',
      meta: { b: 1, a: 2 },
    });
    expect(eventFingerprint(event)).toBe(fingerprint(event));
  });
});
