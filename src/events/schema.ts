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

const base = { id: nonEmpty('id'), at, meta };

export const partnerJoinedSchema = z.strictObject({
  ...base,
  type: z.literal('partner.joined'),
  partnerId: nonEmpty('partnerId'),
  sponsorId: z.union([nonEmpty('sponsorId'), z.null()], { error: 'sponsorId must be a partner id or null' }),
});

export const trainingCompletedSchema = z.strictObject({
  ...base,
  type: z.literal('training.completed'),
  partnerId: nonEmpty('partnerId'),
  moduleId: nonEmpty('moduleId'),
});

export const dealClosedSchema = z.strictObject({
  ...base,
  type: z.literal('deal.closed'),
  partnerId: nonEmpty('partnerId'),
  dealId: nonEmpty('dealId'),
  amount,
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be a three-letter ISO 4217 code such as "USD"'),
  rate: rate.optional(),
});

export const dealRefundedSchema = z.strictObject({
  ...base,
  type: z.literal('deal.refunded'),
  dealId: nonEmpty('dealId'),
  amount,
});

export const termsSetSchema = z.strictObject({
  ...base,
  type: z.literal('terms.set'),
  partnerId: nonEmpty('partnerId'),
  baseRate: rate.optional(),
  overrideRate: rate.optional(),
  effectiveFrom: at.optional(),
  until: at.optional(),
});

export const payoutPaidSchema = z.strictObject({
  ...base,
  type: z.literal('payout.paid'),
  partnerId: nonEmpty('partnerId'),
  amount,
});

export const featureUsedSchema = z.strictObject({
  ...base,
  type: z.literal('feature.used'),
  partnerId: nonEmpty('partnerId'),
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

export type EventType = keyof typeof eventSchemas;
export const EVENT_TYPES = Object.keys(eventSchemas) as EventType[];
