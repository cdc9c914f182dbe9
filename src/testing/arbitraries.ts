// fast-check arbitraries for a host's property tests: amounts and rates as the contract writes
// them, sponsor trees, valid event streams (every reference resolves, refunds never exceed their
// deal) and variants of a programme's rates. Each is built from smaller ones with map/chain, so
// failures shrink to small counterexamples.
import fc from 'fast-check';
import { fromMinorUnits } from '../money/amounts.js';
import { Decimal } from '../money/decimal.js';
import { formatRate } from '../money/format.js';
import { loadProgram, type Program } from '../program/load.js';

export interface AmountOptions {
  /** Places of the currency (2 for USD). */
  readonly decimals?: number;
  /** The largest amount, in minor units (default 10,000,000 = 100,000.00 at 2 places). */
  readonly maxMinorUnits?: number;
}

/**
 * A positive amount as a decimal string with exactly `decimals` places.
 *
 * @example
 * fc.sample(amount(), { numRuns: 1, seed: 1 })
 * //=> ['8391.27']   (for example)
 */
export function amount(options: AmountOptions = {}): fc.Arbitrary<string> {
  const decimals = options.decimals ?? 2;
  return fc
    .integer({ min: 1, max: options.maxMinorUnits ?? 10_000_000 })
    .map((minor) => fromMinorUnits(BigInt(minor), decimals));
}

/** A rate in [0, max] as a canonical decimal string with up to 4 places, e.g. "0.2235". */
export function rate(max = 0.5): fc.Arbitrary<string> {
  return fc
    .integer({ min: 0, max: Math.round(max * 10_000) })
    .map((basisPoints) => formatRate(new Decimal(basisPoints).dividedBy(10_000)));
}

/**
 * A sponsor tree of `partners` partners: entry i is the index of its sponsor (always an earlier
 * partner) or null.
 *
 * @example
 * fc.sample(teamGraph({ partners: 3 }), { numRuns: 1, seed: 1 })
 * //=> [[null, 0, 0]]   (for example)
 */
export function teamGraph(options: { partners: number }): fc.Arbitrary<Array<number | null>> {
  return fc.tuple(
    ...Array.from({ length: options.partners }, (_, index) =>
      index === 0 ? fc.constant(null) : fc.option(fc.nat({ max: index - 1 }), { freq: 6 }),
    ),
  );
}

export interface EventStreamOptions {
  readonly partners?: number;
  readonly maxDeals?: number;
  /** The first event's time; default 2025-01-01T00:00:00Z. */
  readonly start?: string;
  /** Days the deals spread over; default 365. */
  readonly days?: number;
  readonly currency?: string;
  readonly decimals?: number;
}

interface DealDraft {
  readonly partner: number;
  readonly amountText: string;
  readonly minute: number;
  readonly refund: null | { readonly share: number; readonly split: boolean };
}

const MINUTE_MS = 60_000;

/**
 * A valid event stream of the contract: partners joining under earlier sponsors, most certified,
 * deals at distinct times, some refunded in part or in full (never beyond the deal), in time
 * order. Ids are stable and readable (`j3`, `d7`, `r7a`).
 */
export function eventStream(options: EventStreamOptions = {}): fc.Arbitrary<unknown[]> {
  const partners = options.partners ?? 5;
  const decimals = options.decimals ?? 2;
  const minutes = (options.days ?? 365) * 24 * 60;
  const start = Date.parse(options.start ?? '2025-01-01T00:00:00Z');
  const deal: fc.Arbitrary<DealDraft> = fc.record({
    partner: fc.nat({ max: partners - 1 }),
    amountText: amount({ decimals, maxMinorUnits: 500_000 }),
    minute: fc.integer({ min: partners + 1, max: minutes }),
    // About one deal in six refunded, in part or in full.
    refund: fc.oneof(
      { arbitrary: fc.constant(null), weight: 5 },
      { arbitrary: fc.record({ share: fc.integer({ min: 1, max: 100 }), split: fc.boolean() }), weight: 1 },
    ),
  });
  return fc
    .record({
      sponsors: teamGraph({ partners }),
      certified: fc.array(fc.boolean(), { minLength: partners, maxLength: partners }),
      deals: fc.uniqueArray(deal, { maxLength: options.maxDeals ?? 30, selector: (draft) => draft.minute }),
    })
    .map(({ sponsors, certified, deals }) => {
      const at = (minute: number) => new Date(start + minute * MINUTE_MS).toISOString();
      const events: Array<{ minute: number; event: Record<string, unknown> }> = [];
      sponsors.forEach((sponsor, index) => {
        const partnerId = `p${index}`;
        events.push({
          minute: index,
          event: {
            id: `j${index}`,
            type: 'partner.joined',
            at: at(index),
            partnerId,
            sponsorId: sponsor === null ? null : `p${sponsor}`,
          },
        });
        if (certified[index]) {
          events.push({
            minute: index + 0.5,
            event: {
              id: `c${index}`,
              type: 'training.completed',
              at: new Date(start + (index + 0.5) * MINUTE_MS).toISOString(),
              partnerId,
              moduleId: 'certification',
            },
          });
        }
      });
      deals.forEach((draft, index) => {
        const dealId = `x${index}`;
        events.push({
          minute: draft.minute,
          event: {
            id: `d${index}`,
            type: 'deal.closed',
            at: at(draft.minute),
            partnerId: `p${draft.partner}`,
            dealId,
            amount: draft.amountText,
            currency: options.currency ?? 'USD',
          },
        });
        for (const [part, refund] of refundsOf(draft, decimals).entries()) {
          const minute = draft.minute + 0.25 + part * 0.25;
          events.push({
            minute,
            event: {
              id: `r${index}${'ab'[part]}`,
              type: 'deal.refunded',
              at: new Date(start + minute * MINUTE_MS).toISOString(),
              dealId,
              amount: refund,
            },
          });
        }
      });
      return events.sort((a, b) => a.minute - b.minute).map((item) => item.event);
    });
}

/** The refunds of a deal: a share of it (100 % is a full refund), in one or two parts. */
function refundsOf(draft: DealDraft, decimals: number): string[] {
  if (!draft.refund) return [];
  const minor = BigInt(draft.amountText.replace('.', ''));
  const refunded = (minor * BigInt(draft.refund.share)) / 100n;
  if (refunded === 0n) return [];
  if (!draft.refund.split || refunded < 2n) return [fromMinorUnits(refunded, decimals)];
  const first = refunded / 2n;
  return [fromMinorUnits(first, decimals), fromMinorUnits(refunded - first, decimals)];
}

/**
 * The programme with its money rates drawn at random (base rates, referral bonuses, override
 * levels), everything else as it is: for properties that must hold under any rates.
 */
export function programVariant(base: Program): fc.Arbitrary<Program> {
  const document = JSON.parse(JSON.stringify(base)) as {
    tiers: Array<{ baseRate: string; referralBonusRate?: string }>;
    overrides?: { levels: Array<{ rate: string }> };
  };
  return fc
    .record({
      baseRates: fc.array(rate(0.5), { minLength: document.tiers.length, maxLength: document.tiers.length }),
      bonusRates: fc.array(rate(0.2), { minLength: document.tiers.length, maxLength: document.tiers.length }),
      overrideRates: fc.array(rate(0.2), {
        minLength: document.overrides?.levels.length ?? 0,
        maxLength: document.overrides?.levels.length ?? 0,
      }),
    })
    .map(({ baseRates, bonusRates, overrideRates }) => {
      const copy = structuredClone(document);
      copy.tiers.forEach((tier, index) => {
        tier.baseRate = baseRates[index] ?? tier.baseRate;
        if (tier.referralBonusRate !== undefined)
          tier.referralBonusRate = bonusRates[index] ?? tier.referralBonusRate;
      });
      copy.overrides?.levels.forEach((level, index) => {
        level.rate = overrideRates[index] ?? level.rate;
      });
      return loadProgram(copy);
    });
}

export const arbitraries = { amount, rate, teamGraph, eventStream, programVariant } as const;
