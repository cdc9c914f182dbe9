// Amounts and rates as text for statements, exports and messages: fixed places, plain notation
// (never `1e+21`), and never a "-0.00".
import type { Decimal } from './decimal.js';

const MIN_RATE_PLACES = 2;

/**
 * Writes an amount with exactly `decimals` places. Formatting never rounds money: a value with
 * more places than `decimals` is a bug upstream (round it with `roundToPlaces` where the ledger
 * entry is made), so it throws a RangeError.
 *
 * @example
 * formatMoney(new Decimal('1500.5'), 2)
 * //=> '1500.50'
 * formatMoney(new Decimal('-0'), 2)
 * //=> '0.00'
 * formatMoney(new Decimal('1e21'), 0)
 * //=> '1000000000000000000000'
 */
export function formatMoney(value: Decimal, decimals: number): string {
  if (value.decimalPlaces() > decimals) {
    throw new RangeError(
      `cannot format ${value.toFixed()} with ${decimals} decimal places without rounding it`,
    );
  }
  return (value.isZero() ? value.abs() : value).toFixed(decimals);
}

/**
 * Writes a rate in its canonical form: every significant place, and at least two.
 *
 * @example
 * formatRate(new Decimal('0.2'))
 * //=> '0.20'
 * formatRate(new Decimal('0.025'))
 * //=> '0.025'
 * formatRate(new Decimal(1))
 * //=> '1.00'
 */
export function formatRate(value: Decimal): string {
  const normal = value.isZero() ? value.abs() : value;
  return normal.toFixed(Math.max(MIN_RATE_PLACES, normal.decimalPlaces()));
}
