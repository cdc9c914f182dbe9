// The instants an event may name (`at`, `effectiveFrom`, `until`): read to the millisecond the
// engine keeps, and only within the years a partner programme can mean. Two readers of one rule:
// a fast one for the decoder, and one over Date for the schema path that explains a refusal.
import type { ParseResult } from '../money/parse.js';

/** The earliest instant an event may name: 2000-01-01T00:00:00.000Z. */
export const EARLIEST_INSTANT_MS = Date.UTC(2000, 0, 1);
/**
 * The latest instant an event may name: 2099-12-31T23:59:59.999Z. The clock moving to an event
 * runs every month end and payout run in between, so the range also bounds what one event can
 * cost: at most a century of time-driven work, most of it on nobody (see engine.md).
 */
export const LATEST_INSTANT_MS = Date.UTC(2100, 0, 1) - 1;

/** The supported range in words, for messages: "2000-01-01T00:00:00.000Z to 2099-12-31T23:59:59.999Z". */
export const SUPPORTED_RANGE = `${new Date(EARLIEST_INSTANT_MS).toISOString()} to ${new Date(LATEST_INSTANT_MS).toISOString()}`;

/** Whether an instant (epoch milliseconds) is within the supported range. */
export function isSupportedInstant(instant: number): boolean {
  return instant >= EARLIEST_INSTANT_MS && instant <= LATEST_INSTANT_MS;
}
// The digits of the seconds' fraction, in a date-time the schema already accepted.
const FRACTION = /\.(\d+)/;

/**
 * Whether a date-time names a fraction of a millisecond (digits past the third that are not
 * zeros), which `Date.parse` would silently cut: the engine refuses such an instant.
 *
 * @example
 * isFinerThanMillisecond('2025-01-01T00:00:00.0001Z')
 * //=> true
 */
export function isFinerThanMillisecond(text: string): boolean {
  const fraction = FRACTION.exec(text)?.[1] ?? '';
  return /[1-9]/.test(fraction.slice(3));
}
const MAX_SHOWN_CHARACTERS = 40;

/**
 * An ISO-8601 date-time the schema accepted, as UTC ISO with milliseconds, or why the engine cannot
 * take it: digits beyond the millisecond that are not zeros, or an instant outside the range.
 *
 * @example
 * normaliseInstant('at', '2025-01-10T09:00:00+01:00')
 * //=> { ok: true, value: '2025-01-10T08:00:00.000Z' }
 * normaliseInstant('at', '2025-01-01T00:00:00.0001Z')
 * //=> { ok: false, message: 'at "2025-01-01T00:00:00.0001Z" is more precise than a millisecond; …' }
 */
export function normaliseInstant(field: string, text: string): ParseResult<string> {
  if (isFinerThanMillisecond(text)) {
    const message =
      `${field} ${show(text)} is more precise than a millisecond; the engine keeps instants in whole ` +
      'milliseconds, so write at most 3 digits after the point (any further digits must be zeros)';
    return { ok: false, message };
  }
  const instant = Date.parse(text);
  if (!isSupportedInstant(instant)) {
    const message = `${field} ${show(text)} is outside the supported range ${SUPPORTED_RANGE}; is the year right?`;
    return { ok: false, message };
  }
  return { ok: true, value: new Date(instant).toISOString() };
}

const ZERO_CODE = 48;
const DASH = 45;
const COLON = 58;
const POINT = 46;
const PLUS = 43;
const LETTER_T = 84;
const LETTER_Z = 90;
const DAY_MINUTES = 1440;
// The range in whole years, for the decoder's reader (the range starts and ends with a year).
const EARLIEST_YEAR = new Date(EARLIEST_INSTANT_MS).getUTCFullYear();
const LATEST_YEAR = new Date(LATEST_INSTANT_MS).getUTCFullYear();
const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));

/**
 * The decoder's reader: the instant `text` names as UTC ISO with milliseconds, when it is an
 * ISO-8601 date-time the schema accepts (a real calendar day, seconds, `Z` or an offset of at most
 * ±23:59) and normaliseInstant takes; undefined for anything else, whose refusal the schema path
 * explains. Calendar arithmetic of its own, no Date: an offset moves the time by less than a day.
 *
 * @example
 * utcInstant('2025-01-10T09:00:00+01:00')
 * //=> '2025-01-10T08:00:00.000Z'
 * utcInstant('2025-02-30T00:00:00Z')
 * //=> undefined
 */
export function utcInstant(text: string): string | undefined {
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month))) return undefined;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) {
    return undefined;
  }
  if (!hasSeparators(text)) return undefined;
  const end = fractionEnd(text);
  const offset = end < 0 ? undefined : offsetMinutes(text, end);
  if (offset === undefined) return undefined;
  if (offset !== 0) {
    return shifted(year, month, day, hour * 60 + minute - offset, second, milliseconds(text, end));
  }
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return undefined;
  // Already UTC with milliseconds, or with whole seconds: the text is (nearly) the answer.
  if (text.length === 24 && end === 23) return text;
  if (text.length === 20 && end === 19) return `${text.slice(0, 19)}.000Z`;
  return written(year, month, day, hour * 60 + minute, second, milliseconds(text, end));
}

// Two ASCII digits at `index` as a number, or a negative number when they are not both digits.
function twoDigits(text: string, index: number): number {
  const tens = text.charCodeAt(index) - ZERO_CODE;
  const ones = text.charCodeAt(index + 1) - ZERO_CODE;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -10_000;
}

function hasSeparators(text: string): boolean {
  return (
    text.charCodeAt(4) === DASH &&
    text.charCodeAt(7) === DASH &&
    text.charCodeAt(10) === LETTER_T &&
    text.charCodeAt(13) === COLON &&
    text.charCodeAt(16) === COLON
  );
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Where the seconds' optional fraction ends (19 without one); -1 when a point has no digits, or a
// digit beyond the millisecond is not zero.
function fractionEnd(text: string): number {
  if (text.charCodeAt(19) !== POINT) return 19;
  let index = 20;
  for (; index < text.length; index++) {
    const digit = text.charCodeAt(index) - ZERO_CODE;
    if (!(digit >= 0 && digit <= 9)) break;
    if (index >= 23 && digit !== 0) return -1;
  }
  return index === 20 ? -1 : index;
}

// The fraction's first three digits as milliseconds (".5" is 500).
function milliseconds(text: string, end: number): number {
  let ms = 0;
  for (let index = 20; index < 23; index++)
    ms = ms * 10 + (index < end ? text.charCodeAt(index) - ZERO_CODE : 0);
  return ms;
}

// Minutes east of UTC for a `Z` or `±HH:MM` that ends the text at `index`, else undefined.
function offsetMinutes(text: string, index: number): number | undefined {
  const sign = text.charCodeAt(index);
  if (sign === LETTER_Z) return index + 1 === text.length ? 0 : undefined;
  if ((sign !== PLUS && sign !== DASH) || index + 6 !== text.length || text.charCodeAt(index + 3) !== COLON) {
    return undefined;
  }
  const hours = twoDigits(text, index + 1);
  const minutes = twoDigits(text, index + 4);
  if (!(hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59)) return undefined;
  return (sign === PLUS ? 1 : -1) * (hours * 60 + minutes);
}

// A local time moved to UTC: `minutes` into the day may now be a day before or after.
function shifted(year: number, month: number, day: number, minutes: number, second: number, ms: number) {
  if (minutes < 0) {
    minutes += DAY_MINUTES;
    day -= 1;
    if (day < 1) {
      month -= 1;
      if (month < 1) [year, month] = [year - 1, 12];
      day = daysIn(year, month);
    }
  } else if (minutes >= DAY_MINUTES) {
    minutes -= DAY_MINUTES;
    day += 1;
    if (day > daysIn(year, month)) {
      [month, day] = [month + 1, 1];
      if (month > 12) [year, month] = [year + 1, 1];
    }
  }
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return undefined;
  return written(year, month, day, minutes, second, ms);
}

function written(year: number, month: number, day: number, minutes: number, second: number, ms: number) {
  const date = `${TWO_DIGITS[Math.floor(year / 100)]}${TWO_DIGITS[year % 100]}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
  const time = `${TWO_DIGITS[Math.floor(minutes / 60)]}:${TWO_DIGITS[minutes % 60]}:${TWO_DIGITS[second]}`;
  return `${date}T${time}.${Math.floor(ms / 100)}${TWO_DIGITS[ms % 100]}Z`;
}

function show(text: string): string {
  const cut = text.length > MAX_SHOWN_CHARACTERS ? `${text.slice(0, MAX_SHOWN_CHARACTERS - 1)}…` : text;
  return JSON.stringify(cut);
}
