// Money inside the engine's state: whole minor units (cents for USD) in plain numbers. Every
// amount the fold keeps is an integer, and the state's money volume is bounded (see
// MAX_VOLUME_MINOR), so every total it keeps is a safe integer: sums and differences are exact
// integer arithmetic, never a fraction, never a rounded float. Text with the currency's places
// is made only at the edges (events in, ledger entries, effects and reports out).
import { Decimal } from './decimal.js';
import { type RoundingMode, roundToPlaces } from './rounding.js';

/**
 * Whole minor units of the programme's currency: a safe integer, branded so that an amount is
 * never taken for a rate or a count. Made only by this module's readers and arithmetic.
 */
export type MinorUnits = number & {
  /** The brand: no value has it at run time. */
  readonly __unit: 'minor';
};

/** No money. */
export const NO_MINOR_UNITS = 0 as MinorUnits;

/** a + b. Exact: every total a state keeps stays far below 2^53 (see MAX_VOLUME_MINOR). */
export function addMinor(a: MinorUnits, b: MinorUnits): MinorUnits {
  return (a + b) as MinorUnits;
}

/** a - b, exact like addMinor. */
export function subtractMinor(a: MinorUnits, b: MinorUnits): MinorUnits {
  return (a - b) as MinorUnits;
}

/** -a (never -0). */
export function negateMinor(a: MinorUnits): MinorUnits {
  return (0 - a) as MinorUnits;
}

/** The smaller of two amounts. */
export function minMinor(a: MinorUnits, b: MinorUnits): MinorUnits {
  return a < b ? a : b;
}

/**
 * The most money, in minor units, a state takes in over its life: the amounts of every deal
 * closed plus every payout reported (2^47, 1,407,374,883,553.28 US dollars). An event that would
 * take it past this is rejected (`AMOUNT_OUT_OF_RANGE`). Every total a state keeps is at most
 * a small multiple of this volume (a deal pays at most its amount in commission, referral bonus,
 * each of at most 8 override levels and top-ups: 11 times), so all stay below 2^53, where
 * integers in plain numbers are exact.
 */
export const MAX_VOLUME_MINOR = (2 ** 47) as MinorUnits;

const PLAIN = /^-?\d+(\.\d+)?$/;

/**
 * An amount written with at most `decimals` places as minor units, or null when it is not such
 * an amount or its minor units are not a safe integer.
 *
 * @example
 * minorUnitsOf('-12.5', 2)
 * //=> -1250
 */
export function minorUnitsOf(amount: string, decimals: number): MinorUnits | null {
  if (!PLAIN.test(amount)) return null;
  const point = amount.indexOf('.');
  const places = point < 0 ? 0 : amount.length - point - 1;
  if (places > decimals) return null;
  const digits = point < 0 ? amount : amount.slice(0, point) + amount.slice(point + 1);
  // Exact: the digits are a safe integer, and so is the product, or it is refused.
  const whole = Number.parseInt(digits, 10);
  const units = whole * 10 ** (decimals - places);
  return Number.isSafeInteger(whole) && Number.isSafeInteger(units) ? ((units + 0) as MinorUnits) : null;
}

/**
 * Minor units of an amount the event parser accepted (at most the currency's places). Beyond a
 * safe integer it gives Infinity, which every volume check refuses.
 *
 * @example
 * minorOfAmount('1500.00', 2)
 * //=> 150000
 */
export function minorOfAmount(amount: string, decimals: number): MinorUnits {
  return minorUnitsOf(amount, decimals) ?? (Number.POSITIVE_INFINITY as MinorUnits);
}

/**
 * Minor units written with exactly `decimals` places (never "-0.00").
 *
 * @example
 * formatMinor(-1250, 2)
 * //=> '-12.50'
 */
export function formatMinor(units: MinorUnits, decimals: number): string {
  const negative = units < 0;
  const magnitude = negative ? -units : units;
  if (decimals === 0) return negative ? `-${magnitude}` : String(magnitude);
  // Whole units and the rest by integer arithmetic: the quotient of a division may round up to the
  // next integer for magnitudes past 2^46 or so, which the rest then shows (below 0) and corrects.
  const scale = 10 ** decimals;
  let whole = Math.floor(magnitude / scale);
  let rest = magnitude - whole * scale;
  if (rest < 0) {
    whole -= 1;
    rest += scale;
  } else if (rest >= scale) {
    whole += 1;
    rest -= scale;
  }
  const fraction = rest < 10 && decimals === 2 ? `0${rest}` : String(rest).padStart(decimals, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/**
 * Minor units as a number of the currency's units, for rules and facts (which compare numbers):
 * the nearest number to the exact amount, as reading its text would give.
 *
 * @example
 * majorOf(123456, 2)
 * //=> 1234.56
 */
export function majorOf(units: MinorUnits, decimals: number): number {
  return decimals === 0 ? units : units / 10 ** decimals;
}

/**
 * Minor units as a Decimal of the currency's units (for rating and explanations).
 *
 * @example
 * decimalOf(123456, 2).toString()
 * //=> '1234.56'
 */
export function decimalOf(units: MinorUnits, decimals: number): Decimal {
  return new Decimal(units).dividedBy(10 ** decimals);
}

/** A Decimal amount with at most `decimals` places as minor units. */
export function minorOfDecimal(value: Decimal, decimals: number): MinorUnits {
  return (value.times(10 ** decimals).toNumber() + 0) as MinorUnits;
}

/** A rate as an integer over a power of ten (0.22 is 22 / 100), made once per rate. */
interface ScaledRate {
  readonly numerator: number;
  readonly scale: number;
}

const scaledRates = new WeakMap<Decimal, ScaledRate | null>();

function scaled(rate: Decimal): ScaledRate | null {
  let known = scaledRates.get(rate);
  if (known === undefined) {
    const places = rate.decimalPlaces();
    const numerator = rate.times(10 ** places).toNumber();
    known = places <= 15 && Number.isSafeInteger(numerator) ? { numerator, scale: 10 ** places } : null;
    scaledRates.set(rate, known);
  }
  return known;
}

/**
 * rate × basis rounded once to whole minor units with the programme's rounding mode. Integer
 * arithmetic while the product is a safe integer; decimal.js beyond.
 *
 * @example
 * rateTimesMinor(new Decimal('0.22'), 1075, 'HALF_EVEN')   // 0.22 × 10.75 = 2.365
 * //=> 236
 */
export function rateTimesMinor(rate: Decimal, basis: MinorUnits, mode: RoundingMode): MinorUnits {
  const known = scaled(rate);
  if (known !== null) {
    const product = known.numerator * basis;
    if (Number.isSafeInteger(product)) return divideRounded(product, known.scale, mode) as MinorUnits;
  }
  return (roundToPlaces(rate.times(basis), 0, mode).toNumber() + 0) as MinorUnits;
}

/** numerator / divisor (divisor > 0) rounded to an integer with `mode`, exactly. */
function divideRounded(numerator: number, divisor: number, mode: RoundingMode): number {
  const quotient = Math.trunc(numerator / divisor);
  const remainder = numerator - quotient * divisor;
  if (remainder === 0) return quotient + 0;
  const sign = numerator < 0 ? -1 : 1;
  const twice = 2 * Math.abs(remainder);
  const away = quotient + sign;
  return roundedBy(mode, { quotient, away, sign, half: Math.sign(twice - divisor) }) + 0;
}

interface Between {
  /** The integer toward zero, the one away from zero, and the sign of the exact quotient. */
  readonly quotient: number;
  readonly away: number;
  readonly sign: number;
  /** -1, 0 or 1 as the fraction left is below, at or above one half. */
  readonly half: number;
}

function roundedBy(mode: RoundingMode, { quotient, away, sign, half }: Between): number {
  switch (mode) {
    case 'UP':
      return away;
    case 'DOWN':
      return quotient;
    case 'CEIL':
      return sign > 0 ? away : quotient;
    case 'FLOOR':
      return sign > 0 ? quotient : away;
    case 'HALF_UP':
      return half >= 0 ? away : quotient;
    case 'HALF_DOWN':
      return half > 0 ? away : quotient;
    case 'HALF_EVEN':
      return half > 0 || (half === 0 && quotient % 2 !== 0) ? away : quotient;
    case 'HALF_CEIL':
      return half > 0 || (half === 0 && sign > 0) ? away : quotient;
    case 'HALF_FLOOR':
      return half > 0 || (half === 0 && sign < 0) ? away : quotient;
    default: {
      const unknown: never = mode;
      throw new Error(`internal: rounding mode ${String(unknown)}`);
    }
  }
}
