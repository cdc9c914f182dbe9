// Sums of amounts the ledger already rounded. An amount at the currency's places is a whole
// number of minor units, so adding two of them is integer addition, exact by construction and
// far cheaper than a decimal round trip. Rating and rounding (rate × basis) stay with decimal.js;
// only these sums and comparisons come here.
//
// The integers are plain numbers while they are safe (at most 15 digits read, a sum checked with
// Number.isSafeInteger: every such integer and sum is exact), BigInt beyond: never a fraction,
// never a rounded float, whatever the size of the amount.

const PLAIN = /^-?\d+(\.\d+)?$/;

/**
 * An amount written with at most `decimals` places, as whole minor units.
 *
 * @example
 * toMinorUnits('-12.5', 2)
 * //=> -1250n
 */
export function toMinorUnits(amount: string, decimals: number): bigint {
  // One event adds its amount to several totals in a row: read it once.
  if (amount === lastRead.amount && decimals === lastRead.decimals) return lastRead.minor;
  const minor = readMinorUnits(amount, decimals);
  lastRead = { amount, decimals, minor };
  return minor;
}

let lastRead = { amount: '', decimals: -1, minor: 0n };

function readMinorUnits(amount: string, decimals: number): bigint {
  const point = amount.indexOf('.');
  if (point < 0) return BigInt(amount) * 10n ** BigInt(decimals);
  const places = amount.length - point - 1;
  if (places > decimals || !PLAIN.test(amount)) {
    throw new RangeError(`"${amount}" is not an amount with at most ${decimals} places`);
  }
  const digits = amount.slice(0, point) + amount.slice(point + 1);
  return BigInt(digits) * 10n ** BigInt(decimals - places);
}

/**
 * Minor units written as an amount with exactly `decimals` places (never "-0.00").
 *
 * @example
 * fromMinorUnits(-1250n, 2)
 * //=> '-12.50'
 */
export function fromMinorUnits(minor: bigint, decimals: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals === 0 ? '' : `.${digits.slice(digits.length - decimals)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** The most digits read into a plain number: 10^15 - 1 is well below 2^53. */
const SAFE_DIGITS = 15;

/**
 * Whole minor units of an amount as a plain integer, or null when it has more than 15 digits
 * (minor places included) or is not a plain amount with at most `decimals` places.
 */
function safeMinorUnits(text: string, decimals: number): number | null {
  const negative = text.charCodeAt(0) === 45; // "-"
  let index = negative ? 1 : 0;
  let units = 0;
  let digits = 0;
  let places = -1;
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 46 && places < 0 && digits > 0) {
      places = 0; // "."
      continue;
    }
    if (code < 48 || code > 57) return null;
    units = units * 10 + (code - 48);
    digits += 1;
    if (places >= 0) places += 1;
  }
  if (places === 0 || digits === 0) return null;
  const missing = decimals - Math.max(places, 0);
  if (missing < 0 || digits + missing > SAFE_DIGITS) return null;
  for (let step = 0; step < missing; step++) units *= 10;
  return negative ? -units : units;
}

/** A safe integer of minor units written with exactly `decimals` places (never "-0.00"). */
function formatSafeMinorUnits(units: number, decimals: number): string {
  const negative = units < 0;
  const digits = String(negative ? -units : units).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals === 0 ? '' : `.${digits.slice(digits.length - decimals)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * a + b, for amounts with at most `decimals` places.
 *
 * @example
 * addAmounts('1000.00', '250.50', 2)
 * //=> '1250.50'
 */
export function addAmounts(a: string, b: string, decimals: number): string {
  const left = safeMinorUnits(a, decimals);
  const right = left === null ? null : safeMinorUnits(b, decimals);
  if (left !== null && right !== null) {
    const sum = left + right;
    if (Number.isSafeInteger(sum)) return formatSafeMinorUnits(sum, decimals);
  }
  return fromMinorUnits(toMinorUnits(a, decimals) + toMinorUnits(b, decimals), decimals);
}

/**
 * a - b, for amounts with at most `decimals` places.
 *
 * @example
 * subtractAmounts('10.00', '12.50', 2)
 * //=> '-2.50'
 */
export function subtractAmounts(a: string, b: string, decimals: number): string {
  const left = safeMinorUnits(a, decimals);
  const right = left === null ? null : safeMinorUnits(b, decimals);
  if (left !== null && right !== null) {
    const difference = left - right;
    if (Number.isSafeInteger(difference)) return formatSafeMinorUnits(difference, decimals);
  }
  return fromMinorUnits(toMinorUnits(a, decimals) - toMinorUnits(b, decimals), decimals);
}

/**
 * -1, 0 or 1 as a is less than, equal to or greater than b.
 *
 * @example
 * compareAmounts('50.00', '49.99', 2)
 * //=> 1
 */
export function compareAmounts(a: string, b: string, decimals: number): -1 | 0 | 1 {
  const left = safeMinorUnits(a, decimals);
  const right = left === null ? null : safeMinorUnits(b, decimals);
  if (left !== null && right !== null) return left < right ? -1 : left > right ? 1 : 0;
  const difference = toMinorUnits(a, decimals) - toMinorUnits(b, decimals);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/**
 * -amount.
 *
 * @example
 * negateAmount('2.36', 2)
 * //=> '-2.36'
 */
export function negateAmount(amount: string, decimals: number): string {
  return fromMinorUnits(-toMinorUnits(amount, decimals), decimals);
}

/** Whether an amount is zero, whatever its sign or places ("0", "-0.00"). */
export function isZeroAmount(amount: string): boolean {
  return /^-?0*(\.0*)?$/.test(amount);
}

const zeros: string[] = [];

/**
 * Zero with `decimals` places (one shared string per precision).
 *
 * @example
 * zeroAmount(2)
 * //=> '0.00'
 */
export function zeroAmount(decimals: number): string {
  let zero = zeros[decimals];
  if (zero === undefined) {
    zero = fromMinorUnits(0n, decimals);
    zeros[decimals] = zero;
  }
  return zero;
}
