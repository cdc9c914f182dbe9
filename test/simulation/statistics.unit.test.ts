// The statistics of the KPIs and the forecast, by hand: medians of odd and even counts, the
// nearest-rank percentile (always one of the values), shares with one place, n/a for nothing.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/money/decimal.js';
import { isAbovePercent, median, nearestRank, percentOf } from '../../src/simulation/statistics.js';

const decimals = (...values: number[]) => values.map((value) => new Decimal(value));

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median(decimals(9, 1, 5))?.toString()).toBe('5');
    // sorted 1, 3, 4, 10: (3 + 4) / 2 = 3.5
    expect(median(decimals(3, 1, 10, 4))?.toString()).toBe('3.5');
    expect(median([])).toBeNull();
  });
});

describe('nearestRank', () => {
  // Sorted 15, 20, 35, 40, 50 (n = 5): P10 is rank ceil(0.5) = 1 → 15; P50 rank ceil(2.5) = 3
  // → 35; P90 rank ceil(4.5) = 5 → 50; P0 is rank 1; P100 rank 5.
  const values = decimals(50, 15, 40, 20, 35);
  it.each([
    [10, '15'],
    [30, '20'],
    [50, '35'],
    [90, '50'],
    [0, '15'],
    [100, '50'],
  ])('P%i is %s', (percentile, expected) => {
    expect(nearestRank(values, percentile)?.toString()).toBe(expected);
  });

  it('is null for no values and refuses a percentile outside 0 to 100', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(() => nearestRank(values, 101)).toThrow(RangeError);
    expect(() => nearestRank(values, Number.NaN)).toThrow(RangeError);
  });
});

describe('percentOf and isAbovePercent', () => {
  it('writes one place, half-even, and n/a for a zero denominator', () => {
    expect(percentOf(15, 16)).toBe('93.8'); // 93.75 → 93.8 (half-even: 7 is odd, rounds up)
    expect(percentOf(1, 8)).toBe('12.5');
    expect(percentOf(1, 3)).toBe('33.3');
    expect(percentOf(0, 5)).toBe('0.0');
    expect(percentOf(0, 0)).toBe('n/a');
  });

  it('compares the exact share, not the rounded one', () => {
    // 9 of 10 is exactly 90 %: not above 90. 901 of 1,000 is 90.1 %: above.
    expect(isAbovePercent(9, 10, 90)).toBe(false);
    expect(isAbovePercent(901, 1000, 90)).toBe(true);
    // 1,000,001 of 1,111,112 is 90.000018 % (0.9 × 1,111,112 = 1,000,000.8): written "90.0", but above 90.
    expect(percentOf(1_000_001, 1_111_112)).toBe('90.0');
    expect(isAbovePercent(1_000_001, 1_111_112, 90)).toBe(true);
  });
});
