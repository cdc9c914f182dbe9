import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, Decimal, sumAmounts } from '../../src/money/index.js';

const RUNS = { seed: 42, numRuns: 300 };

// A total already at `decimals` places, as minor units over a power of ten.
const totalAndDecimals = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 4 }))
  .map(([minor, decimals]) => ({ total: new Decimal(`${minor}e-${decimals}`), decimals }));

// Non-negative weights with up to 3 places, at least one of them above zero.
const weights = fc
  .array(fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.integer({ min: 0, max: 3 })), {
    minLength: 1,
    maxLength: 12,
  })
  .filter((pairs) => pairs.some(([scaled]) => scaled > 0n))
  .map((pairs) => pairs.map(([scaled, places]) => new Decimal(`${scaled}e-${places}`)));

describe('allocate, for any total and weights', () => {
  it('returns parts that add up to exactly the total, each at the currency places', () => {
    fc.assert(
      fc.property(totalAndDecimals, weights, ({ total, decimals }, shares) => {
        const parts = allocate(total, shares, decimals);
        expect(parts).toHaveLength(shares.length);
        expect(sumAmounts(parts).equals(total)).toBe(true);
        for (const part of parts) expect(part.decimalPlaces()).toBeLessThanOrEqual(decimals);
      }),
      RUNS,
    );
  });

  it('keeps each part within one minor unit of its exact proportional share', () => {
    fc.assert(
      fc.property(totalAndDecimals, weights, ({ total, decimals }, shares) => {
        const parts = allocate(total, shares, decimals);
        const weightSum = sumAmounts(shares);
        const minorUnit = new Decimal(`1e-${decimals}`);
        // |part - total × weight / sum| < minorUnit, multiplied through by sum to stay exact:
        // at most 13 + 7 + 2 digits each side, well inside Decimal's 40.
        for (const [index, part] of parts.entries()) {
          const gap = part.times(weightSum).minus(total.times(shares[index]!)).abs();
          expect(gap.lessThan(minorUnit.times(weightSum))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('gives each part the sign of the total, or zero', () => {
    fc.assert(
      fc.property(totalAndDecimals, weights, ({ total, decimals }, shares) => {
        for (const part of allocate(total, shares, decimals)) {
          if (total.isNegative()) expect(part.greaterThan(0)).toBe(false);
          else expect(part.isNegative()).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('is deterministic, and mirrors for a negated total', () => {
    fc.assert(
      fc.property(totalAndDecimals, weights, ({ total, decimals }, shares) => {
        const first = allocate(total, shares, decimals).map(String);
        expect(allocate(total, shares, decimals).map(String)).toEqual(first);
        const mirrored = allocate(total.negated(), shares, decimals);
        for (const [index, part] of mirrored.entries()) {
          expect(part.negated().equals(new Decimal(first[index]!))).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
