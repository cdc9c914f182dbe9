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
 * A rate in its canonical text ("0.20"), or why it is not one.
 *
 * @example
 * normaliseRate(0.2)
 * //=> { ok: true, value: '0.20' }
 */
export function normaliseRate(value: unknown): ParseResult<string> {
  const rate = parseRate(value);
  if (!rate.ok) return rate;
  return { ok: true, value: formatRate(rate.value) };
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
