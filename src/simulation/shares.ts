// Ratios a finance report shows: cost as a share of revenue, a delta as a share of the baseline.
// Computed with decimal.js and written with four places ("0.2213" is 22.13 %), rounded half to
// even once; null where the denominator is zero, for "no revenue" is not "0 %".
import { Decimal } from '../money/index.js';

/** Places of a share: a hundredth of a percent. */
export const SHARE_PLACES = 4;

/**
 * numerator / denominator with four places, or null when the denominator is zero.
 *
 * @example
 * shareOf('220.00', '1000.00')
 * //=> '0.2200'
 * shareOf('5.00', '0.00')
 * //=> null
 */
export function shareOf(numerator: string, denominator: string): string | null {
  const divisor = new Decimal(denominator);
  if (divisor.isZero()) return null;
  const share = new Decimal(numerator)
    .dividedBy(divisor)
    .toDecimalPlaces(SHARE_PLACES, Decimal.ROUND_HALF_EVEN);
  return (share.isZero() ? share.abs() : share).toFixed(SHARE_PLACES);
}

/**
 * A share as a percentage for people: `0.2213` is `22.13 %`; null is `n/a`.
 *
 * @example
 * percent('0.2213')
 * //=> '22.13 %'
 */
export function percent(share: string | null): string {
  if (share === null) return 'n/a';
  return `${new Decimal(share).times(100).toFixed(SHARE_PLACES - 2)} %`;
}
