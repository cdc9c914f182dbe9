// The limits of one event (docs/engine.md, "Limits of an event"): what parseEvent refuses because
// it is too large, too deep, too precise or out of range, each with INVALID_EVENT, the field at
// fault as `path`, and a message; and that an accepted event is accepted again as normalised.
import { describe, expect, it } from 'vitest';
import {
  EARLIEST_INSTANT_MS,
  LATEST_INSTANT_MS,
  MAX_META_DEPTH,
  MAX_META_VALUES,
  parseEvent,
} from '../../src/events/parse.js';
import { accepted, DEAL, refused } from '../support/parsed.js';

const deal = DEAL;
const terms = {
  id: 't1',
  type: 'terms.set',
  at: '2025-01-01T00:00:00Z',
  partnerId: 'p1',
  baseRate: '0.3',
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
  it('exports the range as epoch milliseconds: 2000-01-01 to the end of 2099, UTC', () => {
    expect(EARLIEST_INSTANT_MS).toBe(Date.parse('2000-01-01T00:00:00.000Z'));
    expect(LATEST_INSTANT_MS).toBe(Date.parse('2099-12-31T23:59:59.999Z'));
  });

  it.each([
    ['2000-01-01T00:00:00Z', '2000-01-01T00:00:00.000Z'],
    ['2000-01-01T01:00:00+01:00', '2000-01-01T00:00:00.000Z'],
    ['2099-12-31T23:59:59.999Z', '2099-12-31T23:59:59.999Z'],
    ['2099-12-31T22:59:59.999-01:00', '2099-12-31T23:59:59.999Z'],
  ])('takes %s, at an end of the range', (at, utc) => {
    expect(accepted({ ...deal, at }).at).toBe(utc);
  });

  it.each([
    '1999-12-31T23:59:59.999Z',
    '2000-01-01T00:30:00+01:00', // 23:30 UTC on 31 December 1999
    '2100-01-01T00:00:00Z',
    '2099-12-31T23:30:00-01:00', // 00:30 UTC on 1 January 2100
    '2999-12-31T23:59:59Z',
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
    expect(refused({ ...terms, effectiveFrom: '1999-01-01T00:00:00Z' }).path).toBe('effectiveFrom');
    expect(refused({ ...terms, until: '2100-01-01T00:00:00Z' }).path).toBe('until');
  });
});

/** An object `levels` deep: { a: { a: … { a: 1 } } }, or arrays [[…[1]]], built without recursion. */
function nested(levels: number, kind: 'object' | 'array' = 'object'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = kind === 'object' ? { a: value } : [value];
  return value;
}

describe('meta: JSON data, at most 32 levels deep and 1,000 values', () => {
  it('exports its limits', () => {
    expect([MAX_META_DEPTH, MAX_META_VALUES]).toEqual([32, 1000]);
  });

  it('takes meta 32 levels deep (meta itself the first) and refuses 33 at meta', () => {
    expect(accepted({ ...deal, meta: nested(32) }).meta).toEqual(nested(32));
    expect(refused({ ...deal, meta: nested(33) })).toEqual({
      code: 'INVALID_EVENT',
      path: 'meta',
      message: 'meta is nested more than 32 levels deep',
    });
    expect(refused({ ...deal, meta: { list: nested(32, 'array') } }).path).toBe('meta');
  });

  it('takes 1,000 values and refuses 1,001 at meta', () => {
    const values = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i]));
    expect(accepted({ ...deal, meta: values(1000) }).meta).toEqual(values(1000));
    expect(accepted({ ...deal, meta: { list: Array.from({ length: 999 }, () => 'x') } })).toBeTruthy();
    expect(refused({ ...deal, meta: values(1001) })).toMatchObject({
      path: 'meta',
      message: expect.stringContaining('1000'),
    });
  });

  it.each([
    ['a Date', { at: new Date(0) }, 'meta.at'],
    ['a Map', { ids: new Map() }, 'meta.ids'],
    ['a function', { f: () => 1 }, 'meta.f'],
    ['a bigint', { big: 10n }, 'meta.big'],
    ['a symbol', { s: Symbol('s') }, 'meta.s'],
    ['NaN', { n: Number.NaN }, 'meta.n'],
    ['Infinity, nested', { a: { b: [1, Number.POSITIVE_INFINITY] } }, 'meta.a.b.1'],
    ['undefined in an array', { list: [1, undefined] }, 'meta.list.1'],
  ])('refuses %s at its path', (_, meta, path) => {
    expect(refused({ ...deal, meta })).toMatchObject({ code: 'INVALID_EVENT', path });
  });

  it('leaves out a field whose value is undefined, as JSON would', () => {
    expect(accepted({ ...deal, meta: { crm: 'a', gone: undefined } }).meta).toEqual({ crm: 'a' });
  });

  it('is copied: changing the input afterwards changes nothing in the event', () => {
    const meta = { crm: { id: 'a' }, tags: ['vip'] };
    const event = accepted({ ...deal, meta });
    meta.crm.id = 'b';
    meta.tags.push('new');
    expect(event.meta).toEqual({ crm: { id: 'a' }, tags: ['vip'] });
  });

  it('keeps a nested "__proto__" field as a field, not a prototype', () => {
    const input = JSON.parse('{"crm":{"__proto__":{"x":1},"id":"a"}}') as Record<string, unknown>;
    const meta = accepted({ ...deal, meta: input }).meta as { crm: object };
    expect(Object.keys(meta.crm)).toEqual(['__proto__', 'id']);
    expect(Object.getPrototypeOf(meta.crm)).toBe(Object.prototype);
  });
});
