// What the events arbitrary draws before it writes events: plain records of small numbers
// (which partner, which day, how much), so fast-check shrinks them toward a handful of
// partners, few deals, early days and small amounts.
import fc from 'fast-check';
import { rate } from './money.js';

export interface PartnerDraft {
  /** Picks an earlier partner as sponsor (modulo the index), or none. */
  readonly sponsor: number | null;
  /** Days after the previous partner joined. */
  readonly joinGapDays: number;
  /** Per training module of the programme: whether the partner completes it. */
  readonly trainings: boolean[];
  /** Days after joining that the trainings are completed. */
  readonly trainingDelayDays: number;
}

export interface RefundDraft {
  /** Weights of the parts; in full, the parts share the deal; in part, each is weight/400 of it. */
  readonly parts: number[];
  readonly full: boolean;
  readonly delayDays: number;
}

export interface DealDraft {
  readonly seller: number;
  /** Day of the stream the deal closes (never before its seller joined). */
  readonly day: number;
  readonly minute: number;
  readonly amountMinor: number;
  readonly refund: RefundDraft | null;
  /** A custom deal rate, kept only if the seller may have custom terms at that moment. */
  readonly customRate: string | null;
}

/** A payout, terms or feature use: resolved against the state at its moment. */
export interface ActionDraft {
  readonly kind: 'payout' | 'terms' | 'feature';
  readonly partner: number;
  readonly day: number;
  /** Payout: percent of the payable balance; feature: which unlocked feature; terms: unused. */
  readonly pick: number;
  readonly termsRate: string;
}

export interface StreamDraft {
  readonly partners: PartnerDraft[];
  readonly deals: DealDraft[];
  readonly actions: ActionDraft[];
}

export interface DraftLimits {
  readonly partners: number;
  readonly modules: number;
  readonly days: number;
  readonly maxDeals: number;
  readonly maxDealMinor: number;
  readonly maxActions: number;
}

function partnerDraft(limits: DraftLimits): fc.Arbitrary<PartnerDraft> {
  // Most partners are sponsored and do their trainings, so that sponsors reach paying tiers.
  const completes = fc.oneof(
    { weight: 4, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  );
  return fc.record({
    sponsor: fc.option(fc.nat({ max: limits.partners }), { nil: null, freq: 4 }),
    joinGapDays: fc.integer({ min: 0, max: 14 }),
    trainings: fc.array(completes, { minLength: limits.modules, maxLength: limits.modules }),
    trainingDelayDays: fc.integer({ min: 0, max: 20 }),
  });
}

function refundDraft(): fc.Arbitrary<RefundDraft | null> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.record({
        parts: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 3 }),
        full: fc.boolean(),
        delayDays: fc.integer({ min: 0, max: 45 }),
      }),
    },
  );
}

function dealDraft(limits: DraftLimits): fc.Arbitrary<DealDraft> {
  return fc.record({
    seller: fc.nat({ max: limits.partners - 1 }),
    day: fc.nat({ max: limits.days - 1 }),
    minute: fc.nat({ max: 24 * 60 - 1 }),
    amountMinor: fc.integer({ min: 1, max: limits.maxDealMinor }),
    refund: refundDraft(),
    customRate: fc.oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: rate(0.5, 0.05) },
    ),
  });
}

function actionDraft(limits: DraftLimits): fc.Arbitrary<ActionDraft> {
  return fc.record({
    kind: fc.constantFrom('payout', 'feature', 'terms'),
    partner: fc.nat({ max: limits.partners - 1 }),
    day: fc.nat({ max: limits.days - 1 }),
    pick: fc.integer({ min: 1, max: 100 }),
    termsRate: rate(0.5, 0.05),
  });
}

/** The drafts of one stream. */
export function streamDraft(limits: DraftLimits): fc.Arbitrary<StreamDraft> {
  return fc.record({
    partners: fc.array(partnerDraft(limits), { minLength: 1, maxLength: limits.partners }),
    deals: fc.array(dealDraft(limits), { maxLength: limits.maxDeals, size: 'medium' }),
    actions: fc.array(actionDraft(limits), { maxLength: limits.maxActions }),
  });
}
