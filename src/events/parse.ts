// parseEvent: untrusted JSON in, a typed event with normalised fields out (times in UTC ISO
// form, amounts and rates as canonical decimal strings), or an EventError saying what is wrong.
import type { z } from 'zod';
import { formatMoney, formatRate } from '../money/format.js';
import { isCanonicalAmount, parseAmount, parseRate } from '../money/parse.js';
import { type EventError, eventError } from './codes.js';
import { normaliseInstant } from './instants.js';
import { EVENT_TYPES, type EventType, eventSchemas } from './schema.js';

/** The programme currency amounts are checked against. */
export interface EventCurrency {
  readonly code: string;
  readonly decimals: number;
}

export interface ParseEventOptions {
  /** Amounts may have at most this currency's places; USD (2 places) when left out. */
  readonly currency?: EventCurrency;
}

type Shape<T extends EventType> = z.output<(typeof eventSchemas)[T]>;
type Normalised<T> = Omit<T, 'amount' | 'rate' | 'baseRate' | 'overrideRate'> &
  (T extends { amount: unknown } ? { amount: string } : unknown) &
  (T extends { rate?: unknown } ? { rate?: string } : unknown) &
  (T extends { baseRate?: unknown } ? { baseRate?: string; overrideRate?: string } : unknown);

export type PartnerJoined = Normalised<Shape<'partner.joined'>>;
export type TrainingCompleted = Normalised<Shape<'training.completed'>>;
export type DealClosed = Normalised<Shape<'deal.closed'>>;
export type DealRefunded = Normalised<Shape<'deal.refunded'>>;
export type TermsSet = Normalised<Shape<'terms.set'>>;
export type PayoutPaid = Normalised<Shape<'payout.paid'>>;
export type FeatureUsed = Normalised<Shape<'feature.used'>>;

/** Every event of the contract, tagged by `type`. */
export type PartnerEvent =
  | PartnerJoined
  | TrainingCompleted
  | DealClosed
  | DealRefunded
  | TermsSet
  | PayoutPaid
  | FeatureUsed;

export { EARLIEST_INSTANT_MS, LATEST_INSTANT_MS } from './instants.js';

export type ParseEventResult =
  | { readonly ok: true; readonly event: PartnerEvent }
  | { readonly ok: false; readonly error: EventError };

const USD: EventCurrency = { code: 'USD', decimals: 2 };

/**
 * Validates one event of the contract.
 *
 * @example
 * parseEvent({ id: 'e1', type: 'deal.closed', at: '2025-01-10T09:00:00+01:00', partnerId: 'p1',
 *              dealId: 'd1', amount: 1500.5, currency: 'USD' })
 * //=> { ok: true, event: { id: 'e1', type: 'deal.closed', at: '2025-01-10T08:00:00.000Z',
 * //     partnerId: 'p1', dealId: 'd1', amount: '1500.50', currency: 'USD' } }
 * parseEvent({ id: 'e2', type: 'deal.refunded', at: '2025-01-11T00:00:00Z', dealId: 'd1', amount: '-5' })
 * //=> { ok: false, error: { code: 'INVALID_EVENT', path: 'amount', message: '…' } }
 */
export function parseEvent(input: unknown, options: ParseEventOptions = {}): ParseEventResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return invalid('', 'an event must be a JSON object');
  }
  const type = (input as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(eventSchemas, type)) {
    return invalid(
      'type',
      `type must be one of ${EVENT_TYPES.join(', ')}; got ${JSON.stringify(type) ?? 'nothing'}`,
    );
  }
  const parsed = eventSchemas[type as EventType].safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) return invalid('', 'invalid event');
    // An unknown field is reported at the field itself, not at the event holding it.
    const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])]
      .map(String)
      .join('.');
    return invalid(path, describe(issue, path, input as Record<string, unknown>));
  }
  return normalise(parsed.data, options.currency ?? USD);
}

function describe(issue: z.core.$ZodIssue, path: string, input: Record<string, unknown>): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  }
  const field = issue.path[0];
  const missing = issue.path.length === 1 && typeof field === 'string' && !Object.hasOwn(input, field);
  if (issue.code === 'invalid_type' && missing) return `${path} is required`;
  return issue.message;
}

function invalid(path: string, message: string): ParseEventResult {
  return { ok: false, error: eventError('INVALID_EVENT', path, message) };
}

type AnyShape = Shape<EventType>;

function normalise(event: AnyShape, currency: EventCurrency): ParseEventResult {
  const out: Record<string, unknown> = { ...event };
  for (const field of ['at', 'effectiveFrom', 'until'] as const) {
    const value = (event as Record<string, unknown>)[field];
    if (typeof value !== 'string') continue;
    const instant = normaliseInstant(field, value);
    if (!instant.ok) return invalid(field, instant.message);
    out[field] = instant.value;
  }
  if ('amount' in event && !isCanonicalAmount(event.amount, currency.decimals)) {
    const amount = parseAmount(event.amount, { decimals: currency.decimals, currency: currency.code });
    if (!amount.ok) return invalid('amount', amount.message);
    out.amount = formatMoney(amount.value, currency.decimals);
  }
  for (const field of ['rate', 'baseRate', 'overrideRate'] as const) {
    const value = (event as Record<string, unknown>)[field];
    if (value === undefined) continue;
    const rate = parseRate(value);
    if (!rate.ok) return invalid(field, rate.message);
    out[field] = formatRate(rate.value);
  }
  if (event.type === 'terms.set') {
    if (event.baseRate === undefined && event.overrideRate === undefined) {
      return invalid('baseRate', 'terms.set needs a baseRate, an overrideRate, or both');
    }
    const from = out.effectiveFrom ?? out.at;
    if (typeof out.until === 'string' && typeof from === 'string' && out.until <= from) {
      return invalid('until', 'until must be later than effectiveFrom (or the event time)');
    }
  }
  return { ok: true, event: out as PartnerEvent };
}
