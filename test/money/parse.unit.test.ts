import { describe, expect, it } from 'vitest';
import type { Decimal } from '../../src/money/index.js';
import { formatMoney, type ParseResult, parseAmount, parseRate } from '../../src/money/index.js';
import { isCanonicalAmount } from '../../src/money/parse.js';

const USD = { decimals: 2, currency: 'USD' } as const;

function accepted(result: ParseResult<Decimal>): string {
  if (!result.ok) throw new Error(`expected the input to be accepted, got: ${result.message}`);
  return result.value.toFixed();
}

function rejected(result: ParseResult<Decimal>): string {
  if (result.ok) throw new Error(`expected the input to be rejected, got ${result.value.toFixed()}`);
  return result.message;
}

describe('parseAmount', () => {
  it('accepts plain decimal strings with up to the allowed places', () => {
    expect(accepted(parseAmount('1500.00', USD))).toBe('1500');
    expect(accepted(parseAmount('1500', USD))).toBe('1500');
    expect(accepted(parseAmount('1500.5', USD))).toBe('1500.5');
    expect(accepted(parseAmount('0.01', USD))).toBe('0.01');
  });

  it('accepts a JSON number as it was written, so 1500.5 is 1500.50', () => {
    const result = parseAmount(1500.5, USD);
    expect(accepted(result)).toBe('1500.5');
    if (result.ok) expect(formatMoney(result.value, 2)).toBe('1500.50');
    expect(accepted(parseAmount(10.75, USD))).toBe('10.75');
    expect(accepted(parseAmount(1500, USD))).toBe('1500');
  });

  it('accepts amounts in 0- and 3-decimal currencies', () => {
    expect(accepted(parseAmount('1075', { decimals: 0, currency: 'JPY' }))).toBe('1075');
    expect(accepted(parseAmount('10.125', { decimals: 3, currency: 'BHD' }))).toBe('10.125');
  });

  it('rejects more places than the currency allows, counting the places as written', () => {
    expect(rejected(parseAmount('10.001', USD))).toBe('amount "10.001" has 3 decimal places; USD allows 2');
    expect(rejected(parseAmount('10.5', { decimals: 0, currency: 'JPY' }))).toBe(
      'amount "10.5" has 1 decimal place; JPY allows 0',
    );
    expect(rejected(parseAmount('1500.00', { decimals: 0 }))).toBe(
      'amount "1500.00" has 2 decimal places; this currency allows 0',
    );
    expect(rejected(parseAmount('10.1250', { decimals: 3, currency: 'BHD' }))).toBe(
      'amount "10.1250" has 4 decimal places; BHD allows 3',
    );
  });

  it('rejects 0.1 + 0.2, a number that float arithmetic made', () => {
    // 0.1 + 0.2 is the double 0.30000000000000004, which String() writes with 17 places.
    expect(rejected(parseAmount(0.1 + 0.2, USD))).toBe(
      'amount 0.30000000000000004 has 17 decimal places; USD allows 2',
    );
  });

  it('rejects a number with more significant digits than a double keeps', () => {
    // The JSON text 1234567890123456.78 reads as a double that String() writes as 1234567890123456.8.
    expect(rejected(parseAmount(1234567890123456.8, USD))).toBe(
      'amount 1234567890123456.8 has 17 significant digits, more than a JSON number keeps exactly (15); ' +
        'send it as a decimal string',
    );
    // Trailing zeros of a whole number are not significant: 1e18 has one significant digit.
    expect(accepted(parseAmount(1_000_000_000_000_000_000, USD))).toBe('1000000000000000000');
  });

  it('rejects numbers that are not finite or that String() writes with an exponent', () => {
    expect(rejected(parseAmount(Number.NaN, USD))).toBe('amount NaN is not a finite number');
    expect(rejected(parseAmount(Number.POSITIVE_INFINITY, USD))).toBe(
      'amount Infinity is not a finite number',
    );
    expect(rejected(parseAmount(1e21, USD))).toBe(
      'amount 1e+21 is written with an exponent; send it as a decimal string instead',
    );
  });

  it.each([
    ['', 'amount is an empty string; write it like "1500.00"'],
    [' 10', 'amount " 10" contains spaces; write it like "1500.00"'],
    ['1 500.00', 'amount "1 500.00" contains spaces; write it like "1500.00"'],
    ['NaN', 'amount "NaN" is not a number; write it like "1500.00"'],
    ['-Infinity', 'amount "-Infinity" is not a number; write it like "1500.00"'],
    ['1e3', 'amount "1e3" uses exponent notation; write all its digits out, like "1500.00"'],
    ['1.5E+3', 'amount "1.5E+3" uses exponent notation; write all its digits out, like "1500.00"'],
    ['+5', 'amount "+5" has a "+" sign; write it without one'],
    [
      '1,500.00',
      'amount "1,500.00" contains a separator; use "." for the decimal point and no thousands separators, like "1500.00"',
    ],
    [
      '10,50',
      'amount "10,50" contains a separator; use "." for the decimal point and no thousands separators, like "1500.00"',
    ],
    ['.5', 'amount ".5" starts with "."; put a 0 before it, like "0.50"'],
    ['5.', 'amount "5." ends with "."; put digits after it or leave it out'],
    [
      '$10',
      'amount "$10" is not a decimal number; write it like "1500.00": digits, then optionally "." and more digits',
    ],
    [
      '--5',
      'amount "--5" is not a decimal number; write it like "1500.00": digits, then optionally "." and more digits',
    ],
  ])('rejects the string %j', (input, message) => {
    expect(rejected(parseAmount(input, { ...USD, sign: 'any' }))).toBe(message);
  });

  it.each([
    [true, 'amount must be a decimal string like "1500.00" or a number, not a boolean (true)'],
    [null, 'amount must be a decimal string like "1500.00" or a number, not null'],
    [{ value: '10.00' }, 'amount must be a decimal string like "1500.00" or a number, not an object'],
    [['10.00'], 'amount must be a decimal string like "1500.00" or a number, not an array'],
    [10n, 'amount must be a decimal string like "1500.00" or a number, not a bigint (10)'],
    [undefined, 'amount is missing; write it like "1500.00"'],
  ])('rejects %o, which is not a string or a number', (input, message) => {
    expect(rejected(parseAmount(input, USD))).toBe(message);
  });

  it('rejects zero unless the field allows it', () => {
    expect(rejected(parseAmount('0.00', USD))).toBe('amount "0.00" must be greater than zero');
    expect(rejected(parseAmount(0, USD))).toBe('amount 0 must be greater than zero');
    expect(accepted(parseAmount('0.00', { ...USD, sign: 'non-negative' }))).toBe('0');
    expect(accepted(parseAmount('0', { ...USD, sign: 'any' }))).toBe('0');
  });

  it('rejects negatives unless the field allows any sign', () => {
    expect(rejected(parseAmount('-5.00', USD))).toBe('amount "-5.00" must not be negative');
    expect(rejected(parseAmount(-5, { ...USD, sign: 'non-negative' }))).toBe(
      'amount -5 must not be negative',
    );
    expect(accepted(parseAmount('-5.00', { ...USD, sign: 'any' }))).toBe('-5');
    expect(accepted(parseAmount(-2.37, { ...USD, sign: 'any' }))).toBe('-2.37');
  });

  it('reads "-0" as zero, never as a negative zero', () => {
    const result = parseAmount('-0.00', { ...USD, sign: 'non-negative' });
    expect(result.ok && result.value.isZero() && !result.value.isNegative()).toBe(true);
  });

  it('rejects amounts longer than 30 digits', () => {
    const digits31 = '1234567890123456789012345678901';
    expect(rejected(parseAmount(digits31, USD))).toBe(
      `amount "${digits31}" has 33 digits with USD's 2 places; at most 30 are allowed`,
    );
    expect(accepted(parseAmount('1234567890123456789012345678.90', USD))).toBe(
      '1234567890123456789012345678.9',
    );
  });

  // Was: 30 digits as written, so "…890" (30 digits) passed but its own text "…890.00" (32) did not.
  it('counts digits with the currency places, so an amount and its normalised text agree', () => {
    const digits30 = '123456789012345678901234567890';
    expect(rejected(parseAmount(digits30, USD))).toBe(
      `amount "${digits30}" has 32 digits with USD's 2 places; at most 30 are allowed`,
    );
    expect(accepted(parseAmount(digits30, { decimals: 0 }))).toBe(digits30);
    const digits28 = '1234567890123456789012345678';
    expect(accepted(parseAmount(digits28, USD))).toBe(digits28);
    expect(accepted(parseAmount(`${digits28}.00`, USD))).toBe(digits28);
  });

  it('does not count leading zeros', () => {
    expect(accepted(parseAmount(`${'0'.repeat(40)}12.50`, USD))).toBe('12.5');
    expect(accepted(parseAmount(`0.${'1'.repeat(30)}`, { decimals: 30 }))).toBe(`0.${'1'.repeat(30)}`);
  });

  it('shortens a long input in its message', () => {
    // 39 characters of the input, then an ellipsis.
    expect(rejected(parseAmount('x'.repeat(100), USD))).toBe(
      `amount "${'x'.repeat(39)}…" is not a decimal number; write it like "1500.00": digits, then optionally "." and more digits`,
    );
  });

  it('throws a RangeError for a decimals option that is not a whole number of places', () => {
    expect(() => parseAmount('1', { decimals: -1 })).toThrow(RangeError);
    expect(() => parseAmount('1', { decimals: 1.5 })).toThrow(RangeError);
  });
});

describe('isCanonicalAmount', () => {
  it.each([
    ['1500.00', 2, true],
    ['0.01', 2, true],
    ['1500', 0, true],
    ['1500.5', 2, false],
    ['1500.000', 2, false],
    ['01500.00', 2, false],
    ['0.00', 2, false],
    ['-5.00', 2, false],
    ['1,500.00', 2, false],
    ['1500.00', 0, false],
    [`${'9'.repeat(28)}.00`, 2, true],
    [`${'9'.repeat(29)}.00`, 2, false],
    [1500, 2, false],
  ])('%s with %i places: %s', (input, decimals, expected) => {
    expect(isCanonicalAmount(input, decimals)).toBe(expected);
  });
});

describe('parseRate', () => {
  it('accepts fractions from 0 to 1 with any number of places', () => {
    expect(accepted(parseRate('0.22'))).toBe('0.22');
    expect(accepted(parseRate('0.025'))).toBe('0.025');
    expect(accepted(parseRate('0'))).toBe('0');
    expect(accepted(parseRate('1.00'))).toBe('1');
    expect(accepted(parseRate('0.123456789012345678901234567890123456789'))).toBe(
      '0.123456789012345678901234567890123456789',
    );
  });

  it('accepts a JSON number as it was written', () => {
    expect(accepted(parseRate(0.22))).toBe('0.22');
    expect(accepted(parseRate(0.025))).toBe('0.025');
    expect(accepted(parseRate(1))).toBe('1');
  });

  it('rejects rates outside 0 to 1', () => {
    expect(rejected(parseRate('1.01'))).toBe('rate "1.01" must be between 0 and 1; write 22 % as "0.22"');
    expect(rejected(parseRate('-0.1'))).toBe('rate "-0.1" must be between 0 and 1; write 22 % as "0.22"');
    expect(rejected(parseRate(22))).toBe('rate 22 must be between 0 and 1; write 22 % as "0.22"');
  });

  it('rejects percentages, exponents, float noise and other types', () => {
    expect(rejected(parseRate('22%'))).toBe(
      'rate "22%" is a percentage; write it as a fraction of 1, like "0.22" for 22 %',
    );
    expect(rejected(parseRate('2.2e-1'))).toBe(
      'rate "2.2e-1" uses exponent notation; write all its digits out, like "0.22"',
    );
    expect(rejected(parseRate(1e-7))).toBe(
      'rate 1e-7 is written with an exponent; send it as a decimal string instead',
    );
    // 0.1 + 0.2 is the double 0.30000000000000004: 17 significant digits.
    expect(rejected(parseRate(0.1 + 0.2))).toBe(
      'rate 0.30000000000000004 has 17 significant digits, more than a JSON number keeps exactly (15); ' +
        'send it as a decimal string',
    );
    expect(rejected(parseRate(null))).toBe('rate must be a decimal string like "0.22" or a number, not null');
    expect(rejected(parseRate(''))).toBe('rate is an empty string; write it like "0.22"');
  });

  it('reads "-0" as zero, never as a negative zero', () => {
    const result = parseRate('-0');
    expect(result.ok && result.value.isZero() && !result.value.isNegative()).toBe(true);
  });
});
