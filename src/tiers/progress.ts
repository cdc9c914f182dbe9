// Progress toward the next tier, derived from the rule itself: every comparison the partner must
// meet (fact, current value, target, met), a percentage (numeric targets count partly, `all`
// averages, `any` takes its best branch), and a preview of what the next tier brings.
import { Calendar } from '../engine/calendar.js';
import { EngineError } from '../engine/errors.js';
import { type EngineState, type PartnerState, type PartnerStatus, partnerOf } from '../engine/state.js';
import { type Facts, partnerFacts } from '../facts/partner-facts.js';
import { formatRate } from '../money/format.js';
import {
  type CompiledProgram,
  type CompiledRule,
  type CompiledTier,
  type CompiledVersion,
  versionAt,
} from '../program/compile.js';
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
  /**
   * The message that fits: the programme's unlocking message for the tier held while none of the
   * next tier's requirements is met yet (it describes the whole way there) and at the top tier;
   * the place in the queue while waitlisted; otherwise null (the requirements say what is left).
   */
  readonly message: string | null;
  /** Set while the partner qualifies for a tier with no free place: its place in the queue. */
  readonly waitlist: WaitlistPlace | null;
}

/** A partner's place in the queue of a tier whose places are all taken. */
export interface WaitlistPlace {
  /** The id of the tier it waits for. */
  readonly tier: string;
  /** 1 for the first in line. */
  readonly place: number;
  /** How many partners are in that queue, this one included. */
  readonly of: number;
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

// Each comparison compiled once per programme: an overview judges every partner's rules.
const compiledNodes = new WeakMap<CompiledProgram, WeakMap<NestedCondition, CompiledRule>>();

function judgeOf(compiled: CompiledProgram, node: NestedCondition): CompiledRule {
  let nodes = compiledNodes.get(compiled);
  if (!nodes) {
    nodes = new WeakMap();
    compiledNodes.set(compiled, nodes);
  }
  let rule = nodes.get(node);
  if (!rule) {
    rule = compiled.compile({ all: [node] });
    nodes.set(node, rule);
  }
  return rule;
}

/** One comparison of a rule, judged on a partner's facts. */
export type JudgedLeaf = Omit<Requirement, 'tier' | 'rule'>;

/**
 * Every comparison of `rule` judged on `facts`, and how far the rule is met (0 to 1: numeric
 * at-least targets count partly, `all` averages, `any` takes its best branch).
 */
export function judgeRule(
  compiled: CompiledProgram,
  facts: Facts,
  rule: Condition,
): { readonly score: number; readonly leaves: readonly JudgedLeaf[] } {
  const judge: Judge = (node) => judgeOf(compiled, node).test(facts);
  const leaves: JudgedLeaf[] = [];
  const ruleScore = score(rule, facts, judge, (leaf, met) => {
    leaves.push({
      fact: leaf.fact,
      ...(leaf.path === undefined ? {} : { path: leaf.path }),
      operator: leaf.operator,
      target: targetOf(facts, leaf.value),
      current: factValue(facts, leaf.fact, leaf.path),
      met,
    });
  });
  return { score: ruleScore, leaves };
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
  calendar = new Calendar(compiled.program.timeZone),
): Progress {
  const partner = partnerOf(state, partnerId);
  if (!partner) throw new EngineError('UNKNOWN_PARTNER', `partner "${partnerId}" has not joined`);
  const instant = at === undefined ? (state.clock ?? partner.joinedAt) : Date.parse(at);
  const version = versionAt(compiled, instant);
  const facts = partnerFacts(partner, { compiled, calendar, instant });
  const held = version.tiers[partner.tier] as CompiledTier;
  const next = version.tiers[partner.tier + 1];
  const base = {
    partnerId,
    tier: { id: held.id, name: held.name, rank: held.rank },
    status: partnerStatus(partner),
  };
  if (!next)
    return { ...base, message: held.message, waitlist: null, next: null, requirements: [], percent: 100 };
  const requirements: Requirement[] = [];
  const scores: number[] = [];
  const rules: Array<[CompiledTier, 'qualify' | 'maintain', Condition]> = version.tiers
    .slice(0, next.index + 1)
    .map((tier): [CompiledTier, 'qualify', Condition] => [tier, 'qualify', tier.qualify.rule]);
  if (partner.demotedFrom !== null && next.index <= partner.demotedFrom && next.maintain) {
    rules.push([next, 'maintain', next.maintain.rule]);
  }
  for (const [tier, kind, rule] of rules) {
    const isNext = tier.index === next.index || kind === 'maintain';
    const judged = judgeRule(compiled, facts, rule);
    const leaves = judged.leaves.map((leaf): Requirement => ({ tier: tier.id, rule: kind, ...leaf }));
    // Lower tiers count only where they are no longer met (a refund may have undone one).
    if (isNext || judged.score < 1) {
      requirements.push(...(isNext ? leaves : leaves.filter((leaf) => !leaf.met)));
      scores.push(judged.score);
    }
  }
  const overall = scores.length === 0 ? 1 : scores.reduce((sum, value) => sum + value, 0) / scores.length;
  const waitlist = waitlistPlace(state, partner, version);
  const untouched = requirements.every((requirement) => !requirement.met);
  const message = waitlist ? queueMessage(version, waitlist) : untouched ? held.message : null;
  const percent = waitlist ? 100 : Math.floor(overall * 100);
  return { ...base, message, waitlist, next: preview(next), requirements, percent };
}

function waitlistPlace(
  state: EngineState,
  partner: PartnerState,
  version: CompiledVersion,
): WaitlistPlace | null {
  if (partner.waitingFor === null) return null;
  const tier = version.tiers[partner.waitingFor];
  const queue = state.waitlists[partner.waitingFor] ?? [];
  const place = queue.indexOf(partner.id) + 1;
  return tier && place > 0 ? { tier: tier.id, place, of: queue.length } : null;
}

/** "You qualify for Elite Partner, and all 20 places are taken: you are number 2 of 3 in the queue …" */
export function queueMessage(version: CompiledVersion, waitlist: WaitlistPlace): string {
  const tier = version.tiers.find((candidate) => candidate.id === waitlist.tier);
  const capacity = tier?.capacity ?? 0;
  const places = capacity === 1 ? 'its only place is' : `all ${capacity} places are`;
  return (
    `You qualify for ${tier?.name ?? waitlist.tier}, and ${places} taken: you are number ${waitlist.place} of ` +
    `${waitlist.of} in the queue and move up as soon as a place frees.`
  );
}
