// Strict parsing of amounts and rates from event and programme input. Every accepted value is
// exactly what its author wrote; anything that could have lost a digit on the way is refused with a
// message that says what was wrong and how to write it.
import { Decimal } from './decimal.js';

/** The outcome of parsing: the value, or a message for the person who wrote the input. */
export type ParseResult<T> =
  | {
      /** The input was read. */
      readonly ok: true;
      /** What it was read as. */
      readonly value: T;
    }
  | {
      /** The input was refused. */
      readonly ok: false;
      /** Why, for the person who wrote it. */
      readonly message: string;
    };

/** Which amounts a field accepts: `'positive'` refuses zero and negatives, `'any'` refuses nothing. */
export type AmountSign = 'positive' | 'non-negative' | 'any';

/** How to read an amount. */
export interface ParseAmountOptions {
  /** Places after the point the currency allows: 2 for USD, 0 for JPY, 3 for BHD. */
  readonly decimals: number;
  /** Which amounts are accepted; `'positive'` when left out. */
  readonly sign?: AmountSign;
  /** The currency code, only to name it in messages ("USD allows 2"). */
  readonly currency?: string;
}

// Digits and one optional point with digits on both sides; a leading "-" is checked afterwards
// against the sign the field allows.
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
// A JSON number with at most 15 significant digits survives the trip through a double and back
// through String(n) unchanged; with more, String(n) may print digits the author never wrote.
const MAX_EXACT_NUMBER_DIGITS = 15;
/**
 * The most digits an amount has once written with exactly its currency's places ("1500.00" has 6):
 * at most 28 before the point for USD, 30 for JPY. Counted on the value, not on the text as sent
 * (leading zeros do not count, missing places do), so an accepted amount's normalised text is
 * accepted again. Keeps every amount, and the sum of a billion of them, inside the 40 digits
 * Decimal holds exactly.
 */
export const MAX_AMOUNT_DIGITS = 30;
const MAX_SHOWN_CHARACTERS = 40;

interface Subject {
  readonly noun: 'amount' | 'rate';
  readonly example: string;
}
const AMOUNT: Subject = { noun: 'amount', example: '1500.00' };
const RATE: Subject = { noun: 'rate', example: '0.22' };
const ZERO = new Decimal(0);
const ZERO_CODE = 48;
const NINE_CODE = 57;
const POINT_CODE = 46;

/**
 * Reads an amount written as a decimal string (`"1500.00"`) or a JSON number, refusing more places
 * than the currency allows and any sign the field does not allow.
 *
 * @example
 * parseAmount('1500.00', { decimals: 2 })
 * //=> { ok: true, value: Decimal('1500') }
 * parseAmount(1500.5, { decimals: 2 })
 * //=> { ok: true, value: Decimal('1500.5') }
 * parseAmount('10.001', { decimals: 2, currency: 'USD' })
 * //=> { ok: false, message: 'amount "10.001" has 3 decimal places; USD allows 2' }
 */
export function parseAmount(input: unknown, options: ParseAmountOptions): ParseResult<Decimal> {
  assertDecimals(options.decimals);
  const text = readPlainDecimal(input, AMOUNT);
  if (!text.ok) return text;
  const shown = show(input);
  const places = placesOf(text.value);
  if (places > options.decimals) {
    const allowed = `${options.currency ?? 'this currency'} allows ${options.decimals}`;
    return fail(`amount ${shown} has ${places} decimal ${places === 1 ? 'place' : 'places'}; ${allowed}`);
  }
  const whole = wholeDigitsOf(text.value);
  if (whole + options.decimals > MAX_AMOUNT_DIGITS) return fail(tooLong(shown, whole, options));
  const value = new Decimal(text.value);
  const precise = checkNumberDigits(input, value, AMOUNT);
  if (!precise.ok) return precise;
  return checkSign(value, options.sign ?? 'positive', shown);
}

/**
 * Reads a rate: a fraction between 0 and 1 inclusive, written as a decimal string (`"0.22"` for
 * 22 %) or a JSON number, with any number of places.
 *
 * @example
 * parseRate('0.22')
 * //=> { ok: true, value: Decimal('0.22') }
 * parseRate(0.025)
 * //=> { ok: true, value: Decimal('0.025') }
 * parseRate('22%')
 * //=> { ok: false, message: 'rate "22%" is a percentage; write it as a fraction of 1, like "0.22" for 22 %' }
 */
export function parseRate(input: unknown): ParseResult<Decimal> {
  const text = readPlainDecimal(input, RATE);
  if (!text.ok) return text;
  const value = new Decimal(text.value);
  if (value.isNegative() && !value.isZero()) return fail(outOfRange(input));
  if (value.greaterThan(1)) return fail(outOfRange(input));
  const precise = checkNumberDigits(input, value, RATE);
  if (!precise.ok) return precise;
  return { ok: true, value: value.isZero() ? ZERO : value };
}

function outOfRange(input: unknown): string {
  return `rate ${show(input)} must be between 0 and 1; write 22 % as "0.22"`;
}

// Text in plain decimal notation, from a string as written or from a number as String(n) prints it.
function readPlainDecimal(input: unknown, subject: Subject): ParseResult<string> {
  if (typeof input === 'string') {
    if (PLAIN_DECIMAL.test(input)) return { ok: true, value: input };
    return fail(describeMalformed(input, subject));
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail(`${subject.noun} ${input} is not a finite number`);
    const text = String(input);
    if (PLAIN_DECIMAL.test(text)) return { ok: true, value: text };
    return fail(`${subject.noun} ${text} is written with an exponent; send it as a decimal string instead`);
  }
  if (input === undefined) return fail(`${subject.noun} is missing; write it like "${subject.example}"`);
  return fail(
    `${subject.noun} must be a decimal string like "${subject.example}" or a number, not ${describeType(input)}`,
  );
}

// Names the first thing wrong with a string that is not a plain decimal, most specific first.
function describeMalformed(text: string, { noun, example }: Subject): string {
  const shown = show(text);
  const write = `write it like "${example}"`;
  if (text === '') return `${noun} is an empty string; ${write}`;
  if (/\s/.test(text)) return `${noun} ${shown} contains spaces; ${write}`;
  if (/^[-+]?(nan|inf|infinity)$/i.test(text)) return `${noun} ${shown} is not a number; ${write}`;
  if (/^[-+]?[\d.]+e[-+]?\d+$/i.test(text)) {
    return `${noun} ${shown} uses exponent notation; write all its digits out, like "${example}"`;
  }
  if (text.startsWith('+')) return `${noun} ${shown} has a "+" sign; write it without one`;
  if (noun === 'rate' && text.endsWith('%')) {
    return `rate ${shown} is a percentage; write it as a fraction of 1, like "0.22" for 22 %`;
  }
  if (/[,_']/.test(text)) {
    return `${noun} ${shown} contains a separator; use "." for the decimal point and no thousands separators, like "${example}"`;
  }
  if (/^-?\./.test(text)) return `${noun} ${shown} starts with "."; put a 0 before it, like "0.50"`;
  if (text.endsWith('.')) return `${noun} ${shown} ends with "."; put digits after it or leave it out`;
  return `${noun} ${shown} is not a decimal number; ${write}: digits, then optionally "." and more digits`;
}

function describeType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'boolean' || typeof input === 'bigint') return `a ${typeof input} (${input})`;
  return `a ${typeof input}`;
}

// A number with more significant digits than a double keeps may not be what the JSON text said.
function checkNumberDigits(input: unknown, value: Decimal, { noun }: Subject): ParseResult<Decimal> {
  if (typeof input !== 'number' || value.precision() <= MAX_EXACT_NUMBER_DIGITS) return { ok: true, value };
  return fail(
    `${noun} ${show(input)} has ${value.precision()} significant digits, more than a JSON number keeps ` +
      `exactly (${MAX_EXACT_NUMBER_DIGITS}); send it as a decimal string`,
  );
}

function checkSign(value: Decimal, sign: AmountSign, shown: string): ParseResult<Decimal> {
  if (value.isZero()) {
    return sign === 'positive'
      ? fail(`amount ${shown} must be greater than zero`)
      : { ok: true, value: ZERO };
  }
  if (value.isNegative() && sign !== 'any') return fail(`amount ${shown} must not be negative`);
  return { ok: true, value };
}

// Digits before the point that count: "007.50" has one, "0.50" none.
function wholeDigitsOf(text: string): number {
  const start = text.startsWith('-') ? 1 : 0;
  const point = text.indexOf('.');
  const end = point === -1 ? text.length : point;
  let first = start;
  while (first < end && text.charCodeAt(first) === ZERO_CODE) first++;
  return end - first;
}

function tooLong(shown: string, whole: number, { decimals, currency }: ParseAmountOptions): string {
  const places = decimals === 0 ? '' : ` with ${currency ?? 'the currency'}'s ${decimals} places`;
  return `amount ${shown} has ${whole + decimals} digits${places}; at most ${MAX_AMOUNT_DIGITS} are allowed`;
}

/**
 * Whether an amount is already written exactly as the engine keeps a positive amount: the
 * currency's places, no leading zeros, within MAX_AMOUNT_DIGITS ("1500.00" for USD). Such a text
 * needs no decimal round trip: parseAmount accepts it and formatMoney gives it back unchanged.
 *
 * @example
 * isCanonicalAmount('1500.00', 2)
 * //=> true
 * isCanonicalAmount('1500.5', 2)
 * //=> false
 */
export function isCanonicalAmount(input: unknown, decimals: number): boolean {
  if (typeof input !== 'string') return false;
  const whole = decimals === 0 ? input.length : input.length - decimals - 1;
  if (whole < 1 || (decimals > 0 && input.charCodeAt(whole) !== POINT_CODE)) return false;
  // A leading zero only as the whole part of an amount below 1 ("0.50"), where it does not count.
  const counted = input.charCodeAt(0) === ZERO_CODE ? (whole === 1 ? 0 : Number.POSITIVE_INFINITY) : whole;
  if (counted + decimals > MAX_AMOUNT_DIGITS) return false;
  let nonZero = false;
  for (let index = 0; index < input.length; index++) {
    if (index === whole) continue;
    const code = input.charCodeAt(index);
    if (code < ZERO_CODE || code > NINE_CODE) return false;
    if (code !== ZERO_CODE) nonZero = true;
  }
  return nonZero;
}

function placesOf(text: string): number {
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

// Strings are quoted so spaces and empty strings show; long ones are cut to keep messages short.
function show(input: unknown): string {
  if (typeof input !== 'string') return String(input);
  const cut = input.length > MAX_SHOWN_CHARACTERS ? `${input.slice(0, MAX_SHOWN_CHARACTERS - 1)}…` : input;
  return JSON.stringify(cut);
}

function fail(message: string): { readonly ok: false; readonly message: string } {
  return { ok: false, message };
}

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_AMOUNT_DIGITS) {
    throw new RangeError(`decimals must be a whole number from 0 to ${MAX_AMOUNT_DIGITS}, got ${decimals}`);
  }
}
