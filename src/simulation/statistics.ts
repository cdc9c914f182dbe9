// The few statistics the KPIs and the forecast report, computed exactly (decimal.js, never a
// float) and written as fixed-place strings: medians, nearest-rank percentiles, shares.
import { Decimal } from '../money/decimal.js';

/** What a figure shows when there is nothing to compute it from (never NaN, never a division by zero). */
export const NOT_AVAILABLE = 'n/a';

/** Places of a percentage written as a string: "93.8". */
export const PERCENT_PLACES = 1;

/**
 * The median: the middle value of the sorted values, or the mean of the two middle ones; null
 * for no values.
 *
 * @example
 * median([new Decimal(3), new Decimal(1), new Decimal(10), new Decimal(4)])?.toString()
 * //=> '3.5'
 */
export function median(values: readonly Decimal[]): Decimal | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as Decimal;
  if (sorted.length % 2 === 1) return upper;
  return upper.plus(sorted[middle - 1] as Decimal).dividedBy(2);
}

/**
 * The nearest-rank percentile: the value at rank ceil(p/100 × n) of the n sorted values (rank 1
 * for p = 0), so it is always one of the values; null for no values.
 *
 * @example
 * nearestRank([15, 20, 35, 40, 50].map((n) => new Decimal(n)), 30)?.toString()
 * //=> '20' (ceil(0.3 × 5) = 2nd value)
 */
export function nearestRank(values: readonly Decimal[], percentile: number): Decimal | null {
  if (values.length === 0) return null;
  if (!(percentile >= 0 && percentile <= 100))
    throw new RangeError(`percentile must be from 0 to 100; got ${percentile}`);
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[rank - 1] as Decimal;
}

/**
 * A share as a percentage with PERCENT_PLACES places (half-even), or "n/a" for a zero denominator.
 *
 * @example
 * percentOf(15, 16)
 * //=> '93.8'
 * percentOf(0, 0)
 * //=> 'n/a'
 */
export function percentOf(
  numerator: Decimal | number | string,
  denominator: Decimal | number | string,
): string {
  const whole = new Decimal(denominator);
  if (whole.isZero()) return NOT_AVAILABLE;
  return new Decimal(numerator)
    .times(100)
    .dividedBy(whole)
    .toDecimalPlaces(PERCENT_PLACES, Decimal.ROUND_HALF_EVEN)
    .toFixed(PERCENT_PLACES);
}

/** Whether numerator / denominator is above `percent` %, compared exactly (not the rounded figure). */
export function isAbovePercent(
  numerator: Decimal | number | string,
  denominator: Decimal | number | string,
  percent: number,
): boolean {
  return new Decimal(numerator).times(100).greaterThan(new Decimal(denominator).times(percent));
}
