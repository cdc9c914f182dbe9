// Progress toward the next tier, derived from the rule itself: every comparison the partner must
// meet (fact, current value, target, met), a percentage (numeric targets count partly, `all`
// averages, `any` takes its best branch), and a preview of what the next tier brings.
import { Calendar } from '../engine/calendar.js';
import { EngineError } from '../engine/errors.js';
import { type EngineState, type PartnerState, type PartnerStatus, partnerOf } from '../engine/state.js';
import { type Facts, partnerFacts } from '../facts/partner-facts.js';
import { formatRate } from '../money/format.js';
import { type CompiledProgram, type CompiledTier, versionAt } from '../program/compile.js';
import { visitLeaves } from '../rules/check.js';
import type { Condition, LeafCondition, NestedCondition } from '../rules/condition.js';
import { compilePath } from '../rules/paths.js';

/** One comparison of a tier rule the partner must meet, with where the partner stands. */
export interface Requirement {
  /** The tier whose rule this comparison belongs to. */
  readonly tier: string;
  /**
   * Which rule of the tier it belongs to: `qualify` to be promoted, `maintain` to keep the tier at
   * reviews.
   */
  readonly rule: 'qualify' | 'maintain';
  /** The fact compared, such as `countedDeals`. */
  readonly fact: string;
  /** The JSONPath into the fact's value, when the comparison has one. */
  readonly path?: string;
  /** The operator, such as `greaterThanInclusive`. */
  readonly operator: string;
  /** The value the fact is compared with (another fact's value when the rule names one). */
  readonly target: unknown;
  /** The partner's value of the fact now. */
  readonly current: unknown;
  /** Whether the comparison holds now. */
  readonly met: boolean;
}

/** What a tier brings: its rates, the features it adds and its message. */
export interface TierPreview {
  /** The tier's id. */
  readonly id: string;
  /** Its name as partners see it. */
  readonly name: string;
  /** Its rank: 1 for the entry tier. */
  readonly rank: number;
  /** Commission on the partner's own deals, as a decimal string. */
  readonly baseRate: string;
  /** Bonus on a referred partner's first counted deal, or null for none. */
  readonly referralBonusRate: string | null;
  /** The features this tier adds. */
  readonly unlocks: readonly string[];
  /** The programme's unlocking message, or null. */
  readonly message: string | null;
}

/**
 * A partner's progress toward the next tier, derived from the rule itself, as `engine.progress`
 * returns it: every comparison to meet, a percentage, and what the next tier brings.
 *
 * @example
 * const progress = engine.progress(state, 'ana');
 * [progress.tier.id, progress.next?.id, progress.status]
 * //=> ['starter', 'active', 'good']
 */
export interface Progress {
  /** The partner's id. */
  readonly partnerId: string;
  /** The tier held. */
  readonly tier: {
    /** The tier's id. */
    readonly id: string;
    /** Its name as partners see it. */
    readonly name: string;
    /** Its rank: 1 for the entry tier. */
    readonly rank: number;
  };
  /**
   * How the partner stands in it: good, at risk after a failed review, or waitlisted for a full
   * tier.
   */
  readonly status: PartnerStatus;
  /** Null at the top tier. */
  readonly next: TierPreview | null;
  /**
   * The comparisons of the next tier's rules (and the rules of lower tiers still to meet), each
   * with the partner's value.
   */
  readonly requirements: readonly Requirement[];
  /** 0 to 100, whole: how far the facts are toward the next tier (100 at the top). */
  readonly percent: number;
  /** The programme's unlocking message for the tier held. */
  readonly message: string | null;
}

export function partnerStatus(partner: PartnerState): PartnerStatus {
  if (partner.failedReviews > 0) return 'at-risk';
  return partner.waitingFor === null ? 'good' : 'waitlisted';
}

function preview(tier: CompiledTier): TierPreview {
  return {
    id: tier.id,
    name: tier.name,
    rank: tier.rank,
    baseRate: formatRate(tier.baseRate),
    referralBonusRate: tier.referralBonusRate ? formatRate(tier.referralBonusRate) : null,
    unlocks: tier.unlocks,
    message: tier.message,
  };
}

type Judge = (node: NestedCondition) => boolean;

function factValue(facts: Facts, fact: string, path: string | undefined): unknown {
  const value = Object.hasOwn(facts, fact) ? facts[fact] : undefined;
  return path === undefined ? value : compilePath(path)(value);
}

function targetOf(facts: Facts, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact')) {
    const reference = value as { fact: string; path?: string };
    return factValue(facts, reference.fact, reference.path);
  }
  return value;
}

/** How far one comparison is met, from 0 to 1: a numeric at-least target counts partly. */
function leafScore(leaf: LeafCondition, current: unknown, target: unknown, met: boolean): number {
  if (met) return 1;
  const partial = leaf.operator === 'greaterThanInclusive' || leaf.operator === 'greaterThan';
  if (partial && typeof current === 'number' && typeof target === 'number' && target > 0) {
    return Math.max(0, Math.min(1, current / target));
  }
  return 0;
}

function score(
  node: NestedCondition,
  facts: Facts,
  judge: Judge,
  found: (leaf: LeafCondition, met: boolean) => void,
): number {
  if ('all' in node) {
    const scores = node.all.map((child) => score(child, facts, judge, found));
    return scores.length === 0 ? 1 : scores.reduce((sum, value) => sum + value, 0) / scores.length;
  }
  if ('any' in node) {
    const scores = node.any.map((child) => score(child, facts, judge, found));
    return scores.length === 0 ? 1 : Math.max(...scores);
  }
  if ('not' in node) {
    // A negation holds or it does not: it scores 1 or 0, and each comparison under it is listed
    // negated, met when the whole negation is.
    const met = judge(node);
    visitLeaves({ all: [node.not] }, (leaf) => found({ ...leaf, operator: `not:${leaf.operator}` }, met));
    return met ? 1 : 0;
  }
  if ('fact' in node) {
    const met = judge(node);
    found(node, met);
    return leafScore(node, factValue(facts, node.fact, node.path), targetOf(facts, node.value), met);
  }
  return 0;
}

/**
 * A partner's progress toward its next tier.
 *
 * @example
 * progressOf(compiled, state, 'p1').percent   // Starter, 2 of 3 deals, not certified
 * //=> 33
 */
export function progressOf(
  compiled: CompiledProgram,
  state: EngineState,
  partnerId: string,
  at?: string,
): Progress {
  const partner = partnerOf(state, partnerId);
  if (!partner) throw new EngineError('UNKNOWN_PARTNER', `partner "${partnerId}" has not joined`);
  const instant = at === undefined ? (state.clock ?? partner.joinedAt) : Date.parse(at);
  const version = versionAt(compiled, instant);
  const facts = partnerFacts(partner, {
    compiled,
    calendar: new Calendar(compiled.program.timeZone),
    instant,
  });
  const held = version.tiers[partner.tier] as CompiledTier;
  const next = version.tiers[partner.tier + 1];
  const base = {
    partnerId,
    tier: { id: held.id, name: held.name, rank: held.rank },
    status: partnerStatus(partner),
    message: held.message,
  };
  if (!next) return { ...base, next: null, requirements: [], percent: 100 };
  const requirements: Requirement[] = [];
  const scores: number[] = [];
  const judge: Judge = (node) => compiled.compile({ all: [node] }).test(facts);
  const rules: Array<[CompiledTier, 'qualify' | 'maintain', Condition]> = version.tiers
    .slice(0, next.index + 1)
    .map((tier): [CompiledTier, 'qualify', Condition] => [tier, 'qualify', tier.qualify.rule]);
  if (partner.demotedFrom !== null && next.index <= partner.demotedFrom && next.maintain) {
    rules.push([next, 'maintain', next.maintain.rule]);
  }
  for (const [tier, kind, rule] of rules) {
    const isNext = tier.index === next.index || kind === 'maintain';
    const leaves: Requirement[] = [];
    const ruleScore = score(rule, facts, judge, (leaf, met) => {
      leaves.push({
        tier: tier.id,
        rule: kind,
        fact: leaf.fact,
        ...(leaf.path === undefined ? {} : { path: leaf.path }),
        operator: leaf.operator,
        target: targetOf(facts, leaf.value),
        current: factValue(facts, leaf.fact, leaf.path),
        met,
      });
    });
    // Lower tiers count only where they are no longer met (a refund may have undone one).
    if (isNext || ruleScore < 1) {
      requirements.push(...(isNext ? leaves : leaves.filter((leaf) => !leaf.met)));
      scores.push(ruleScore);
    }
  }
  const overall = scores.length === 0 ? 1 : scores.reduce((sum, value) => sum + value, 0) / scores.length;
  return { ...base, next: preview(next), requirements, percent: Math.floor(overall * 100) };
}
