// Money in the state is whole minor units in plain numbers (src/money/minor.ts). Rating an amount
// (rate × basis, rounded once) runs on integers while the product is a safe integer and on
// decimal.js beyond: for every rounding mode, both must give exactly what decimal.js gives.
// Reading and writing amounts must round-trip, and refuse what a safe integer cannot hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, multiplyAndRound, ROUNDING_MODES } from '../../src/money/index.js';
import {
  formatMinor,
  type MinorUnits,
  majorOf,
  minorUnitsOf,
  rateTimesMinor,
} from '../../src/money/minor.js';

const RUNS = { seed: 11, numRuns: Number(process.env.MINOR_RUNS ?? 3000) };
/** A test's integer as minor units (the module makes them only from checked input). */
const minor = (units: number) => units as MinorUnits;

/** A rate of 0 to 1 with 0 to 6 places, as programmes write them. */
const rate = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1_000_000 }))
  .map(([places, units]) => new Decimal(Math.min(units, 10 ** places)).dividedBy(10 ** places));

/** A basis in minor units: small, around the 2^53 / rate numerator line, and negative (clawbacks). */
const basis = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.integer({ min: -(2 ** 47), max: 2 ** 47 }),
);

describe('rate × basis in minor units', () => {
  it('rounds once exactly as decimal.js does, in every rounding mode', () => {
    fc.assert(
      fc.property(rate, basis, fc.constantFrom(...ROUNDING_MODES), (r, units, mode) => {
        const expected = multiplyAndRound(r, new Decimal(units), 0, mode);
        expect(rateTimesMinor(r, minor(units), mode)).toBe(expected.toNumber() + 0);
      }),
      RUNS,
    );
  });

  it('rounds the halves as each mode says', () => {
    // 0.5 × 5 = 2.5 and 0.5 × -5 = -2.5: the half between 2 and 3 (and -2 and -3).
    const half = new Decimal('0.5');
    const cases: Array<[(typeof ROUNDING_MODES)[number], number, number]> = [
      ['HALF_EVEN', 2, -2],
      ['HALF_UP', 3, -3],
      ['HALF_DOWN', 2, -2],
      ['UP', 3, -3],
      ['DOWN', 2, -2],
      ['CEIL', 3, -2],
      ['FLOOR', 2, -3],
      ['HALF_CEIL', 3, -2],
      ['HALF_FLOOR', 2, -3],
    ];
    for (const [mode, positive, negative] of cases) {
      expect([rateTimesMinor(half, minor(5), mode), rateTimesMinor(half, minor(-5), mode)], mode).toEqual([
        positive,
        negative,
      ]);
    }
    // 0.22 × 1,075 cents = 236.5 cents: HALF_EVEN keeps the even 236.
    expect(rateTimesMinor(new Decimal('0.22'), minor(1075), 'HALF_EVEN')).toBe(236);
  });

  it('never gives -0', () => {
    expect(Object.is(rateTimesMinor(new Decimal('0.01'), minor(-1), 'HALF_EVEN'), 0)).toBe(true);
  });
});

describe('amounts read and written in minor units', () => {
  it('round-trip through their text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.maxSafeInteger(), (decimals, units) => {
        const text = formatMinor(minor(units), decimals);
        expect(minorUnitsOf(text, decimals)).toBe(units);
        expect(new Decimal(text).times(10 ** decimals).toNumber()).toBe(units);
      }),
      RUNS,
    );
  });

  it('reads amounts with fewer places than the currency has, and refuses more', () => {
    expect(minorUnitsOf('12.5', 2)).toBe(1250);
    expect(minorUnitsOf('-0.00', 2)).toBe(0);
    expect(Object.is(minorUnitsOf('-0.00', 2), 0)).toBe(true);
    expect(minorUnitsOf('7', 0)).toBe(7);
    expect(minorUnitsOf('1.005', 2)).toBeNull();
    expect(minorUnitsOf('1e3', 2)).toBeNull();
  });

  it('refuses what a safe integer cannot hold', () => {
    // 2^53 - 1 = 9,007,199,254,740,991 minor units is the most; one more digit is refused.
    expect(minorUnitsOf('90071992547409.91', 2)).toBe(Number.MAX_SAFE_INTEGER);
    expect(minorUnitsOf('90071992547409.92', 2)).toBeNull();
    expect(minorUnitsOf('123456789012345678901234567890', 2)).toBeNull();
  });

  it('become the number a rule compares: 123,456 cents is 1,234.56', () => {
    expect(majorOf(minor(123_456), 2)).toBe(1234.56);
    expect(majorOf(minor(123_456), 0)).toBe(123_456);
    expect(formatMinor(minor(-5), 2)).toBe('-0.05');
    expect(formatMinor(minor(0), 3)).toBe('0.000');
  });
});
