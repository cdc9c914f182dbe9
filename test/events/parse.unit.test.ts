// parseEvent against CONTRACT.md, "Events": every event type of the contract normalises (`at` to
// UTC ISO with milliseconds, amounts to the currency's places, rates to their canonical text);
// anything else is refused with INVALID_EVENT, the field at fault as `path`, and a message.
// Ids are arbitrary non-empty strings, "__proto__" included. fingerprint ignores key order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/events/fingerprint.js';
import { parseEvent } from '../../src/events/parse.js';
import { accepted, refused } from '../support/parsed.js';

const deal = {
  id: 'e1',
  type: 'deal.closed',
  at: '2025-01-10T09:00:00+01:00',
  partnerId: 'p1',
  dealId: 'd1',
  amount: 1500.5,
  currency: 'USD',
};
const joined = {
  id: 'j1',
  type: 'partner.joined',
  at: '2025-01-01T00:00:00Z',
  partnerId: 'p1',
  sponsorId: null,
};
const terms = { id: 't1', type: 'terms.set', at: '2025-01-01T00:00:00Z', partnerId: 'p1', baseRate: '0.35' };

describe('parseEvent: every event type of the contract normalises', () => {
  it('partner.joined: a UTC time gains its milliseconds; sponsorId may be null or an id', () => {
    expect(accepted(joined)).toEqual({ ...joined, at: '2025-01-01T00:00:00.000Z' });
    expect(accepted({ ...joined, sponsorId: 'p0' })).toMatchObject({ sponsorId: 'p0' });
  });

  it('training.completed', () => {
    const input = {
      id: 't1',
      type: 'training.completed',
      at: '2025-01-02T10:30:00Z',
      partnerId: 'p1',
      moduleId: 'certification',
    };
    expect(accepted(input)).toEqual({ ...input, at: '2025-01-02T10:30:00.000Z' });
  });

  it('deal.closed: 09:00 at +01:00 is 08:00 UTC; the JSON number 1500.5 is "1500.50"', () => {
    expect(accepted(deal)).toEqual({ ...deal, at: '2025-01-10T08:00:00.000Z', amount: '1500.50' });
  });

  it('deal.closed with a custom rate: 0.35 is "0.35", "0.2" is "0.20"', () => {
    expect(accepted({ ...deal, rate: 0.35 })).toMatchObject({ rate: '0.35' });
    expect(accepted({ ...deal, rate: '0.2' })).toMatchObject({ rate: '0.20' });
  });

  it('deal.refunded: the string "100" is "100.00"', () => {
    const input = {
      id: 'r1',
      type: 'deal.refunded',
      at: '2025-02-01T00:00:00Z',
      dealId: 'd1',
      amount: '100',
    };
    expect(accepted(input)).toEqual({ ...input, at: '2025-02-01T00:00:00.000Z', amount: '100.00' });
  });

  it('terms.set: rates and both dates normalised (+02:00 and +01:00 are 2 h and 1 h earlier in UTC)', () => {
    const input = {
      ...terms,
      at: '2025-01-01T00:00:00+02:00',
      baseRate: 0.35,
      overrideRate: '0.1',
      effectiveFrom: '2025-02-01T00:00:00+01:00',
      until: '2025-03-01T00:00:00Z',
    };
    expect(accepted(input)).toEqual({
      ...input,
      at: '2024-12-31T22:00:00.000Z',
      baseRate: '0.35',
      overrideRate: '0.10',
      effectiveFrom: '2025-01-31T23:00:00.000Z',
      until: '2025-03-01T00:00:00.000Z',
    });
  });

  it('terms.set with only an overrideRate', () => {
    const { baseRate: _, ...withoutBase } = terms;
    expect(accepted({ ...withoutBase, overrideRate: '0.15' })).toMatchObject({ overrideRate: '0.15' });
  });

  it('payout.paid: the JSON number 250 is "250.00"', () => {
    const input = { id: 'p1', type: 'payout.paid', at: '2025-03-15T00:00:00Z', partnerId: 'p1', amount: 250 };
    expect(accepted(input)).toEqual({ ...input, at: '2025-03-15T00:00:00.000Z', amount: '250.00' });
  });

  it('feature.used', () => {
    const input = {
      id: 'f1',
      type: 'feature.used',
      at: '2025-01-03T00:00:00Z',
      partnerId: 'p1',
      feature: 'dashboard',
    };
    expect(accepted(input)).toEqual({ ...input, at: '2025-01-03T00:00:00.000Z' });
  });

  it.each([
    ['2024-12-31T19:00:00-05:00', '2025-01-01T00:00:00.000Z'], // 19:00 + 5 h crosses into the new year
    ['2025-01-01T05:45:00+05:45', '2025-01-01T00:00:00.000Z'], // Kathmandu's quarter-hour offset
    ['2025-01-10T09:00:00.5Z', '2025-01-10T09:00:00.500Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'], // 2024 is a leap year
  ])('reads the instant %s as %s', (at, utc) => {
    expect(accepted({ ...joined, at }).at).toBe(utc);
  });

  it('checks places against the currency it is given: JPY has none', () => {
    const jpy = { currency: { code: 'JPY', decimals: 0 } };
    const result = parseEvent({ ...deal, amount: '1500', currency: 'JPY' }, jpy);
    expect(result.ok && result.event).toMatchObject({ amount: '1500' });
    expect(parseEvent({ ...deal, amount: '1500.5', currency: 'JPY' }, jpy)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_EVENT', path: 'amount' },
    });
  });
});

describe('parseEvent: invalid events are refused with INVALID_EVENT and the field at fault', () => {
  const { id: _id, ...withoutId } = deal;
  const { at: _at, ...withoutAt } = deal;
  const withoutRates = { id: 't1', type: 'terms.set', at: '2025-01-01T00:00:00Z', partnerId: 'p1' };

  const invalid: Array<[string, unknown, string]> = [
    ['a string', 'deal.closed', ''],
    ['a number', 42, ''],
    ['an array', [deal], ''],
    ['null', null, ''],
    ['an unknown type', { ...deal, type: 'deal.opened' }, 'type'],
    ['a missing type', { id: 'e1', at: '2025-01-01T00:00:00Z' }, 'type'],
    ['a missing id', withoutId, 'id'],
    ['an empty id', { ...deal, id: '' }, 'id'],
    ['a numeric id', { ...deal, id: 7 }, 'id'],
    ['a missing at', withoutAt, 'at'],
    ['30 February', { ...deal, at: '2025-02-30T00:00:00Z' }, 'at'],
    ['29 February of a common year', { ...deal, at: '2025-02-29T00:00:00Z' }, 'at'],
    ['a time without an offset', { ...deal, at: '2025-02-01T00:00:00' }, 'at'],
    ['a date without a time', { ...deal, at: '2025-02-01' }, 'at'],
    ['a time as epoch milliseconds', { ...deal, at: 1_736_496_000_000 }, 'at'],
    ['a negative amount', { ...deal, amount: '-5.00' }, 'amount'],
    ['a zero amount', { ...deal, amount: '0.00' }, 'amount'],
    ['a zero JSON number', { ...deal, amount: 0 }, 'amount'],
    ['3 places for USD', { ...deal, amount: '10.001' }, 'amount'],
    ['0.1 + 0.2 as a JSON number (17 places)', { ...deal, amount: 0.1 + 0.2 }, 'amount'],
    ['an exponent', { ...deal, amount: '1e3' }, 'amount'],
    ['"NaN"', { ...deal, amount: 'NaN' }, 'amount'],
    ['"Infinity"', { ...deal, amount: 'Infinity' }, 'amount'],
    ['"-Infinity"', { ...deal, amount: '-Infinity' }, 'amount'],
    ['the number NaN', { ...deal, amount: Number.NaN }, 'amount'],
    ['the number Infinity', { ...deal, amount: Number.POSITIVE_INFINITY }, 'amount'],
    ['an empty amount', { ...deal, amount: '' }, 'amount'],
    ['a boolean amount', { ...deal, amount: true }, 'amount'],
    ['a null amount', { ...deal, amount: null }, 'amount'],
    ['a rate above 1', { ...deal, rate: 1.5 }, 'rate'],
    ['a percentage rate', { ...deal, rate: '35%' }, 'rate'],
    ['a lower-case currency', { ...deal, currency: 'usd' }, 'currency'],
    ['a missing currency', { ...deal, currency: undefined }, 'currency'],
    ['a numeric sponsorId', { ...joined, sponsorId: 5 }, 'sponsorId'],
    ['a missing sponsorId (null must be said)', { ...joined, sponsorId: undefined }, 'sponsorId'],
    ['an empty partnerId', { ...joined, partnerId: '' }, 'partnerId'],
    ['terms.set with neither rate', withoutRates, 'baseRate'],
    [
      'until before effectiveFrom',
      { ...terms, effectiveFrom: '2025-02-01T00:00:00Z', until: '2025-01-15T00:00:00Z' },
      'until',
    ],
    [
      'until equal to effectiveFrom',
      { ...terms, effectiveFrom: '2025-02-01T00:00:00Z', until: '2025-02-01T00:00:00Z' },
      'until',
    ],
    ['until before the event time (no effectiveFrom)', { ...terms, until: '2024-12-01T00:00:00Z' }, 'until'],
    [
      'a refund without dealId',
      { id: 'r1', type: 'deal.refunded', at: '2025-01-01T00:00:00Z', amount: '1.00' },
      'dealId',
    ],
    [
      'a training without moduleId',
      { id: 't1', type: 'training.completed', at: '2025-01-01T00:00:00Z', partnerId: 'p1' },
      'moduleId',
    ],
    [
      'a feature.used without feature',
      { id: 'f1', type: 'feature.used', at: '2025-01-01T00:00:00Z', partnerId: 'p1' },
      'feature',
    ],
  ];

  it.each(invalid.map(([name, input, path]) => ({ name, input, path })))(
    'refuses $name at path $path',
    ({ input, path }) => {
      const error = refused(input);
      expect(error.code).toBe('INVALID_EVENT');
      expect(error.path).toBe(path);
      expect(error.message.length).toBeGreaterThan(0);
    },
  );

  it('says why in words: 3 places for USD, an exponent, a boolean', () => {
    expect(refused({ ...deal, amount: '10.001' }).message).toBe(
      'amount "10.001" has 3 decimal places; USD allows 2',
    );
    expect(refused({ ...deal, amount: '1e3' }).message).toContain('exponent');
    expect(refused({ ...deal, amount: 'NaN' }).message).toContain('not a number');
  });

  it('names an unknown extra field in the message', () => {
    expect(refused({ ...deal, nickname: 'Bob' })).toMatchObject({ code: 'INVALID_EVENT' });
    expect(refused({ ...deal, nickname: 'Bob' }).message).toContain('nickname');
  });

  // EventError.path is "the field at fault": for an unknown field, that field.
  it('gives the unknown extra field itself as the path', () => {
    expect(refused({ ...deal, nickname: 'Bob' }).path).toBe('nickname');
  });

  // An id that is there but a number is not missing: the message says what is wrong with it.
  it('does not call a present but ill-typed field missing', () => {
    expect(refused({ ...deal, id: 7 }).message).not.toContain('required');
  });

  it('says a missing field is required', () => {
    expect(refused(withoutId).message).toBe('id is required');
  });
});

describe('parseEvent: ids are arbitrary non-empty strings', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', '日本', '🎉', ' '])(
    'accepts %s as event, partner, sponsor and deal id',
    (id) => {
      expect(accepted({ ...joined, id, partnerId: id, sponsorId: id })).toMatchObject({
        id,
        partnerId: id,
        sponsorId: id,
      });
      expect(accepted({ ...deal, id, partnerId: id, dealId: id })).toMatchObject({
        id,
        partnerId: id,
        dealId: id,
      });
    },
  );

  it('does not take a type named after an Object.prototype member', () => {
    expect(refused({ ...joined, type: '__proto__' }).path).toBe('type');
    expect(refused({ ...joined, type: 'toString' }).path).toBe('type');
  });

  it('does not change the input', () => {
    const input = structuredClone(deal);
    parseEvent(input);
    expect(input).toEqual(deal);
  });
});

describe('fingerprint', () => {
  it('is the same for the same content with keys in another order, at every level', () => {
    const reordered = {
      currency: 'USD',
      amount: 1500.5,
      dealId: 'd1',
      partnerId: 'p1',
      at: '2025-01-10T09:00:00+01:00',
      type: 'deal.closed',
      id: 'e1',
    };
    expect(fingerprint(reordered)).toBe(fingerprint(deal));
    expect(fingerprint({ meta: { a: 1, b: [1, 2] }, id: 'x' })).toBe(
      fingerprint({ id: 'x', meta: { b: [1, 2], a: 1 } }),
    );
  });

  it('differs for a different amount, and for an array in another order', () => {
    expect(fingerprint({ ...deal, amount: 1500.51 })).not.toBe(fingerprint(deal));
    expect(fingerprint({ list: [1, 2] })).not.toBe(fingerprint({ list: [2, 1] }));
  });

  it('is the same for two writings of one event once parsed (number or string, offset or Z)', () => {
    const written = accepted({ ...deal, amount: '1500.50', at: '2025-01-10T08:00:00Z' });
    expect(fingerprint(written)).toBe(fingerprint(accepted(deal)));
  });

  it('is 16 hex digits', () => {
    expect(fingerprint(deal)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('ignores key order for any flat record (property, seed 42)', () => {
    const record = fc.dictionary(
      fc.string({ minLength: 1 }),
      fc.oneof(fc.string(), fc.integer(), fc.boolean()),
    );
    fc.assert(
      fc.property(record, (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        return fingerprint(reversed) === fingerprint(value);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
