import { describe, expect, it } from 'vitest';
import { Decimal, multiplyAndRound, type RoundingMode, sumAmounts, zero } from '../../src/money/index.js';

function commission(rate: string, basis: string, decimals: number, mode: RoundingMode): string {
  return multiplyAndRound(new Decimal(rate), new Decimal(basis), decimals, mode).toFixed(decimals);
}

describe('multiplyAndRound', () => {
  it('rounds a tie to the even cent with HALF_EVEN', () => {
    expect(commission('0.22', '10.75', 2, 'HALF_EVEN')).toBe('2.36'); // 22 × 1075 = 23650: 2.365
    expect(commission('0.25', '10.02', 2, 'HALF_EVEN')).toBe('2.50'); // 25 × 1002 = 25050: 2.505
  });

  it('rounds a value off a tie to the nearest cent', () => {
    expect(commission('0.22', '10.85', 2, 'HALF_EVEN')).toBe('2.39'); // 22 × 1085 = 23870: 2.387
  });

  it('rounds a tie away from zero with HALF_UP', () => {
    expect(commission('0.22', '10.75', 2, 'HALF_UP')).toBe('2.37'); // 2.365
  });

  it('rounds a clawback to the mirror image of the commission it reverses', () => {
    expect(commission('0.22', '-10.75', 2, 'HALF_EVEN')).toBe('-2.36'); // -2.365
    expect(commission('0.25', '-10.02', 2, 'HALF_EVEN')).toBe('-2.50'); // -2.505
    expect(commission('0.22', '-10.85', 2, 'HALF_EVEN')).toBe('-2.39'); // -2.387
    expect(commission('0.22', '-10.75', 2, 'HALF_UP')).toBe('-2.37'); // -2.365
  });

  it('rounds to whole yen for a 0-decimal currency', () => {
    expect(commission('0.22', '1075', 0, 'HALF_EVEN')).toBe('236'); // 236.5, 6 is even
    expect(commission('0.1', '1235', 0, 'HALF_EVEN')).toBe('124'); // 123.5, 3 is odd
    expect(commission('0.22', '1075', 0, 'HALF_UP')).toBe('237'); // 236.5
  });

  it('rounds to three places for a 3-decimal currency', () => {
    expect(commission('0.5', '1.001', 3, 'HALF_EVEN')).toBe('0.500'); // 0.5005, 0 is even
    expect(commission('0.5', '1.003', 3, 'HALF_EVEN')).toBe('0.502'); // 0.5015, 1 is odd
    expect(commission('0.025', '10.125', 3, 'HALF_EVEN')).toBe('0.253'); // 0.253125
  });

  it('rounds once, from the exact product, even when the product has more than 40 digits', () => {
    // The rate is 0.505 plus 1e-42: 42 significant digits. The exact product with 1 is just above
    // the tie 0.505, so it rounds up; a product first cut to 40 digits would be the tie itself and
    // HALF_EVEN would take it down to 0.50.
    const rate = `0.505${'0'.repeat(38)}1`;
    expect(commission(rate, '1', 2, 'HALF_EVEN')).toBe('0.51');
    expect(multiplyAndRound(new Decimal(rate), new Decimal('1'), 2, 'HALF_EVEN')).toBeInstanceOf(Decimal);
  });

  it('never returns a negative zero', () => {
    // 0.22 × -0.01 = -0.0022, which rounds to zero.
    const result = multiplyAndRound(new Decimal('0.22'), new Decimal('-0.01'), 2, 'HALF_EVEN');
    expect(result.isZero() && !result.isNegative()).toBe(true);
  });
});

describe('sumAmounts', () => {
  it('adds amounts exactly, where JS numbers would not', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point.
    expect(sumAmounts([new Decimal('0.1'), new Decimal('0.2')]).toFixed()).toBe('0.3');
    expect(sumAmounts([new Decimal('10.00'), new Decimal('2.50'), new Decimal('-0.25')]).toFixed()).toBe(
      '12.25',
    );
  });

  it('returns zero for no amounts and the amount itself for one', () => {
    expect(sumAmounts([]).toFixed()).toBe('0');
    expect(sumAmounts([new Decimal('4.20')]).toFixed()).toBe('4.2');
  });
});

describe('zero', () => {
  it('is zero, and not negative', () => {
    expect(zero().isZero()).toBe(true);
    expect(zero().isNegative()).toBe(false);
    expect(zero().toFixed(2)).toBe('0.00');
  });
});
