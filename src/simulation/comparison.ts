// A candidate's run set against the baseline's: the total and its delta, the same by kind, tier
// and month, cost as a share of revenue, where partners end up, how many moved or waited, and
// each partner's delta, of which the biggest winners and losers are listed.

import type { LedgerKind } from '../engine/outputs.js';
import { compareAmounts, subtractAmounts, zeroAmount } from '../money/amounts.js';
import type { PartnerOutcome, RejectedCount, RunOutcome } from './outcome.js';
import { shareOf } from './shares.js';

/** A figure under both programmes and the candidate's minus the baseline's. */
export interface AmountDelta {
  /** The figure under the baseline programme, as a money string. */
  readonly baseline: string;
  /** The figure under the candidate programme, as a money string. */
  readonly candidate: string;
  /** Candidate minus baseline, as a money string. */
  readonly delta: string;
}

/** A count under both programmes. */
export interface CountDelta {
  /** The count under the baseline programme. */
  readonly baseline: number;
  /** The count under the candidate programme. */
  readonly candidate: number;
}

/** One month's cost under both programmes, and each as a share of that run's revenue. */
export interface MonthComparison extends AmountDelta {
  /** The month's key, e.g. "2025-03". */
  readonly month: string;
  /** The candidate run's revenue of the month (the same as the baseline's unless events were refused). */
  readonly revenue: string;
  /** The baseline's cost as a share of its revenue ("0.2213" is 22.13 %), or null without revenue. */
  readonly baselineShare: string | null;
  /** The candidate's cost as a share of its revenue, or null without revenue. */
  readonly candidateShare: string | null;
}

/** One partner's earnings under both programmes, and the tier each leaves it in. */
export interface PartnerDelta extends AmountDelta {
  /** The partner's id. */
  readonly partnerId: string;
  /** The tier the partner ends in under the baseline. */
  readonly baselineTier: string;
  /** The tier the partner ends in under the candidate. */
  readonly candidateTier: string;
}

/**
 * A candidate programme's run set against the baseline's on the same events: cost in total and by kind,
 * tier and month, where partners end up, and who gains or loses most.
 */
export interface CandidateComparison {
  /** The candidate's name in the report. */
  readonly name: string;
  /** `id@version` of the candidate programme. */
  readonly program: string;
  /** The candidate's total cost: every ledger entry summed, as a money string. */
  readonly total: string;
  /** Candidate total minus baseline total. */
  readonly delta: string;
  /** The delta as a share of the baseline total (null when that is zero). */
  readonly deltaShare: string | null;
  /** The candidate run's revenue: deal amounts net of refunds. */
  readonly revenue: string;
  /** Total cost as a share of revenue ("0.2213" is 22.13 %), or null without revenue. */
  readonly costShare: string | null;
  /** Cost by ledger kind, under both programmes. */
  readonly byKind: ReadonlyArray<
    {
      /** The ledger kind. */
      readonly kind: LedgerKind;
    } & AmountDelta
  >;
  /** Cost by the earner's tier, under both programmes (every tier either run pays). */
  readonly byTier: ReadonlyArray<
    {
      /** The tier's id. */
      readonly tier: string;
    } & AmountDelta
  >;
  /** Cost by month, under both programmes. */
  readonly byMonth: readonly MonthComparison[];
  /** How many partners end in each tier, under both programmes. */
  readonly tiers: ReadonlyArray<
    {
      /** The tier's id. */
      readonly tier: string;
    } & CountDelta
  >;
  /** How many promotions, demotions, at-risk warnings and waitlistings each run had. */
  readonly movements: Readonly<Record<'promotions' | 'demotions' | 'atRisk' | 'waitlisted', CountDelta>>;
  /** Waitlist lengths by tier: at the end of the run and at their longest. */
  readonly waitlists: ReadonlyArray<{
    /** The tier's id. */
    readonly tier: string;
    /** Partners waiting when the run ends. */
    readonly final: CountDelta;
    /** The most partners waiting at once during the run. */
    readonly peak: CountDelta;
  }>;
  /** How many partners earn more, less or the same under the candidate. */
  readonly partners: {
    /** Partners who earn more under the candidate. */
    readonly better: number;
    /** Partners who earn less under the candidate. */
    readonly worse: number;
    /** Partners who earn the same. */
    readonly unchanged: number;
  };
  /** The partners who gain most, biggest gain first (only gains). */
  readonly winners: readonly PartnerDelta[];
  /** The partners who lose most, biggest loss first (only losses). */
  readonly losers: readonly PartnerDelta[];
  /** Events the candidate's run refused, by code. */
  readonly rejected: readonly RejectedCount[];
}

/** @internal */
export interface CompareOptions {
  readonly name: string;
  readonly decimals: number;
  /** Winners and losers listed; default 10. */
  readonly top?: number;
}

/**
 * The candidate's outcome against the baseline's.
 *
 * @example
 * compareOutcomes(baseline, candidate, { name: 'active-24', decimals: 2 }).delta
 * //=> '120.00'
 *
 * @internal
 */
export function compareOutcomes(
  baseline: RunOutcome,
  candidate: RunOutcome,
  options: CompareOptions,
): CandidateComparison {
  const { decimals } = options;
  const delta = (a: string, b: string): AmountDelta => ({
    baseline: a,
    candidate: b,
    delta: subtractAmounts(b, a, decimals),
  });
  const totalDelta = subtractAmounts(candidate.total, baseline.total, decimals);
  const partners = partnerDeltas(baseline.partners, candidate.partners, decimals);
  const top = options.top ?? 10;
  return {
    name: options.name,
    program: candidate.program,
    total: candidate.total,
    delta: totalDelta,
    deltaShare: shareOf(totalDelta, baseline.total),
    revenue: candidate.revenue,
    costShare: shareOf(candidate.total, candidate.revenue),
    byKind: candidate.byKind.map((each, index) => ({
      kind: each.kind,
      ...delta(baseline.byKind[index]?.cost ?? zeroAmount(decimals), each.cost),
    })),
    byTier: keyedDeltas(baseline.byTier, candidate.byTier, decimals).map(([tier, figures]) => ({
      tier,
      ...figures,
    })),
    byMonth: monthComparisons(baseline, candidate, decimals),
    tiers: tierCounts(baseline, candidate),
    movements: {
      promotions: counts(baseline.movements.promotions, candidate.movements.promotions),
      demotions: counts(baseline.movements.demotions, candidate.movements.demotions),
      atRisk: counts(baseline.movements.atRisk, candidate.movements.atRisk),
      waitlisted: counts(baseline.movements.waitlisted, candidate.movements.waitlisted),
    },
    waitlists: waitlistCounts(baseline, candidate),
    partners: {
      better: partners.filter((each) => each.sign > 0).length,
      worse: partners.filter((each) => each.sign < 0).length,
      unchanged: partners.filter((each) => each.sign === 0).length,
    },
    winners: partners
      .filter((each) => each.sign > 0)
      .slice(0, top)
      .map((each) => each.row),
    losers: biggestLosses(partners, decimals).slice(0, top),
    rejected: candidate.rejected,
  };
}

function counts(baseline: number, candidate: number): CountDelta {
  return { baseline, candidate };
}

/** Figures keyed by tier or month, every key of either run, the baseline's first in its order. */
function keyedDeltas(
  baseline: ReadonlyArray<{ readonly tier: string; readonly cost: string }>,
  candidate: ReadonlyArray<{ readonly tier: string; readonly cost: string }>,
  decimals: number,
): Array<[string, AmountDelta]> {
  const zero = zeroAmount(decimals);
  const before = new Map(baseline.map((each) => [each.tier, each.cost]));
  const after = new Map(candidate.map((each) => [each.tier, each.cost]));
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys.map((key) => {
    const a = before.get(key) ?? zero;
    const b = after.get(key) ?? zero;
    return [key, { baseline: a, candidate: b, delta: subtractAmounts(b, a, decimals) }];
  });
}

function monthComparisons(baseline: RunOutcome, candidate: RunOutcome, decimals: number): MonthComparison[] {
  const zero = zeroAmount(decimals);
  const before = new Map(baseline.byMonth.map((each) => [each.month, each]));
  const after = new Map(candidate.byMonth.map((each) => [each.month, each]));
  const months = [...new Set([...before.keys(), ...after.keys()])].sort();
  return months.map((month) => {
    const a = before.get(month);
    const b = after.get(month);
    const revenue = b?.revenue ?? zero;
    return {
      month,
      revenue,
      baseline: a?.cost ?? zero,
      candidate: b?.cost ?? zero,
      delta: subtractAmounts(b?.cost ?? zero, a?.cost ?? zero, decimals),
      baselineShare: shareOf(a?.cost ?? zero, a?.revenue ?? zero),
      candidateShare: shareOf(b?.cost ?? zero, revenue),
    };
  });
}

function tierCounts(baseline: RunOutcome, candidate: RunOutcome) {
  const before = new Map(baseline.tiers.map((each) => [each.tier, each.partners]));
  const after = new Map(candidate.tiers.map((each) => [each.tier, each.partners]));
  const tiers = [...new Set([...before.keys(), ...after.keys()])];
  return tiers.map((tier) => ({ tier, ...counts(before.get(tier) ?? 0, after.get(tier) ?? 0) }));
}

function waitlistCounts(baseline: RunOutcome, candidate: RunOutcome) {
  const before = new Map(baseline.waitlists.map((each) => [each.tier, each]));
  const after = new Map(candidate.waitlists.map((each) => [each.tier, each]));
  const tiers = [...new Set([...before.keys(), ...after.keys()])];
  return tiers.map((tier) => ({
    tier,
    final: counts(before.get(tier)?.final ?? 0, after.get(tier)?.final ?? 0),
    peak: counts(before.get(tier)?.peak ?? 0, after.get(tier)?.peak ?? 0),
  }));
}

function biggestLosses(partners: readonly RankedPartner[], decimals: number): PartnerDelta[] {
  return partners
    .filter((each) => each.sign < 0)
    .map((each) => each.row)
    .sort((x, y) => compareAmounts(x.delta, y.delta, decimals) || byId(x.partnerId, y.partnerId));
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface RankedPartner {
  readonly row: PartnerDelta;
  readonly sign: -1 | 0 | 1;
}

/** Every partner of either run, biggest gain first; equal deltas by id. */
function partnerDeltas(
  baseline: readonly PartnerOutcome[],
  candidate: readonly PartnerOutcome[],
  decimals: number,
): RankedPartner[] {
  const zero = zeroAmount(decimals);
  const before = new Map(baseline.map((each) => [each.id, each]));
  const after = new Map(candidate.map((each) => [each.id, each]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const ranked = ids.map((partnerId): RankedPartner => {
    const a = before.get(partnerId);
    const b = after.get(partnerId);
    const delta = subtractAmounts(b?.earned ?? zero, a?.earned ?? zero, decimals);
    const row: PartnerDelta = {
      partnerId,
      baseline: a?.earned ?? zero,
      candidate: b?.earned ?? zero,
      delta,
      baselineTier: a?.tier ?? '',
      candidateTier: b?.tier ?? '',
    };
    return { row, sign: compareAmounts(delta, zero, decimals) };
  });
  return ranked.sort(
    (x, y) => compareAmounts(y.row.delta, x.row.delta, decimals) || byId(x.row.partnerId, y.row.partnerId),
  );
}
