// The partner's page as plain data: the tier card (and what keeps it when at risk), progress to
// the next tier in words, badges earned and within reach, the commission tracker, this month's
// leaderboard row, the team and the features still locked. Derived from the state alone.
import { leaderboard } from '../achievements/leaderboard.js';
import { nextPayout } from '../commissions/statement.js';
import { Calendar } from '../engine/calendar.js';
import { EngineError } from '../engine/errors.js';
import { type EngineState, type PartnerState, partnerOf } from '../engine/state.js';
import { type Facts, partnerFacts } from '../facts/partner-facts.js';
import { formatBalance } from '../ledger/balance.js';
import { formatRate } from '../money/format.js';
import { formatMinor, NO_MINOR_UNITS } from '../money/minor.js';
import { counterFor } from '../partners/counters.js';
import {
  type CompiledProgram,
  type CompiledTier,
  type CompiledVersion,
  versionAt,
} from '../program/compile.js';
import { type JudgedLeaf, judgeRule, partnerStatus, progressOf } from '../tiers/progress.js';
import type {
  BadgeEarned,
  BadgeWithinReach,
  FeaturesView,
  LeaderboardPosition,
  NextTierView,
  PartnerView,
  ProgressView,
  RequirementView,
  TeamSummary,
  TierCard,
} from './types.js';
import { listInWords, requirementView } from './words.js';

/** What a view reads: the programme, the partner, its facts now, and the moment. */
export interface Viewing {
  readonly compiled: CompiledProgram;
  readonly state: EngineState;
  readonly partner: PartnerState;
  readonly version: CompiledVersion;
  readonly calendar: Calendar;
  readonly instant: number;
  readonly facts: Facts;
}

const BADGES_WITHIN_REACH = 3;

/** The moment a view is of: the state's clock (a state before any event has none). */
export function viewing(
  compiled: CompiledProgram,
  state: EngineState,
  partnerId: string,
  calendar = new Calendar(compiled.program.timeZone),
): Viewing {
  const partner = partnerOf(state, partnerId);
  if (!partner)
    throw new EngineError('UNKNOWN_PARTNER', `partner "${partnerId}" has not joined`, 'partnerId');
  const instant = state.clock ?? partner.joinedAt;
  const facts = partnerFacts(partner, { compiled, calendar, instant });
  return { compiled, state, partner, version: versionAt(compiled, instant), calendar, instant, facts };
}

/**
 * Everything a partner's dashboard shows, as of the state's clock (`engine.partnerView` advances
 * the state to a later `at` first).
 *
 * @example
 * partnerView(compiled, state, 'p1').progress.message
 * //=> 'Close 1 more deal to reach Active Partner and its 22 % commission.'
 */
export function partnerView(compiled: CompiledProgram, state: EngineState, partnerId: string): PartnerView {
  const view = viewing(compiled, state, partnerId);
  return {
    partnerId,
    asOf: new Date(view.instant).toISOString(),
    tier: tierCard(view),
    progress: progressView(view),
    badges: { earned: badgesEarned(view), withinReach: badgesWithinReach(view) },
    commissions: {
      currency: compiled.program.currency.code,
      ...formatBalance(view.partner.balance, compiled.program.currency.decimals),
      nextPayout: nextPayout(compiled, state, partnerId),
    },
    leaderboard: leaderboardPosition(view),
    team: teamSummary(view),
    features: features(view),
  };
}

const heldTier = (view: Viewing) => view.version.tiers[view.partner.tier] as CompiledTier;
const percentOf = (rate: CompiledTier['baseRate']) => `${rate.times(100).toString()} %`;

export function tierCard(view: Viewing): TierCard {
  const { partner, compiled } = view;
  const held = heldTier(view);
  const status = partnerStatus(partner);
  const base = {
    id: held.id,
    name: held.name,
    rank: held.rank,
    rate: formatRate(held.baseRate),
    status,
  } as const;
  if (partner.failedReviews === 0 || !held.maintain) return { ...base, atRisk: null };
  const { period, graceReviews } = compiled.program.reviews;
  return {
    ...base,
    atRisk: {
      reviewAt: new Date(view.calendar.periodOf(view.instant, period).end).toISOString(),
      missesLeft: Math.max(0, graceReviews - partner.failedReviews),
      keep: judgeRule(compiled, view.facts, held.maintain.rule).leaves.map((leaf) =>
        requirementView(compiled, leaf),
      ),
      fallsTo: view.version.tiers[partner.tier - 1]?.name ?? null,
    },
  };
}

export function progressView(view: Viewing): ProgressView {
  const { compiled, state, partner } = view;
  const progress = progressOf(
    compiled,
    state,
    partner.id,
    new Date(view.instant).toISOString(),
    view.calendar,
  );
  const requirements = progress.requirements.map((leaf) => requirementView(compiled, leaf));
  const nextTier = progress.next === null ? undefined : view.version.tiers[progress.next.rank - 1];
  if (!nextTier) {
    const held = heldTier(view);
    const message = [`You hold ${held.name}, the highest tier.`, held.message].filter(Boolean).join(' ');
    return {
      next: null,
      reaches: null,
      requirements: [],
      percent: 100,
      message,
      unlockingMessage: null,
      waitlist: null,
    };
  }
  const next = nextTierView(nextTier);
  const { waitlist } = progress;
  if (waitlist) {
    const message = progress.message ?? '';
    return { next, reaches: next, requirements, percent: 100, message, unlockingMessage: null, waitlist };
  }
  const missing = requirements.filter((requirement) => !requirement.met);
  const reached = tierReachedBy(view, nextTier, missing);
  const steps = missing.map((requirement) => requirement.remaining ?? requirement.label);
  const joined = anyOf(nextTier)
    ? listInWords(steps.map(lowerFirst), 'or')
    : listInWords(steps.map(lowerFirst));
  const goal = `${reached.name} and its ${percentOf(reached.baseRate)} commission`;
  const message =
    steps.length === 0
      ? `You meet every requirement of ${goal}.`
      : `${capitalised(joined)} to reach ${goal}.`;
  return {
    next,
    reaches: nextTierView(reached),
    requirements,
    percent: progress.percent,
    message,
    unlockingMessage: progress.message,
    waitlist: null,
  };
}

function nextTierView(tier: CompiledTier): NextTierView {
  return {
    id: tier.id,
    name: tier.name,
    rank: tier.rank,
    rate: formatRate(tier.baseRate),
    referralBonusRate: tier.referralBonusRate ? formatRate(tier.referralBonusRate) : null,
    unlocks: tier.unlocks,
  };
}

/** Whether the tier's rule is met by any one of its branches (its steps are alternatives). */
const anyOf = (tier: CompiledTier) => 'any' in tier.qualify.rule;

/**
 * The highest tier that doing what the next tier misses would reach: a Starter with 12 deals and
 * no certification becomes Performer, not Active, once certified (tiers are climbed in one go).
 */
function tierReachedBy(view: Viewing, next: CompiledTier, missing: readonly RequirementView[]): CompiledTier {
  const wanted = new Set(missing.map((requirement) => requirement.label));
  let reached = next;
  for (const tier of view.version.tiers.slice(next.index + 1)) {
    const unmet = judgeRule(view.compiled, view.facts, tier.qualify.rule).leaves.filter((leaf) => !leaf.met);
    const labels = unmet.map((leaf) => requirementView(view.compiled, leaf).label);
    if (!labels.every((label) => wanted.has(label))) break;
    reached = tier;
  }
  return reached;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function badgesEarned(view: Viewing): BadgeEarned[] {
  const earned = new Map<string, BadgeEarned>();
  for (const award of view.partner.badges) {
    const known = earned.get(award.badge);
    const name = view.compiled.program.badges.find((badge) => badge.id === award.badge)?.name ?? award.badge;
    earned.set(award.badge, {
      id: award.badge,
      name,
      count: (known?.count ?? 0) + 1,
      firstAt: known?.firstAt ?? new Date(award.at).toISOString(),
    });
  }
  return [...earned.values()];
}

/** Comparisons a partner can meet by doing more: at least a number, or having done something. */
const DOABLE = new Set(['greaterThanInclusive', 'greaterThan', 'contains']);

/**
 * Whether doing more can still meet the comparison: an "at least" or a "has done", or a first
 * deal within days of joining while those days have not run out.
 */
function doable(leaf: JudgedLeaf, facts: Facts): boolean {
  if (DOABLE.has(leaf.operator)) return true;
  const deadline = leaf.operator === 'lessThanInclusive' || leaf.operator === 'lessThan';
  if (leaf.fact !== 'daysToFirstDeal' || !deadline || leaf.current !== null) return false;
  const since = facts.daysSinceJoined;
  if (typeof since !== 'number' || typeof leaf.target !== 'number') return false;
  return leaf.operator === 'lessThan' ? since < leaf.target : since <= leaf.target;
}

function badgesWithinReach(view: Viewing): BadgeWithinReach[] {
  const held = new Set(view.partner.badges.map((award) => award.badge));
  const reachable: Array<BadgeWithinReach & { score: number }> = [];
  for (const { badge, when } of view.compiled.badges) {
    if (held.has(badge.id)) continue;
    const judged = judgeRule(view.compiled, view.facts, when.rule);
    const missing = judged.leaves.filter((leaf) => !leaf.met);
    // A badge lost for good (a first deal later than the days it allowed) is not within reach.
    if (missing.length === 0 || !missing.every((leaf) => doable(leaf, view.facts))) continue;
    reachable.push({
      id: badge.id,
      name: badge.name,
      description: badge.description ?? '',
      missing: missing.map((leaf) => requirementView(view.compiled, leaf)),
      score: judged.score,
    });
  }
  reachable.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return reachable.slice(0, BADGES_WITHIN_REACH).map(({ score: _score, ...badge }) => badge);
}

function leaderboardPosition(view: Viewing): LeaderboardPosition {
  const period = view.calendar.periodOf(view.instant, 'month').key;
  const tier = heldTier(view).id;
  const board = leaderboard(view.compiled, view.state, {
    period,
    metric: 'revenue',
    tier,
    partnerId: view.partner.id,
  });
  const own = board.own;
  const zeroValue = formatMinor(NO_MINOR_UNITS, view.compiled.program.currency.decimals);
  return {
    period,
    metric: 'revenue',
    tier,
    // A partner who sold nothing this month is not ranked.
    rank: own && own.value !== zeroValue ? own.rank : null,
    of: board.rows.length,
    value: own?.value ?? formatMinor(NO_MINOR_UNITS, view.compiled.program.currency.decimals),
    gapToNext: own && own.value !== zeroValue ? own.behind : null,
  };
}

function teamSummary(view: Viewing): TeamSummary | null {
  const { team } = view.partner;
  if (team.size === 0) return null;
  const places = view.compiled.program.currency.decimals;
  const month = view.calendar.periodOf(view.instant, 'month').key;
  return {
    size: team.size,
    directSubPartners: team.direct,
    sellingSubPartners: team.selling,
    revenue: formatMinor(team.revenue, places),
    revenueThisMonth: formatMinor(counterFor(team.month, month).revenue, places),
  };
}

function features(view: Viewing): FeaturesView {
  const unlocked = heldTier(view).allUnlocks;
  const open = new Set(unlocked);
  const locked: FeaturesView['locked'][number][] = [];
  for (const tier of view.version.tiers) {
    for (const feature of tier.unlocks) {
      if (!open.has(feature)) locked.push({ feature, tier: tier.id, tierName: tier.name });
    }
  }
  return { unlocked, locked };
}
