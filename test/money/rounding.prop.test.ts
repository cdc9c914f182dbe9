import { Decimal as GlobalDecimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Decimal,
  multiplyAndRound,
  ROUNDING_MODES,
  type RoundingMode,
  roundToPlaces,
} from '../../src/money/index.js';

const RUNS = { seed: 42, numRuns: 300 };

// A reference independent of the library: decimal.js with room for any product below, and the
// mode numbers from its documentation.
const Exact = GlobalDecimal.clone({ precision: 200 });
const DECIMAL_JS_MODE: Record<RoundingMode, GlobalDecimal.Rounding> = {
  UP: 0,
  DOWN: 1,
  CEIL: 2,
  FLOOR: 3,
  HALF_UP: 4,
  HALF_DOWN: 5,
  HALF_EVEN: 6,
  HALF_CEIL: 7,
  HALF_FLOOR: 8,
};

function decimalArbitrary(maxDigits: bigint, maxPlaces: number, signed: boolean): fc.Arbitrary<Decimal> {
  const limit = 10n ** maxDigits;
  return fc
    .tuple(fc.bigInt({ min: signed ? -limit : 0n, max: limit }), fc.integer({ min: 0, max: maxPlaces }))
    .map(([scaled, places]) => new Decimal(`${scaled}e-${places}`));
}

const mode = fc.constantFrom(...ROUNDING_MODES);
const decimals = fc.integer({ min: 0, max: 6 });
// Rates of up to 30 digits by amounts of up to 18: some products pass Decimal's 40 digits.
const rate = decimalArbitrary(30n, 30, false);
const amount = decimalArbitrary(18n, 4, true);

describe('roundToPlaces, for any value and mode', () => {
  it('is idempotent: a rounded value rounds to itself', () => {
    fc.assert(
      fc.property(decimalArbitrary(20n, 12, true), decimals, mode, (value, places, roundingMode) => {
        const once = roundToPlaces(value, places, roundingMode);
        expect(roundToPlaces(once, places, roundingMode).equals(once)).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps at most the places asked for and moves the value by less than one of them', () => {
    fc.assert(
      fc.property(decimalArbitrary(20n, 12, true), decimals, mode, (value, places, roundingMode) => {
        const rounded = roundToPlaces(value, places, roundingMode);
        expect(rounded.decimalPlaces()).toBeLessThanOrEqual(places);
        expect(
          rounded
            .minus(value)
            .abs()
            .lessThan(new Decimal(`1e-${places}`)),
        ).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('multiplyAndRound, for any rate, amount and mode', () => {
  it("equals decimal.js's exact product, rounded once", () => {
    fc.assert(
      fc.property(rate, amount, decimals, mode, (rateValue, basis, places, roundingMode) => {
        const expected = new Exact(rateValue.toFixed())
          .times(basis.toFixed())
          .toDecimalPlaces(places, DECIMAL_JS_MODE[roundingMode]);
        const actual = multiplyAndRound(rateValue, basis, places, roundingMode);
        expect(actual.toFixed()).toBe(expected.toFixed());
      }),
      RUNS,
    );
  });
});
