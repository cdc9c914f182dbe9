// A partner's facts at an instant, as rules see them: built from the aggregates the slices keep,
// never from a rescan of events. Amounts become plain numbers here only because rules compare
// them with json-rules-engine's numeric operators; no money is computed from them.
import type { Calendar, PeriodRange } from '../engine/calendar.js';
import type { PartnerState } from '../engine/state.js';
import { counterFor } from '../partners/counters.js';
import type { CompiledProgram } from '../program/compile.js';

export type Facts = Readonly<Record<string, unknown>>;

const DAY_MS = 86_400_000;

export interface FactsView {
  readonly compiled: CompiledProgram;
  readonly calendar: Calendar;
  readonly instant: number;
  /** The review period judged (at a review); otherwise the current review period so far. */
  readonly reviewPeriod?: PeriodRange;
}

function amount(text: string): number {
  return Number(text);
}

/**
 * Every fact of the catalogue (src/facts/catalogue.ts) for one partner.
 *
 * @example
 * partnerFacts(partner, { compiled, calendar, instant }).countedDeals
 * //=> 3
 */
export function partnerFacts(partner: PartnerState, view: FactsView): Facts {
  const { calendar, instant, compiled } = view;
  const tiers = compiled.program.tiers;
  const month = counterFor(partner.month, calendar.periodOf(instant, 'month').key);
  const quarter = counterFor(partner.quarter, calendar.periodOf(instant, 'quarter').key);
  const year = counterFor(partner.year, calendar.periodOf(instant, 'year').key);
  const reviewRange = view.reviewPeriod ?? calendar.periodOf(instant, compiled.program.reviews.period);
  const review = counterFor(partner[reviewRange.period], reviewRange.key);
  const joined = Date.parse(partner.joinedAt);
  const atOrAbove: Record<string, number> = {};
  tiers.forEach((tier, index) => {
    atOrAbove[tier.id] = partner.team.directAtOrAbove[index] ?? 0;
  });
  return {
    countedDeals: partner.countedDeals,
    dealsClosed: partner.dealsClosed,
    revenue: amount(partner.revenue),
    earned: amount(partner.balance.earned),
    trainingsCompleted: partner.trainings,
    featuresUsed: Object.keys(partner.featuresUsed).sort(),
    badges: [...new Set(partner.badges.map((award) => award.badge))].sort(),
    tier: tiers[partner.tier]?.id,
    tierRank: partner.tier + 1,
    daysSinceJoined: (instant - joined) / DAY_MS,
    daysToFirstDeal:
      partner.firstDealAt === null ? null : (Date.parse(partner.firstDealAt) - joined) / DAY_MS,
    monthDeals: month.deals,
    monthRevenue: amount(month.revenue),
    quarterDeals: quarter.deals,
    quarterRevenue: amount(quarter.revenue),
    yearDeals: year.deals,
    yearRevenue: amount(year.revenue),
    reviewPeriodDeals: review.deals,
    reviewPeriodRevenue: amount(review.revenue),
    directSubPartners: partner.team.direct,
    sellingSubPartners: partner.team.selling,
    directSubPartnersAtOrAbove: atOrAbove,
    teamSize: partner.team.size,
    teamRevenue: amount(partner.team.revenue),
    teamMonthRevenue: amount(counterFor(partner.team.month, calendar.periodOf(instant, 'month').key).revenue),
    teamQuarterRevenue: amount(
      counterFor(partner.team.quarter, calendar.periodOf(instant, 'quarter').key).revenue,
    ),
  };
}
