import { describe, expect, it } from 'vitest';
import { allocate, Decimal } from '../../src/money/index.js';

function split(total: string, weights: readonly (string | number)[], decimals: number): string[] {
  const parts = allocate(
    new Decimal(total),
    weights.map((weight) => new Decimal(weight)),
    decimals,
  );
  return parts.map((part) => part.toFixed(decimals));
}

describe('allocate', () => {
  it('gives the leftover cent to the earliest part when remainders tie', () => {
    // 10000 cents / 3 = 3333 each, remainder 1/3 each; the 1 cent left goes to part 0.
    expect(split('100.00', [1, 1, 1], 2)).toEqual(['33.34', '33.33', '33.33']);
  });

  it('gives leftover cents to the largest remainders', () => {
    // 10 cents by 2:3:4 (sum 9): 20/9, 30/9, 40/9 = 2 r2, 3 r3, 4 r4; 2 + 3 + 4 = 9, so the one
    // cent left goes to the largest remainder, part 2.
    expect(split('0.10', [2, 3, 4], 2)).toEqual(['0.02', '0.03', '0.05']);
    // 5 cents among 6 equal parts: 0 each with remainder 5/6; five parts get a cent, earliest first.
    expect(split('0.05', [1, 1, 1, 1, 1, 1], 2)).toEqual(['0.01', '0.01', '0.01', '0.01', '0.01', '0.00']);
  });

  it('splits exactly when the shares come out in whole cents', () => {
    expect(split('10.00', ['0.7', '0.3'], 2)).toEqual(['7.00', '3.00']);
    expect(split('1.00', ['0.3', '0.3', '0.4'], 2)).toEqual(['0.30', '0.30', '0.40']);
  });

  it('splits a negative total as the mirror image of the positive one', () => {
    expect(split('-100.00', [1, 1, 1], 2)).toEqual(['-33.34', '-33.33', '-33.33']);
    expect(split('-0.10', [2, 3, 4], 2)).toEqual(['-0.02', '-0.03', '-0.05']);
  });

  it('splits whole yen and 3-place dinars', () => {
    // 1000 / 3 = 333 r1 each: the one unit left goes to part 0.
    expect(split('1000', [1, 1, 1], 0)).toEqual(['334', '333', '333']);
    expect(split('1.000', [1, 1, 1], 3)).toEqual(['0.334', '0.333', '0.333']);
  });

  it('gives nothing to a zero weight', () => {
    expect(split('10.00', [0, 1, 0], 2)).toEqual(['0.00', '10.00', '0.00']);
    expect(split('0.00', [1, 2], 2)).toEqual(['0.00', '0.00']);
  });

  it('never returns a negative zero', () => {
    // One cent clawed back from two equal parts: part 0 takes it, part 1 is a plain zero.
    const parts = allocate(new Decimal('-0.01'), [new Decimal(1), new Decimal(1)], 2);
    expect(parts.map((part) => part.toFixed(2))).toEqual(['-0.01', '0.00']);
    expect(parts[1]?.isNegative()).toBe(false);
  });

  it('returns no parts for no weights', () => {
    expect(allocate(new Decimal('10.00'), [], 2)).toEqual([]);
  });

  it('throws a RangeError for weights that are all zero, a negative weight, or a total with too many places', () => {
    expect(() => split('10.00', [0, 0], 2)).toThrow(RangeError);
    expect(() => split('10.00', [1, -1, 1], 2)).toThrow(RangeError);
    expect(() => split('10.001', [1, 1], 2)).toThrow(RangeError);
  });

  it('does not mutate its inputs', () => {
    const total = new Decimal('100.00');
    const weights = [new Decimal(1), new Decimal(2)];
    allocate(total, weights, 2);
    expect(total.toFixed()).toBe('100');
    expect(weights.map(String)).toEqual(['1', '2']);
  });
});
