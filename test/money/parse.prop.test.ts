import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, formatMoney, formatRate, parseAmount, parseRate } from '../../src/money/index.js';

const RUNS = { seed: 42, numRuns: 300 };

const decimals = fc.integer({ min: 0, max: 6 });
const sign = fc.constantFrom('positive', 'non-negative', 'any' as const);

// Plain decimal text: an optional "-", 1 to 12 digits, and 0 to 8 places.
const decimalText = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^\d{1,12}$/),
    fc.option(fc.stringMatching(/^\d{1,8}$/), { nil: undefined }),
  )
  .map(
    ([negative, whole, fraction]) =>
      `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
  );

function writtenPlaces(text: string): number {
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

describe('parseAmount, for any input', () => {
  it('accepts a plain decimal string exactly when its places and sign are allowed', () => {
    fc.assert(
      fc.property(decimalText, decimals, sign, (text, places, allowed) => {
        const result = parseAmount(text, { decimals: places, sign: allowed });
        const value = new Decimal(text);
        const signAllowed =
          allowed === 'any' ||
          (allowed === 'non-negative' ? !value.isNegative() || value.isZero() : value.greaterThan(0));
        expect(result.ok).toBe(writtenPlaces(text) <= places && signAllowed);
        if (result.ok) expect(result.value.equals(value)).toBe(true);
      }),
      RUNS,
    );
  });

  it('never accepts more places than allowed, from any string or number', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.double(),
      decimalText,
      fc.constantFrom(0.1 + 0.2, 1500.5, 1e21),
    );
    fc.assert(
      fc.property(anything, decimals, (input, places) => {
        const result = parseAmount(input, { decimals: places, sign: 'any' });
        if (result.ok) {
          expect(result.value.decimalPlaces()).toBeLessThanOrEqual(places);
          expect(writtenPlaces(String(input))).toBeLessThanOrEqual(places);
        } else {
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('reads a number as exactly what String() writes for it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (input) => {
        const result = parseAmount(input, { decimals: 30, sign: 'any' });
        if (result.ok) expect(result.value.equals(new Decimal(String(input)))).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('formatMoney and parseAmount', () => {
  it('round-trip: a formatted amount parses back to the same value, in plain notation', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), decimals)
      .map(([minor, places]) => ({ value: new Decimal(`${minor}e-${places}`), places }));
    fc.assert(
      fc.property(amount, ({ value, places }) => {
        const text = formatMoney(value, places);
        expect(text).toMatch(places === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${places}}$`));
        const parsed = parseAmount(text, { decimals: places, sign: 'any' });
        expect(parsed.ok && parsed.value.equals(value)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('formatRate and parseRate', () => {
  it('round-trip: a formatted rate parses back to the same value', () => {
    // scaled / 10^places with scaled at most 10^places: every rate from 0 to 1 with up to 30 places.
    const rate = fc
      .integer({ min: 0, max: 30 })
      .chain((places) =>
        fc
          .bigInt({ min: 0n, max: 10n ** BigInt(places) })
          .map((scaled) => new Decimal(`${scaled}e-${places}`)),
      );
    fc.assert(
      fc.property(rate, (value) => {
        const text = formatRate(value);
        expect(text).toMatch(/^[01]\.\d{2,}$/);
        const parsed = parseRate(text);
        expect(parsed.ok && parsed.value.equals(value)).toBe(true);
      }),
      RUNS,
    );
  });
});
