// Sums and comparisons of rounded amounts (src/money/amounts.ts) run on plain integers while
// they are safe and on BigInt beyond: both must give exactly what decimal.js gives, on either
// side of the 15-digit line and of 2^53, for amounts written with fewer places than allowed,
// leading zeros and "-0".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAmounts, compareAmounts, subtractAmounts } from '../../src/money/amounts.js';
import { Decimal } from '../../src/money/index.js';

const RUNS = {
  seed: Number(process.env.AMOUNTS_SEED ?? 7),
  numRuns: Number(process.env.AMOUNTS_RUNS ?? 3000),
};

/** An amount with at most `decimals` places: 1 to 20 whole digits (up to 10^20), so some sums pass 2^53. */
const amountWith = (decimals: number) =>
  fc
    .tuple(
      fc.boolean(),
      fc.stringMatching(/^\d{1,20}$/),
      fc.integer({ min: 0, max: decimals }),
      fc.stringMatching(/^\d{6}$/),
    )
    .map(([negative, whole, places, fraction]) => {
      const written = places === 0 ? whole : `${whole}.${fraction.slice(0, places)}`;
      return `${negative ? '-' : ''}${written}`;
    });

const pairs = fc
  .integer({ min: 0, max: 4 })
  .chain((decimals) => fc.tuple(fc.constant(decimals), amountWith(decimals), amountWith(decimals)));

const exactly = (value: Decimal, decimals: number) => {
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
};

describe('sums and comparisons of amounts', () => {
  it('add, subtract and compare exactly as decimal.js does', () => {
    fc.assert(
      fc.property(pairs, ([decimals, a, b]) => {
        const [left, right] = [new Decimal(a), new Decimal(b)];
        expect(addAmounts(a, b, decimals)).toBe(exactly(left.plus(right), decimals));
        expect(subtractAmounts(a, b, decimals)).toBe(exactly(left.minus(right), decimals));
        expect(compareAmounts(a, b, decimals)).toBe(left.comparedTo(right));
      }),
      RUNS,
    );
  });

  it('stay exact across 2^53 minor units', () => {
    // 2^53 = 9,007,199,254,740,992: 90,071,992,547,409.91 + 0.01 is the last safe integer of cents
    // plus one more; 15 digits read as a number, 16 and more through BigInt.
    expect(addAmounts('90071992547409.91', '0.01', 2)).toBe('90071992547409.92');
    expect(addAmounts('90071992547409.91', '0.02', 2)).toBe('90071992547409.93');
    expect(addAmounts('99999999999999.99', '0.01', 2)).toBe('100000000000000.00');
    expect(subtractAmounts('-99999999999999.99', '0.01', 2)).toBe('-100000000000000.00');
    expect(compareAmounts('90071992547409.93', '90071992547409.92', 2)).toBe(1);
    // 10^25 + 1 cent: far beyond any double's precision, still exact.
    expect(addAmounts('10000000000000000000000000', '0.01', 2)).toBe('10000000000000000000000000.01');
  });

  it('read fewer places, leading zeros and negative zero as the same amount', () => {
    expect(addAmounts('007.5', '0', 2)).toBe('7.50');
    expect(addAmounts('-0.00', '0', 2)).toBe('0.00');
    expect(subtractAmounts('0', '0.00', 2)).toBe('0.00');
    expect(compareAmounts('-0', '0.00', 2)).toBe(0);
    expect(addAmounts('12', '0.5', 0 + 1)).toBe('12.5');
  });

  it('refuse an amount with more places than allowed, or one that is not a plain amount', () => {
    expect(() => addAmounts('1.234', '0', 2)).toThrow(RangeError);
    expect(() => compareAmounts('1.', '0', 2)).toThrow(RangeError);
    expect(() => subtractAmounts('.5', '0', 2)).toThrow(RangeError);
    expect(() => addAmounts('1e3', '0', 2)).toThrow();
  });
});
