// Hostile input (STYLE.md: errors are values): whatever an event holds, parseEvent gives back a
// refusal with INVALID_EVENT, a path and a message, and never throws: values thousands of levels
// deep, cycles, getters and proxy traps that throw, types JSON cannot write. Only a wrong option,
// the caller's own bug, throws.
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/events/parse.js';
import { DEAL, refused } from '../support/parsed.js';

const deal = DEAL;

/** An object `levels` deep: { a: { a: … { a: 1 } } }, or arrays [[…[1]]], built without recursion. */
function nested(levels: number, kind: 'object' | 'array' = 'object'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = kind === 'object' ? { a: value } : [value];
  return value;
}

describe('hostile input is refused alone, with a code, and never throws', () => {
  const deep = nested(3000);

  it.each(['meta', 'amount', 'id', 'at', 'type', 'partnerId', 'currency', 'rate', 'nickname'])(
    'an object 3,000 levels deep as %s',
    (field) => {
      const result = parseEvent({ ...deal, [field]: deep });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_EVENT' } });
    },
  );

  it('3,000 levels of arrays inside meta, and a cycle in meta', () => {
    expect(refused({ ...deal, meta: { list: nested(3000, 'array') } }).path).toBe('meta');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(refused({ ...deal, meta: cycle }).path).toBe('meta');
  });

  it('a getter that throws, at its field', () => {
    const input: Record<string, unknown> = { ...deal };
    Object.defineProperty(input, 'amount', {
      get() {
        throw new Error('x');
      },
      enumerable: true,
    });
    expect(refused(input)).toEqual({
      code: 'INVALID_EVENT',
      path: 'amount',
      message: 'amount could not be read: reading it threw an error',
    });
  });

  it('a getter that throws inside meta, at meta', () => {
    const meta = {};
    Object.defineProperty(meta, 'crm', {
      get() {
        throw new Error('x');
      },
      enumerable: true,
    });
    expect(refused({ ...deal, meta })).toMatchObject({ code: 'INVALID_EVENT', path: 'meta' });
  });

  it('a proxy whose ownKeys trap throws, for the event as a whole', () => {
    const input = new Proxy(
      { ...deal },
      {
        ownKeys() {
          throw new Error('x');
        },
      },
    );
    expect(refused(input)).toMatchObject({ code: 'INVALID_EVENT', path: '' });
  });

  it('a revoked proxy, and a proxy that throws on every read', () => {
    const revocable = Proxy.revocable({ ...deal }, {});
    revocable.revoke();
    expect(refused(revocable.proxy)).toMatchObject({ code: 'INVALID_EVENT', path: '' });
    const reads = new Proxy(
      { ...deal },
      {
        get() {
          throw new Error('x');
        },
      },
    );
    expect(refused(reads)).toMatchObject({ code: 'INVALID_EVENT' });
  });

  it('a type that JSON cannot write: a bigint, a cycle', () => {
    expect(refused({ ...deal, type: 10n })).toMatchObject({
      path: 'type',
      message: expect.stringContaining('a bigint'),
    });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(refused({ ...deal, type: cycle })).toMatchObject({
      path: 'type',
      message: expect.stringContaining('an object'),
    });
  });
});

describe('a wrong option is the caller’s bug, not a bad event', () => {
  it('throws a RangeError for currency places that are not 0 to 30', () => {
    expect(() => parseEvent(deal, { currency: { code: 'USD', decimals: 31 } })).toThrow(RangeError);
    expect(() => parseEvent(deal, { currency: { code: 'USD', decimals: 1.5 } })).toThrow(RangeError);
  });
});
