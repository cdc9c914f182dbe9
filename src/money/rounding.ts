// Rounding modes by name, and the one function that rounds an exact value to a number of places.
// The names are the programme's vocabulary; decimal.js's numbered modes stay behind this module.
import { Decimal, type DecimalJsRounding } from './decimal.js';

/** Every rounding mode a programme may name, for its schema's enum. */
export const ROUNDING_MODES = [
  'HALF_EVEN',
  'HALF_UP',
  'HALF_DOWN',
  'UP',
  'DOWN',
  'CEIL',
  'FLOOR',
  'HALF_CEIL',
  'HALF_FLOOR',
] as const;

/**
 * How a value between two representable amounts is rounded. `UP` and `DOWN` mean away from
 * and towards zero, `CEIL` and `FLOOR` towards plus and minus infinity; the `HALF_` modes round
 * to the nearest amount and say only what happens to an exact tie: `HALF_EVEN` to the even
 * neighbour (banker's rounding), `HALF_UP` away from zero, `HALF_DOWN` towards zero, `HALF_CEIL`
 * towards plus infinity, `HALF_FLOOR` towards minus infinity.
 */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

const DECIMAL_JS_ROUNDING: Readonly<Record<RoundingMode, DecimalJsRounding>> = {
  HALF_EVEN: Decimal.ROUND_HALF_EVEN,
  HALF_UP: Decimal.ROUND_HALF_UP,
  HALF_DOWN: Decimal.ROUND_HALF_DOWN,
  UP: Decimal.ROUND_UP,
  DOWN: Decimal.ROUND_DOWN,
  CEIL: Decimal.ROUND_CEIL,
  FLOOR: Decimal.ROUND_FLOOR,
  HALF_CEIL: Decimal.ROUND_HALF_CEIL,
  HALF_FLOOR: Decimal.ROUND_HALF_FLOOR,
};

/**
 * Rounds `value` to `decimals` places after the point with `mode`. Exact: the result does not
 * depend on the Decimal precision, a value already at `decimals` places comes back equal, and a
 * result of zero is never negative.
 *
 * @example
 * roundToPlaces(new Decimal('2.365'), 2, 'HALF_EVEN').toFixed()
 * //=> '2.36'
 * roundToPlaces(new Decimal('2.365'), 2, 'HALF_UP').toFixed()
 * //=> '2.37'
 * roundToPlaces(new Decimal('-2.365'), 2, 'HALF_UP').toFixed()
 * //=> '-2.37'
 */
export function roundToPlaces(value: Decimal, decimals: number, mode: RoundingMode): Decimal {
  const rounded = value.toDecimalPlaces(decimals, DECIMAL_JS_ROUNDING[mode]);
  // -0.0022 rounds to a negative zero, which JSON.stringify would write as "-0".
  return rounded.isZero() && rounded.isNegative() ? rounded.abs() : rounded;
}
