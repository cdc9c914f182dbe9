import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, formatMoney, formatRate, parseAmount, parseRate } from '../../src/money/index.js';
import { isCanonicalAmount, MAX_AMOUNT_DIGITS } from '../../src/money/parse.js';

const RUNS = { seed: 42, numRuns: 300 };
// The round trip below runs more often: AMOUNT_RUNS and AMOUNT_SEED override it.
const ROUND_TRIP_RUNS = {
  seed: Number(process.env.AMOUNT_SEED ?? 42),
  numRuns: Number(process.env.AMOUNT_RUNS ?? 2000),
};

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

describe('an accepted amount, read again', () => {
  // Digits around the limit, with leading zeros, up to 8 places, as a string or a JSON number.
  const written = fc.oneof(
    fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^0{0,3}$/),
        fc.integer({ min: 0, max: MAX_AMOUNT_DIGITS + 3 }),
        fc.option(fc.stringMatching(/^\d{1,8}$/), { nil: undefined }),
      )
      .chain(([negative, zeros, length, fraction]) =>
        fc.stringMatching(new RegExp(`^[1-9]\\d{${Math.max(0, length - 1)}}$`)).map((whole) => {
          const digits = length === 0 ? '0' : whole;
          return `${negative ? '-' : ''}${zeros}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
        }),
      ),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
  );

  it('is accepted and normalises to itself: one limit on first read and on re-read', () => {
    fc.assert(
      fc.property(written, decimals, sign, (input, places, allowed) => {
        const first = parseAmount(input, { decimals: places, sign: allowed });
        if (!first.ok) return;
        const text = formatMoney(first.value, places);
        const again = parseAmount(text, { decimals: places, sign: allowed });
        expect(again.ok).toBe(true);
        if (again.ok) expect(formatMoney(again.value, places)).toBe(text);
        // Positive amounts in their normalised text need no decimal round trip.
        expect(isCanonicalAmount(text, places)).toBe(first.value.greaterThan(0));
      }),
      ROUND_TRIP_RUNS,
    );
  });

  it('is refused exactly when it has more than 30 digits at its places', () => {
    fc.assert(
      fc.property(written, decimals, (input, places) => {
        if (typeof input !== 'string' || writtenPlaces(input) > places) return;
        const digits = new Decimal(input).abs().toFixed(places).replace('.', '').replace(/^0+/, '').length;
        const result = parseAmount(input, { decimals: places, sign: 'any' });
        expect(result.ok).toBe(digits <= MAX_AMOUNT_DIGITS);
      }),
      ROUND_TRIP_RUNS,
    );
  });
});
