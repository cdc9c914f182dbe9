import { describe, expect, it } from 'vitest';
import { Decimal, formatMoney, formatRate, roundToPlaces } from '../../src/money/index.js';

describe('formatMoney', () => {
  it('writes exactly the currency places', () => {
    expect(formatMoney(new Decimal('1500.5'), 2)).toBe('1500.50');
    expect(formatMoney(new Decimal('2.36'), 2)).toBe('2.36');
    expect(formatMoney(new Decimal('-2.36'), 2)).toBe('-2.36');
    expect(formatMoney(new Decimal('236'), 0)).toBe('236');
    expect(formatMoney(new Decimal('0.5'), 3)).toBe('0.500');
  });

  it('never writes "-0.00"', () => {
    expect(formatMoney(new Decimal('-0'), 2)).toBe('0.00');
    // -0.0022 rounds to a zero that decimal.js would otherwise keep negative.
    expect(formatMoney(new Decimal('-0.0022').toDecimalPlaces(2), 2)).toBe('0.00');
    expect(formatMoney(roundToPlaces(new Decimal('-0.004'), 2, 'HALF_EVEN'), 2)).toBe('0.00');
  });

  it('never writes an exponent, however large or small the amount', () => {
    expect(formatMoney(new Decimal('1e21'), 2)).toBe('1000000000000000000000.00');
    expect(formatMoney(new Decimal('-1e40'), 0)).toBe(`-1${'0'.repeat(40)}`);
    expect(formatMoney(new Decimal('1234567890123456789012345678.9'), 2)).toBe(
      '1234567890123456789012345678.90',
    );
    expect(formatMoney(new Decimal('1e-7'), 7)).toBe('0.0000001');
    expect(formatMoney(new Decimal('-1e-30'), 30)).toBe(`-0.${'0'.repeat(29)}1`);
  });

  it('throws a RangeError rather than round: rounding belongs where the ledger entry is made', () => {
    expect(() => formatMoney(new Decimal('10.001'), 2)).toThrow(RangeError);
    expect(() => formatMoney(new Decimal('0.5'), 0)).toThrow(RangeError);
  });
});

describe('formatRate', () => {
  it.each([
    ['0.22', '0.22'],
    ['0.2', '0.20'],
    ['0.10', '0.10'],
    ['0.05', '0.05'],
    ['0.025', '0.025'],
    ['0.125000', '0.125'],
    ['1', '1.00'],
    ['0', '0.00'],
    ['-0', '0.00'],
  ])('writes %s as %s', (input, expected) => {
    expect(formatRate(new Decimal(input))).toBe(expected);
  });

  it('never writes an exponent for a tiny rate', () => {
    expect(formatRate(new Decimal('1e-30'))).toBe(`0.${'0'.repeat(29)}1`);
  });
});
