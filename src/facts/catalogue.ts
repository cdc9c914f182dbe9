// The facts a programme's rules may name: one catalogue with, for each fact, its type, what it
// means, what changes it, and how it is read from a partner's aggregates (never by rescanning
// events). A rule naming anything else is a programme error found at load time.
import type { Calendar, PeriodRange } from '../engine/calendar.js';
import type { PartnerState } from '../engine/state.js';
import { type MinorUnits, majorOf } from '../money/minor.js';
import { counterFor } from '../partners/counters.js';
import type { CompiledProgram } from '../program/compile.js';

/** How a fact's value looks to a rule. */
export type FactKind =
  | 'number'
  | 'string'
  | 'string[]'
  | 'number[]'
  | 'number-by-tier'
  | 'boolean'
  | 'number|null';

/**
 * What can change a fact's value: an event of a kind (`deal`, `refund`, `training`, `feature`),
 * a change of another part of the partner (`ledger`, `badge`, `tier`, `team` for who is in the
 * team and how they stand, `teamRevenue` for what the team sold), or the clock alone (`time`: a
 * new period, days passing). A deal changes the team revenue of every partner above the seller,
 * so rules that read only the team's members are not judged again for each of them.
 */
export type FactSource =
  | 'deal'
  | 'refund'
  | 'training'
  | 'feature'
  | 'ledger'
  | 'badge'
  | 'tier'
  | 'team'
  | 'teamRevenue'
  | 'teamSize'
  | 'time';

/** One bit per fact source, for the masks of what changed and of what a rule reads. */
export const SOURCE: Readonly<Record<FactSource, number>> = {
  deal: 1 << 0,
  refund: 1 << 1,
  training: 1 << 2,
  feature: 1 << 3,
  ledger: 1 << 4,
  badge: 1 << 5,
  tier: 1 << 6,
  team: 1 << 7,
  time: 1 << 8,
  teamRevenue: 1 << 9,
  teamSize: 1 << 10,
};

/** Every source: what a partner who just joined changed. */
export const ALL_SOURCES = Object.values(SOURCE).reduce((mask, bit) => mask | bit, 0);

/**
 * What can change any of these facts, as a mask. A fact that time alone changes makes the mask
 * every source: a rule reading it may hold at any moment the partner is looked at again.
 *
 * @example
 * sourcesOf(['countedDeals', 'trainingsCompleted']) === (SOURCE.deal | SOURCE.refund | SOURCE.training)
 * //=> true
 */
export function sourcesOf(names: readonly string[]): number {
  let mask = 0;
  for (const name of names) for (const source of FACTS_BY_NAME[name]?.changedBy ?? []) mask |= SOURCE[source];
  return mask & SOURCE.time ? ALL_SOURCES : mask;
}

/**
 * What a fact reader is given: the partner and the moment it is judged at.
 *
 * @inline
 */
export interface FactsView {
  /** The compiled programme. */
  readonly compiled: CompiledProgram;
  /** The programme's calendar. */
  readonly calendar: Calendar;
  /** The instant the facts are judged at, in epoch milliseconds. */
  readonly instant: number;
  /** The review period judged (at a review); otherwise the current review period so far. */
  readonly reviewPeriod?: PeriodRange;
}

/**
 * What a fact reader reads at a moment: the partner, the programme and instant, and the keys of
 * the periods holding the instant.
 *
 * @inline
 */
export interface FactMoment {
  /** The partner judged. */
  readonly partner: PartnerState;
  /** The programme, calendar and instant. */
  readonly view: FactsView;
  /** The key of the month holding the instant, e.g. "2025-03". */
  readonly month: string;
  /** The key of the quarter holding it, e.g. "2025-Q1". */
  readonly quarter: string;
  /** The key of the year holding it, e.g. "2025". */
  readonly year: string;
}

/**
 * One fact a programme's rules may name: its type, what it means, and what changes it
 * (docs/facts.md lists them all).
 */
export interface FactDefinition {
  /** The fact's name, as rules write it: `countedDeals`. */
  readonly name: string;
  /** How its value looks to a rule. */
  readonly kind: FactKind;
  /** What it means, in a sentence. */
  readonly description: string;
  /** What can change its value. */
  readonly changedBy: readonly FactSource[];
  /** The fact's value for a partner at a moment. */
  readonly read: (moment: FactMoment) => unknown;
}

const DAY_MS = 86_400_000;
// Amounts (minor units in the state) become numbers of the currency's units only because rules
// compare them with json-rules-engine's numeric operators; no money is computed from them.
const amount = (units: MinorUnits, view: FactsView): number =>
  majorOf(units, view.compiled.program.currency.decimals);
const days = (from: number, to: number): number => (to - from) / DAY_MS;

function reviewCounter({ partner, view }: FactMoment) {
  const range =
    view.reviewPeriod ?? view.calendar.periodOf(view.instant, view.compiled.program.reviews.period);
  return counterFor(partner[range.period], range.key);
}

const define = (
  name: string,
  kind: FactKind,
  description: string,
  changedBy: readonly FactSource[],
  read: (moment: FactMoment) => unknown,
): FactDefinition => ({ name, kind, description, changedBy, read });

/** Every fact, in the order the docs list them. */
export const FACTS: readonly FactDefinition[] = [
  define(
    'countedDeals',
    'number',
    'Closed deals not refunded in full, all time.',
    ['deal', 'refund'],
    ({ partner }) => partner.countedDeals,
  ),
  define(
    'dealsClosed',
    'number',
    'Every deal closed, all time, refunded or not.',
    ['deal'],
    ({ partner }) => partner.dealsClosed,
  ),
  define(
    'revenue',
    'number',
    'Sum of deal amounts net of refunds, all time.',
    ['deal', 'refund'],
    ({ partner, view }) => amount(partner.revenue, view),
  ),
  define(
    'earned',
    'number',
    'Sum of the partner\u2019s ledger entries (clawbacks included), all time.',
    ['ledger'],
    ({ partner, view }) => amount(partner.balance.earned, view),
  ),
  define(
    'trainingsCompleted',
    'string[]',
    'Training module ids completed, sorted (e.g. contains "certification").',
    ['training'],
    ({ partner }) => partner.trainings,
  ),
  define(
    'featuresUsed',
    'string[]',
    'Feature ids the partner has used, sorted.',
    ['feature'],
    ({ partner }) => Object.keys(partner.featuresUsed).sort(),
  ),
  define('badges', 'string[]', 'Badge ids the partner holds, sorted.', ['badge'], ({ partner }) =>
    [...new Set(partner.badges.map((award) => award.badge))].sort(),
  ),
  define(
    'tier',
    'string',
    'The tier id held now.',
    ['tier'],
    ({ partner, view }) => view.compiled.program.tiers[partner.tier]?.id,
  ),
  define(
    'tierRank',
    'number',
    'The rank of the tier held now (1 = entry tier).',
    ['tier'],
    ({ partner }) => partner.tier + 1,
  ),
  define(
    'daysSinceJoined',
    'number',
    'Days (fractional: 30 is 30 × 24 hours) from joining to the moment the rule is judged.',
    ['time'],
    ({ partner, view }) => days(partner.joinedAt, view.instant),
  ),
  define(
    'daysToFirstDeal',
    'number|null',
    'Days (fractional) from joining to the first deal; null before it.',
    ['deal'],
    ({ partner }) => (partner.firstDealAt === null ? null : days(partner.joinedAt, partner.firstDealAt)),
  ),
  define(
    'monthDeals',
    'number',
    'Counted deals closed in the current calendar month.',
    ['deal', 'refund', 'time'],
    ({ partner, month }) => counterFor(partner.month, month).deals,
  ),
  define(
    'monthRevenue',
    'number',
    'Net revenue of deals closed in the current calendar month.',
    ['deal', 'refund', 'time'],
    ({ partner, view, month }) => amount(counterFor(partner.month, month).revenue, view),
  ),
  define(
    'quarterDeals',
    'number',
    'Counted deals closed in the current calendar quarter.',
    ['deal', 'refund', 'time'],
    ({ partner, quarter }) => counterFor(partner.quarter, quarter).deals,
  ),
  define(
    'quarterRevenue',
    'number',
    'Net revenue of deals closed in the current calendar quarter.',
    ['deal', 'refund', 'time'],
    ({ partner, view, quarter }) => amount(counterFor(partner.quarter, quarter).revenue, view),
  ),
  define(
    'yearDeals',
    'number',
    'Counted deals closed in the current calendar year.',
    ['deal', 'refund', 'time'],
    ({ partner, year }) => counterFor(partner.year, year).deals,
  ),
  define(
    'yearRevenue',
    'number',
    'Net revenue of deals closed in the current calendar year.',
    ['deal', 'refund', 'time'],
    ({ partner, view, year }) => amount(counterFor(partner.year, year).revenue, view),
  ),
  define(
    'reviewPeriodDeals',
    'number',
    'Counted deals closed in the review period being judged (at a review) or so far (otherwise).',
    ['deal', 'refund', 'time'],
    (moment) => reviewCounter(moment).deals,
  ),
  define(
    'reviewPeriodRevenue',
    'number',
    'Net revenue of the review period, as reviewPeriodDeals.',
    ['deal', 'refund', 'time'],
    (moment) => amount(reviewCounter(moment).revenue, moment.view),
  ),
  define(
    'directSubPartners',
    'number',
    'Partners who joined with this partner as sponsor.',
    ['team'],
    ({ partner }) => partner.team.direct,
  ),
  define(
    'sellingSubPartners',
    'number',
    'Direct sub-partners with at least one counted deal.',
    ['team'],
    ({ partner }) => partner.team.selling,
  ),
  define(
    'directSubPartnersAtOrAbove',
    'number-by-tier',
    'Direct sub-partners holding each tier or higher, by tier id: use path "$.active".',
    ['team'],
    ({ partner, view }) => {
      // Object.fromEntries defines each key as its own, "__proto__" included (an assignment would
      // set the prototype instead).
      return Object.fromEntries(
        view.compiled.program.tiers.map((tier, index) => [tier.id, partner.team.directAtOrAbove[index] ?? 0]),
      );
    },
  ),
  define(
    'teamSize',
    'number',
    'Every partner below this one in the sponsor tree, all levels.',
    ['teamSize'],
    ({ partner }) => partner.team.size,
  ),
  define(
    'teamSizeByLevel',
    'number[]',
    'Team size by level, level 1 first: use path "$[0]" for direct sub-partners.',
    ['teamSize'],
    ({ partner }) => [...partner.team.sizeByLevel],
  ),
  define(
    'teamRevenue',
    'number',
    'Net revenue of the whole team below this partner, all time.',
    ['teamRevenue'],
    ({ partner, view }) => amount(partner.team.revenue, view),
  ),
  define(
    'teamRevenueByLevel',
    'number[]',
    'Team net revenue by level, level 1 first: path "$[1]" is level 2.',
    ['teamRevenue'],
    ({ partner, view }) => partner.team.revenueByLevel.map((units) => amount(units, view)),
  ),
  define(
    'teamMonthRevenue',
    'number',
    'Net revenue of the team\u2019s deals closed this month.',
    ['teamRevenue', 'time'],
    ({ partner, view, month }) => amount(counterFor(partner.team.month, month).revenue, view),
  ),
  define(
    'teamQuarterRevenue',
    'number',
    'Net revenue of the team\u2019s deals closed this quarter.',
    ['teamRevenue', 'time'],
    ({ partner, view, quarter }) => amount(counterFor(partner.team.quarter, quarter).revenue, view),
  ),
];

/** Fact names mapped to their descriptions, the form rule checking takes. */
export const FACT_NAMES: ReadonlyMap<string, string> = new Map(
  FACTS.map((fact) => [fact.name, fact.description]),
);

/** Each fact by name (a null-prototype record: no name is inherited). */
export const FACTS_BY_NAME: Readonly<Record<string, FactDefinition>> = Object.assign(
  Object.create(null) as Record<string, FactDefinition>,
  Object.fromEntries(FACTS.map((fact) => [fact.name, fact])),
);
