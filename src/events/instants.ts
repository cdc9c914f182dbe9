// The instants an event may name (`at`, `effectiveFrom`, `until`): read to the millisecond the
// engine keeps, and only within the years a partner programme can mean. Two readers of one rule:
// a fast one for the decoder, and one over Date for the schema path that explains a refusal.
import type { ParseResult } from '../money/parse.js';

/** The earliest instant an event may name: 2000-01-01T00:00:00.000Z. */
export const EARLIEST_INSTANT_MS = Date.UTC(2000, 0, 1);
/** The latest instant an event may name: 2999-12-31T23:59:59.999Z. */
export const LATEST_INSTANT_MS = Date.UTC(3000, 0, 1) - 1;

const EARLIEST = new Date(EARLIEST_INSTANT_MS).toISOString();
const LATEST = new Date(LATEST_INSTANT_MS).toISOString();
// The digits of the seconds' fraction, in a date-time the schema already accepted.
const FRACTION = /\.(\d+)/;
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
  const fraction = FRACTION.exec(text)?.[1] ?? '';
  if (/[1-9]/.test(fraction.slice(3))) {
    const message =
      `${field} ${show(text)} is more precise than a millisecond; the engine keeps instants in whole ` +
      'milliseconds, so write at most 3 digits after the point (any further digits must be zeros)';
    return { ok: false, message };
  }
  const instant = Date.parse(text);
  if (!(instant >= EARLIEST_INSTANT_MS && instant <= LATEST_INSTANT_MS)) {
    const message = `${field} ${show(text)} is outside the supported range ${EARLIEST} to ${LATEST}; is the year right?`;
    return { ok: false, message };
  }
  return { ok: true, value: new Date(instant).toISOString() };
}

function show(text: string): string {
  const cut = text.length > MAX_SHOWN_CHARACTERS ? `${text.slice(0, MAX_SHOWN_CHARACTERS - 1)}…` : text;
  return JSON.stringify(cut);
}
