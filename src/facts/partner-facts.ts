// A partner's facts at an instant, as rules see them: built from the aggregates the slices keep,
// never from a rescan of events. Only the facts a programme's rules name are built on the hot
// path. Amounts become plain numbers here only because rules compare them with
// json-rules-engine's numeric operators; no money is computed from them.
import type { Calendar, PeriodRange } from '../engine/calendar.js';
import type { Draft } from '../engine/draft.js';
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

interface Moment {
  readonly partner: PartnerState;
  readonly view: FactsView;
  readonly month: string;
  readonly quarter: string;
  readonly year: string;
}

type Reader = (moment: Moment) => unknown;

const amount = (text: string): number => Number(text);
const days = (from: string, to: number): number => (to - Date.parse(from)) / DAY_MS;

function reviewCounter({ partner, view }: Moment) {
  const range =
    view.reviewPeriod ?? view.calendar.periodOf(view.instant, view.compiled.program.reviews.period);
  return counterFor(partner[range.period], range.key);
}

/** How each fact of the catalogue is read from a partner's aggregates. */
const READERS: Readonly<Record<string, Reader>> = Object.assign(
  Object.create(null) as Record<string, Reader>,
  {
    countedDeals: ({ partner }) => partner.countedDeals,
    dealsClosed: ({ partner }) => partner.dealsClosed,
    revenue: ({ partner }) => amount(partner.revenue),
    earned: ({ partner }) => amount(partner.balance.earned),
    trainingsCompleted: ({ partner }) => partner.trainings,
    featuresUsed: ({ partner }) => Object.keys(partner.featuresUsed).sort(),
    badges: ({ partner }) => [...new Set(partner.badges.map((award) => award.badge))].sort(),
    tier: ({ partner, view }) => view.compiled.program.tiers[partner.tier]?.id,
    tierRank: ({ partner }) => partner.tier + 1,
    daysSinceJoined: ({ partner, view }) => days(partner.joinedAt, view.instant),
    daysToFirstDeal: ({ partner }) =>
      partner.firstDealAt === null ? null : days(partner.joinedAt, Date.parse(partner.firstDealAt)),
    monthDeals: ({ partner, month }) => counterFor(partner.month, month).deals,
    monthRevenue: ({ partner, month }) => amount(counterFor(partner.month, month).revenue),
    quarterDeals: ({ partner, quarter }) => counterFor(partner.quarter, quarter).deals,
    quarterRevenue: ({ partner, quarter }) => amount(counterFor(partner.quarter, quarter).revenue),
    yearDeals: ({ partner, year }) => counterFor(partner.year, year).deals,
    yearRevenue: ({ partner, year }) => amount(counterFor(partner.year, year).revenue),
    reviewPeriodDeals: (moment) => reviewCounter(moment).deals,
    reviewPeriodRevenue: (moment) => amount(reviewCounter(moment).revenue),
    directSubPartners: ({ partner }) => partner.team.direct,
    sellingSubPartners: ({ partner }) => partner.team.selling,
    // fromEntries defines own keys, so a tier id such as "__proto__" is a key, not a prototype.
    directSubPartnersAtOrAbove: ({ partner, view }) =>
      Object.fromEntries(
        view.compiled.program.tiers.map((tier, index) => [tier.id, partner.team.directAtOrAbove[index] ?? 0]),
      ),
    teamSize: ({ partner }) => partner.team.size,
    teamSizeByLevel: ({ partner }) => [...partner.team.sizeByLevel],
    teamRevenueByLevel: ({ partner }) => partner.team.revenueByLevel.map(amount),
    teamRevenue: ({ partner }) => amount(partner.team.revenue),
    teamMonthRevenue: ({ partner, month }) => amount(counterFor(partner.team.month, month).revenue),
    teamQuarterRevenue: ({ partner, quarter }) => amount(counterFor(partner.team.quarter, quarter).revenue),
  } satisfies Record<string, Reader>,
);

/** Every fact name the engine can build. */
export const READABLE_FACTS: readonly string[] = Object.keys(READERS);

/**
 * A partner's facts: every fact of the catalogue, or only `names` (what the rules use).
 *
 * @example
 * partnerFacts(partner, { compiled, calendar, instant }, ['countedDeals']).countedDeals
 * //=> 3
 */
export function partnerFacts(
  partner: PartnerState,
  view: FactsView,
  names: readonly string[] = READABLE_FACTS,
): Facts {
  const moment: Moment = {
    partner,
    view,
    month: view.calendar.periodOf(view.instant, 'month').key,
    quarter: view.calendar.periodOf(view.instant, 'quarter').key,
    year: view.calendar.periodOf(view.instant, 'year').key,
  };
  const facts: Record<string, unknown> = {};
  for (const name of names) {
    const read = READERS[name];
    if (read) facts[name] = read(moment);
  }
  return facts;
}

// The facts of a partner at an instant, kept until the partner is next handed out for writing:
// the tiers and the badges of one event then read one facts object.
const cached = new WeakMap<PartnerState, { key: object; instant: number; revision: number; facts: Facts }>();

/** The facts the programme's rules read, for a partner at the context's instant (the hot path). */
export function ruleFacts(
  context: Pick<FactsView, 'compiled' | 'calendar' | 'instant'> & {
    readonly draft: Pick<Draft, 'revisionOf'>;
  },
  partner: PartnerState,
  reviewPeriod?: PeriodRange,
): Facts {
  const view: FactsView = {
    compiled: context.compiled,
    calendar: context.calendar,
    instant: context.instant,
  };
  if (reviewPeriod) return partnerFacts(partner, { ...view, reviewPeriod }, context.compiled.factsUsed);
  const revision = context.draft.revisionOf(partner);
  const hit = cached.get(partner);
  if (hit && hit.key === context.compiled && hit.instant === context.instant && hit.revision === revision)
    return hit.facts;
  const facts = partnerFacts(partner, view, context.compiled.factsUsed);
  cached.set(partner, { key: context.compiled, instant: context.instant, revision, facts });
  return facts;
}
