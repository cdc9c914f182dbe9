// The one written form of an event's amounts and rates, and the rule on a terms.set's dates:
// shared by the decoder and the schema path, so both give the same event or the same refusal.
import { formatMoney, formatRate } from '../money/format.js';
import { isCanonicalAmount, type ParseResult, parseAmount, parseRate } from '../money/parse.js';
import type { EventCurrency } from './types.js';

/**
 * An amount with exactly the currency's places ("1500.00"), or why it is not one.
 *
 * @example
 * normaliseAmount(1500.5, { code: 'USD', decimals: 2 })
 * //=> { ok: true, value: '1500.50' }
 */
export function normaliseAmount(value: unknown, currency: EventCurrency): ParseResult<string> {
  // Already as the engine writes it: no decimal round trip.
  if (isCanonicalAmount(value, currency.decimals)) return { ok: true, value: value as string };
  const amount = parseAmount(value, { decimals: currency.decimals, currency: currency.code });
  if (!amount.ok) return amount;
  return { ok: true, value: formatMoney(amount.value, currency.decimals) };
}

/**
 * The most decimal places a rate in an event or a programme may have once its trailing zeros are
 * dropped (`"0.2500"` has 2). A rate is written into every ledger entry it pays and every deal it
 * prices, so a rate of a million places would make each of them a megabyte; 30 places is finer
 * than any commission is meant, as 30 digits bound an amount.
 */
export const MAX_RATE_PLACES = 30;

const MAX_SHOWN_CHARACTERS = 40;

/**
 * Why a rate has too many places to be meant, or `undefined` when it has at most MAX_RATE_PLACES.
 *
 * @example
 * ratePlacesProblem('0.25')
 * //=> undefined
 * ratePlacesProblem(`0.${'1'.repeat(31)}`)
 * //=> 'rate "0.1111111111111111111111111111111" has 31 decimal places; at most 30 are allowed'
 */
export function ratePlacesProblem(text: string): string | undefined {
  const point = text.indexOf('.');
  if (point === -1) return undefined;
  let end = text.length;
  while (end > point + 1 && text[end - 1] === '0') end--;
  const places = end - point - 1;
  if (places <= MAX_RATE_PLACES) return undefined;
  const shown = text.length > MAX_SHOWN_CHARACTERS ? `${text.slice(0, MAX_SHOWN_CHARACTERS - 1)}…` : text;
  return `rate ${JSON.stringify(shown)} has ${places} decimal places; at most ${MAX_RATE_PLACES} are allowed`;
}

/**
 * A rate in its canonical text ("0.20"), or why it is not one.
 *
 * @example
 * normaliseRate(0.2)
 * //=> { ok: true, value: '0.20' }
 */
export function normaliseRate(value: unknown): ParseResult<string> {
  const rate = parseRate(value);
  if (!rate.ok) return rate;
  const canonical = formatRate(rate.value);
  const tooFine = ratePlacesProblem(canonical);
  if (tooFine !== undefined) return { ok: false, message: tooFine };
  return { ok: true, value: canonical };
}

/** What is wrong with a terms.set's normalised fields, as a field and a message, if anything. */
export function termsProblem(terms: {
  readonly at: string;
  readonly baseRate?: unknown;
  readonly overrideRate?: unknown;
  readonly effectiveFrom?: unknown;
  readonly until?: unknown;
}): { readonly path: string; readonly message: string } | undefined {
  if (terms.baseRate === undefined && terms.overrideRate === undefined) {
    return { path: 'baseRate', message: 'terms.set needs a baseRate, an overrideRate, or both' };
  }
  const from = terms.effectiveFrom ?? terms.at;
  // Normalised instants are UTC ISO with four-digit years: their text order is their time order.
  if (typeof terms.until === 'string' && typeof from === 'string' && terms.until <= from) {
    return { path: 'until', message: 'until must be later than effectiveFrom (or the event time)' };
  }
  return undefined;
}
