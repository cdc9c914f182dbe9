// Amounts and rates as the contract writes them: decimal strings with exactly the currency's
// places, drawn as whole minor units so they shrink toward the smallest amount.
import fc from 'fast-check';
import { Decimal, formatMoney, formatRate } from '../../index.js';

/** Options of `money`: the currency's places and the range of amounts. */
export interface MoneyOptions {
  /** Places of the currency (2 for USD). */
  readonly decimals?: number;
  /** The smallest amount, in minor units (default 1 = 0.01 at 2 places). */
  readonly minMinorUnits?: number;
  /** The largest amount, in minor units (default 10,000,000 = 100,000.00 at 2 places). */
  readonly maxMinorUnits?: number;
}

/**
 * Minor units as the currency writes them: 12345 at 2 places is "123.45".
 *
 * @example
 * moneyText(12345, 2)
 * //=> '123.45'
 */
export function moneyText(minorUnits: number | bigint, decimals: number): string {
  return formatMoney(new Decimal(minorUnits.toString()).dividedBy(new Decimal(10).pow(decimals)), decimals);
}

/**
 * A positive amount as a decimal string with exactly `decimals` places.
 *
 * @example
 * fc.sample(money(), { numRuns: 1, seed: 1 })
 * //=> ['8391.27']   (for example)
 */
export function money(options: MoneyOptions = {}): fc.Arbitrary<string> {
  const decimals = options.decimals ?? 2;
  return fc
    .integer({ min: options.minMinorUnits ?? 1, max: options.maxMinorUnits ?? 10_000_000 })
    .map((minor) => moneyText(minor, decimals));
}

/** The name the first kit used for `money`. */
export const amount = money;

/**
 * A rate in [min, max] as a canonical decimal string with up to 4 places, e.g. "0.2235".
 *
 * @example
 * fc.sample(rate(0.5), { numRuns: 1, seed: 1 })
 * //=> ['0.2235']   (for example)
 */
export function rate(max = 0.5, min = 0): fc.Arbitrary<string> {
  return fc
    .integer({ min: Math.round(min * 10_000), max: Math.round(max * 10_000) })
    .map((basisPoints) => formatRate(new Decimal(basisPoints).dividedBy(10_000)));
}
