// The contract's events as zod schemas: the shape of every event type, strict about unknown
// fields so that nothing a host sends is ignored silently. Amounts are checked by money/parse.
import { z } from 'zod';

const nonEmpty = (what: string) =>
  z.string({ error: `${what} must be a non-empty string` }).min(1, `${what} must be a non-empty string`);
const at = z.iso.datetime({ offset: true, error: 'at must be an ISO-8601 date-time with an offset or Z' });
const amount = z.union([z.string(), z.number()], {
  error: 'amount must be a decimal string such as "1500.00" or a number',
});
const rate = z.union([z.string(), z.number()], { error: 'rate must be a decimal string such as "0.35"' });
const meta = z.record(z.string(), z.unknown()).optional();

// The fields every event has. `meta` is the host's own data: kept out of every computation, but
// part of the event's content for idempotency.
const base = {
  /** The event's id, unique in the stream: the same id with the same content is a duplicate. */
  id: nonEmpty('id'),
  /** When it happened: ISO-8601 with an offset or Z. */
  at,
  /** The host's own data (a CRM record id, say), kept out of every computation. */
  meta,
};

export const partnerJoinedSchema = z.strictObject({
  ...base,
  /** A partner joined the programme. */
  type: z.literal('partner.joined'),
  /** The partner who joined (a new id). */
  partnerId: nonEmpty('partnerId'),
  /** The partner who referred it (one who already joined), or null. */
  sponsorId: z.union([nonEmpty('sponsorId'), z.null()], { error: 'sponsorId must be a partner id or null' }),
});

export const trainingCompletedSchema = z.strictObject({
  ...base,
  /** A partner completed a training module. */
  type: z.literal('training.completed'),
  /** The partner. */
  partnerId: nonEmpty('partnerId'),
  /** The module's id (SISO's certification is `certification`). */
  moduleId: nonEmpty('moduleId'),
});

export const dealClosedSchema = z.strictObject({
  ...base,
  /** A partner closed a deal: its commission (and any referral bonus and overrides) is booked. */
  type: z.literal('deal.closed'),
  /** The seller. */
  partnerId: nonEmpty('partnerId'),
  /** The deal's id (a new one). */
  dealId: nonEmpty('dealId'),
  /** The deal amount in the programme currency, with at most the currency's places. */
  amount,
  /** The deal's ISO 4217 currency code: it must be the programme's. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO 4217 code such as "USD"'),
  /** A custom commission rate for this deal, for a partner allowed custom terms. */
  rate: rate.optional(),
});

export const dealRefundedSchema = z.strictObject({
  ...base,
  /** Part or all of a deal was refunded: the entries it paid are clawed back in proportion. */
  type: z.literal('deal.refunded'),
  /** The deal refunded. */
  dealId: nonEmpty('dealId'),
  /** The part refunded now (several partial refunds may follow). */
  amount,
});

export const termsSetSchema = z.strictObject({
  ...base,
  /** Custom terms for a partner allowed them: its own rates for a time. */
  type: z.literal('terms.set'),
  /** The partner. */
  partnerId: nonEmpty('partnerId'),
  /** A commission rate on its own deals instead of its tier's. */
  baseRate: rate.optional(),
  /** A rate for its overrides instead of the programme's. */
  overrideRate: rate.optional(),
  /** When the terms start; default: the event's `at`. */
  effectiveFrom: at.optional(),
  /** When they end; default: never. */
  until: at.optional(),
});

export const payoutPaidSchema = z.strictObject({
  ...base,
  /** The host paid a partner: payable becomes paid. */
  type: z.literal('payout.paid'),
  /** The partner paid. */
  partnerId: nonEmpty('partnerId'),
  /** The amount paid: at most its payable balance. */
  amount,
});

export const featureUsedSchema = z.strictObject({
  ...base,
  /** A partner used a feature (for adoption facts and KPIs). */
  type: z.literal('feature.used'),
  /** The partner. */
  partnerId: nonEmpty('partnerId'),
  /** The feature's id, one of the programme's features. */
  feature: nonEmpty('feature'),
});

export const eventSchemas = {
  'partner.joined': partnerJoinedSchema,
  'training.completed': trainingCompletedSchema,
  'deal.closed': dealClosedSchema,
  'deal.refunded': dealRefundedSchema,
  'terms.set': termsSetSchema,
  'payout.paid': payoutPaidSchema,
  'feature.used': featureUsedSchema,
} as const;

/**
 * An event's `type`: one of `EVENT_TYPES`.
 *
 * @useDeclaredType
 */
export type EventType = keyof typeof eventSchemas;
/**
 * Every event type of the contract: `partner.joined`, `training.completed`, `deal.closed`,
 * `deal.refunded`, `terms.set`, `payout.paid` and `feature.used`.
 */
export const EVENT_TYPES = Object.keys(eventSchemas) as EventType[];
