// The few operations the engine runs on every ledger entry: a rate applied to a basis with the one
// rounding the entry gets, and sums. Kept small because replay runs them hundreds of thousands of
// times a second.
import { Decimal } from './decimal.js';
import { type RoundingMode, roundToPlaces } from './rounding.js';

const ZERO = new Decimal(0);
// Only for products too long for Decimal's 40 digits: a constructor that never rounds a product.
const UNROUNDED = Decimal.clone({ precision: 1e9 });

/**
 * The exact product `rate × basis`, rounded once to `decimals` places with `mode`.
 *
 * @example
 * multiplyAndRound(new Decimal('0.22'), new Decimal('10.75'), 2, 'HALF_EVEN').toFixed(2)
 * //=> '2.36' (0.22 × 10.75 = 2.365, a tie, to the even cent)
 * multiplyAndRound(new Decimal('0.22'), new Decimal('-10.75'), 2, 'HALF_EVEN').toFixed(2)
 * //=> '-2.36'
 */
export function multiplyAndRound(
  rate: Decimal,
  basis: Decimal,
  decimals: number,
  mode: RoundingMode,
): Decimal {
  // A product has at most as many significant digits as its two factors together.
  if (rate.precision() + basis.precision() <= Decimal.precision) {
    return roundToPlaces(rate.times(basis), decimals, mode);
  }
  const product = new UNROUNDED(rate).times(basis);
  return new Decimal(roundToPlaces(product, decimals, mode));
}

/**
 * The sum of `values`; zero for none.
 *
 * @example
 * sumAmounts([new Decimal('10.00'), new Decimal('2.50'), new Decimal('-0.25')]).toFixed(2)
 * //=> '12.25'
 * sumAmounts([]).toFixed(2)
 * //=> '0.00'
 */
export function sumAmounts(values: readonly Decimal[]): Decimal {
  let total = values[0];
  if (total === undefined) return ZERO;
  for (let index = 1; index < values.length; index++) total = total.plus(values[index]!);
  return total;
}

/**
 * Zero, the starting balance of every account. Decimals never change, so this is one shared value.
 *
 * @example
 * zero().toFixed(2)
 * //=> '0.00'
 */
export function zero(): Decimal {
  return ZERO;
}
