// Sums of amounts the ledger already rounded. An amount at the currency's places is a whole
// number of minor units, so adding two of them is integer addition: done on BigInt minor units,
// exact by construction and far cheaper than a decimal round trip. Rating and rounding (rate ×
// basis) stay with decimal.js; only these sums and comparisons come here. Never a JS number.

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

/**
 * a + b, for amounts with at most `decimals` places.
 *
 * @example
 * addAmounts('1000.00', '250.50', 2)
 * //=> '1250.50'
 */
export function addAmounts(a: string, b: string, decimals: number): string {
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
