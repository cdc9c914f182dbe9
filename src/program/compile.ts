// A loaded programme made ready to run: rules compiled once to predicates, rates parsed once to
// Decimals, cumulative unlocks precomputed, and each effective-dated version resolved in full so
// the engine asks "what was in force at this instant?" and gets an answer in one lookup.

import { sourcesOf } from '../facts/catalogue.js';
import type { Issue } from '../issues.js';
import type { Decimal } from '../money/decimal.js';
import { Decimal as DecimalValue } from '../money/decimal.js';
import { factsUsed } from '../rules/check.js';
import type { Predicate } from '../rules/compile.js';
import { compileCondition, predicateMayThrow } from '../rules/compile.js';
import type { Condition } from '../rules/condition.js';
import type { OperatorFunction } from '../rules/operators.js';
import { ProgramError } from './errors.js';
import { checkedProgram, type Program, programOperators } from './load.js';
import { checkRuleOperators } from './rules.js';
import type {
  BadgeDefinition,
  OverridesDefinition,
  ProgramDocument,
  TierDefinition,
  VersionDefinition,
} from './schema.js';

/** A rule compiled once into a fast predicate, with the facts it reads. */
export interface CompiledRule {
  /** The rule as the programme writes it. */
  readonly rule: Condition;
  /** The predicate: whether the rule holds on a partner's facts. */
  readonly test: Predicate;
  /** The facts the rule reads (what a partner's facts must hold to judge it). */
  readonly facts: readonly string[];
  /**
   * What can change those facts (a mask of fact sources): the rule is judged again for a partner
   * only when one of them changed.
   *
   * @internal
   */
  readonly sources: number;
  /**
   * Whether judging the rule may throw (a custom operator): it is then judged exactly where
   * json-rules-engine would judge it, never skipped ahead of the rules before it.
   *
   * @internal
   */
  readonly mayThrow: boolean;
}

/**
 * A tier of a programme version, resolved: rates as decimals, rules compiled, unlocks cumulative.
 */
export interface CompiledTier {
  /** The tier's id. */
  readonly id: string;
  /** Its name as partners see it. */
  readonly name: string;
  /** Its rank: 1 for the entry tier. */
  readonly rank: number;
  /** Position in `tiers` (rank - 1). */
  readonly index: number;
  /** The rule that promotes a partner to it. */
  readonly qualify: CompiledRule;
  /** The rule judged at reviews, or null when the tier is never reviewed. */
  readonly maintain: CompiledRule | null;
  /** Commission on the partner's own deals. */
  readonly baseRate: Decimal;
  /** Bonus on a referred partner's first counted deal, or null. */
  readonly referralBonusRate: Decimal | null;
  /** How many partners may hold it at once, or null for no limit. */
  readonly capacity: number | null;
  /** This tier's own unlocks. */
  readonly unlocks: readonly string[];
  /** Its unlocks and every lower tier's, in programme order. */
  readonly allUnlocks: readonly string[];
  /** The programme's unlocking message, or null. */
  readonly message: string | null;
  /** The period whose earlier deals are topped up on promotion, or null. */
  readonly retroactive: TierDefinition['retroactive'] | null;
}

/** One level of a version's override plan, resolved. */
export interface CompiledOverrideLevel {
  /** The level: 1 for direct sub-partners' deals. */
  readonly level: number;
  /** Its rate. */
  readonly rate: Decimal;
  /** The index of the lowest tier an upline must hold to earn it. */
  readonly minTierIndex: number;
  /** The activity gate an upline must meet, or null. */
  readonly eligibility: CompiledRule | null;
}

/** A version's override plan, resolved. */
export interface CompiledOverrides {
  /** What the level rates apply to: the deal amount or the sub-partner's commission. */
  readonly basis: OverridesDefinition['basis'];
  /** Whether ineligible uplines are skipped. */
  readonly compression: boolean;
  /** The levels, 1 first. */
  readonly levels: readonly CompiledOverrideLevel[];
  /** The most any one upline earns in overrides from one deal, or null. */
  readonly perDealCap: Decimal | null;
  /** The most a partner earns in overrides in one period, or null. */
  readonly perPeriodCap: {
    /** The most, in the programme currency. */
    readonly amount: Decimal;
    /** The period the cap counts over. */
    readonly period: 'month' | 'quarter' | 'year';
  } | null;
}

/** Everything that may change from one effective-dated version to the next, resolved. */
export interface CompiledVersion {
  /** The version's label, e.g. "2025.2". */
  readonly version: string;
  /** Epoch ms from which this version is in force (-Infinity for the base document). */
  readonly effectiveFrom: number;
  /** Its tiers, lowest first. */
  readonly tiers: readonly CompiledTier[];
  /** Its override plan, or null for none. */
  readonly overrides: CompiledOverrides | null;
  /** Days an earning stays pending. */
  readonly holdPeriodDays: number;
  /** Its payout run: the day of the month and the minimum. */
  readonly payouts: {
    /** Payout runs at the start of this day each month. */
    readonly dayOfMonth: number;
    /** A payable balance below this carries over to the next run. */
    readonly minimum: Decimal;
  };
}

/**
 * A programme compiled once: every rule a predicate, every rate a decimal, one resolved version per
 * effective date. What `engine.compiled` holds and the reports take.
 */
export interface CompiledProgram {
  /** The programme as loaded. */
  readonly program: Program;
  /** The base document and each later version, resolved, in effective-date order. */
  readonly versions: readonly CompiledVersion[];
  /**
   * Tier id to its index (the same in every version).
   *
   * @internal
   */
  readonly tierIndex: ReadonlyMap<string, number>;
  /** @internal */
  readonly features: ReadonlySet<string>;
  /** @internal */
  readonly badges: readonly CompiledBadge[];
  /** @internal */
  readonly milestones: readonly CompiledMilestone[];
  /**
   * Whether a tier rule reads a fact the money or badges of an event change (earned, badges).
   *
   * @internal
   */
  readonly tierRulesReadLateFacts: boolean;
  /**
   * Every fact any rule of any version reads: the facts built on the hot path.
   *
   * @internal
   */
  readonly factsUsed: readonly string[];
  /**
   * The periods any tier's retroactive rate looks back over (empty for most programmes).
   *
   * @internal
   */
  readonly retroactivePeriods: ReadonlySet<string>;
  /** @internal */
  compile(rule: Condition): CompiledRule;
}

/**
 * Compiles every rule and rate of a loaded programme once, with the custom operators it carries.
 *
 * @throws {ProgramError} `INVALID_PROGRAM` when a rule names an operator the programme does not
 *   carry, as a copy made with `structuredClone` or JSON does not (see `withOperators`), or when a
 *   document that did not come from `loadProgram` is not a valid programme (see `checkedProgram`).
 * @example
 * compileProgram(sisoProgram).versions[0].tiers[1].baseRate.toString()
 * //=> '0.22'
 */
export function compileProgram(input: Program): CompiledProgram {
  const operators = programOperators(input);
  // A rule with an operator the programme no longer carries would fail on its first evaluation,
  // halfway through a replay: refuse it here instead, naming the operator.
  const unknown = unknownOperators(input, operators);
  if (unknown.length > 0) throw new ProgramError(unknown);
  // A document that did not come from loadProgram is checked in full before anything reads it.
  const program = checkedProgram(input);
  const used = new Set<string>();
  const compile = (rule: Condition): CompiledRule => {
    const facts = factsUsed(rule);
    for (const fact of facts) used.add(fact);
    const test = compileCondition(rule, { operators });
    return { rule, test, facts, sources: sourcesOf(facts), mayThrow: predicateMayThrow(test) };
  };
  const base = compileBase(program, compile);
  const versions = [base];
  for (const amendment of program.versions as readonly VersionDefinition[]) {
    versions.push(amend(versions[versions.length - 1] ?? base, amendment, program, compile));
  }
  const badges = compileBadges(program, compile);
  const milestones = program.milestones.map((milestone) => ({
    id: milestone.id,
    message: milestone.message,
    when: compile(milestone.when as Condition),
  }));
  return {
    program,
    versions,
    tierIndex: new Map(program.tiers.map((tier, index) => [tier.id, index])),
    features: new Set(program.features.map((feature) => feature.id)),
    badges,
    milestones,
    factsUsed: [...used].sort(),
    tierRulesReadLateFacts: versions.some((version) =>
      version.tiers.some((tier) =>
        [...tier.qualify.facts, ...(tier.maintain?.facts ?? [])].some((fact) => LATE_FACTS.has(fact)),
      ),
    ),
    retroactivePeriods: new Set(
      program.tiers.flatMap((tier) => (tier.retroactive ? [tier.retroactive.period] : [])),
    ),
    compile,
  };
}

// The rules naming an operator the programme does not carry; none for a document that cannot even
// be read (a host's getter or proxy that throws), which checkedProgram reports with its path.
function unknownOperators(input: Program, operators: Readonly<Record<string, OperatorFunction>>): Issue[] {
  try {
    return checkRuleOperators(input as ProgramDocument, operators);
  } catch {
    return [];
  }
}

/**
 * The version in force at an instant: the latest whose effectiveFrom is not after it.
 *
 * @example
 * // compiled: a programme whose versions add 2025.2, effective from 2025-07-01
 * versionAt(compiled, Date.parse('2025-07-02T00:00:00Z')).version
 * //=> '2025.2'
 */
export function versionAt(compiled: CompiledProgram, instant: number): CompiledVersion {
  const { versions } = compiled;
  for (let index = versions.length - 1; index > 0; index--) {
    const version = versions[index];
    if (version && version.effectiveFrom <= instant) return version;
  }
  return versions[0] as CompiledVersion;
}

type Compile = (rule: Condition) => CompiledRule;

/** Facts an event's money and badges change after its tiers were judged. */
const LATE_FACTS = new Set(['earned', 'badges']);

type RuleBadge = Extract<BadgeDefinition, { when: unknown }>;

/** A badge awarded by a rule, with its levels (lowest first) if it has any. */
export interface CompiledBadge {
  readonly badge: RuleBadge;
  readonly when: CompiledRule;
  readonly levels: ReadonlyArray<{ readonly id: string; readonly when: CompiledRule }>;
}

export interface CompiledMilestone {
  readonly id: string;
  readonly message: string;
  readonly when: CompiledRule;
}

function compileBadges(program: Program, compile: Compile): CompiledBadge[] {
  return (program.badges as readonly BadgeDefinition[])
    .filter((badge): badge is RuleBadge => 'when' in badge)
    .map((badge) => ({
      badge,
      when: compile(badge.when),
      levels: (badge.levels ?? []).map((level) => ({ id: level.id, when: compile(level.when) })),
    }));
}

function compileBase(program: Program, compile: Compile): CompiledVersion {
  const tiers: CompiledTier[] = [];
  for (const [index, tier] of (program.tiers as readonly TierDefinition[]).entries()) {
    const lower = tiers[index - 1]?.allUnlocks ?? [];
    tiers.push({
      id: tier.id,
      name: tier.name,
      rank: tier.rank,
      index,
      qualify: compile(tier.qualify),
      maintain: tier.maintain ? compile(tier.maintain) : null,
      baseRate: new DecimalValue(tier.baseRate),
      referralBonusRate:
        tier.referralBonusRate === undefined ? null : new DecimalValue(tier.referralBonusRate),
      capacity: tier.capacity ?? null,
      unlocks: tier.unlocks,
      allUnlocks: [...lower, ...tier.unlocks],
      message: tier.message ?? null,
      retroactive: tier.retroactive ?? null,
    });
  }
  return {
    version: program.version,
    effectiveFrom: Number.NEGATIVE_INFINITY,
    tiers,
    overrides: compileOverrides(program.overrides as OverridesDefinition | undefined, program, compile),
    holdPeriodDays: program.holdPeriodDays,
    payouts: { dayOfMonth: program.payouts.dayOfMonth, minimum: new DecimalValue(program.payouts.minimum) },
  };
}

function compileOverrides(
  overrides: OverridesDefinition | undefined,
  program: Program,
  compile: Compile,
): CompiledOverrides | null {
  if (!overrides) return null;
  const tierIndex = new Map(program.tiers.map((tier, index) => [tier.id, index]));
  const cap = overrides.caps?.perPartnerPerPeriod;
  return {
    basis: overrides.basis,
    compression: overrides.compression,
    levels: overrides.levels.map((level) => ({
      level: level.level,
      rate: new DecimalValue(level.rate),
      minTierIndex: tierIndex.get(level.minTier) ?? 0,
      eligibility: level.eligibility ? compile(level.eligibility) : null,
    })),
    perDealCap: overrides.caps?.perDeal ? new DecimalValue(overrides.caps.perDeal) : null,
    perPeriodCap: cap ? { amount: new DecimalValue(cap.amount), period: cap.period } : null,
  };
}

function amend(
  previous: CompiledVersion,
  amendment: VersionDefinition,
  program: Program,
  compile: Compile,
): CompiledVersion {
  const changes = amendment.tiers ?? {};
  const tiers = previous.tiers.map((tier): CompiledTier => {
    // An own key only: a tier named "constructor" or "toString" must not find Object's.
    if (!Object.hasOwn(changes, tier.id)) return tier;
    const change = changes[tier.id];
    if (change === undefined) return tier;
    return {
      ...tier,
      baseRate: change.baseRate === undefined ? tier.baseRate : new DecimalValue(change.baseRate),
      referralBonusRate:
        change.referralBonusRate === undefined
          ? tier.referralBonusRate
          : change.referralBonusRate === null
            ? null
            : new DecimalValue(change.referralBonusRate),
      qualify: change.qualify ? compile(change.qualify) : tier.qualify,
      maintain: change.maintain ? compile(change.maintain) : tier.maintain,
      capacity: change.capacity === undefined ? tier.capacity : change.capacity,
    };
  });
  return {
    version: amendment.version,
    effectiveFrom: Date.parse(amendment.effectiveFrom),
    tiers,
    overrides: amendment.overrides
      ? compileOverrides(amendment.overrides, program, compile)
      : previous.overrides,
    holdPeriodDays: amendment.holdPeriodDays ?? previous.holdPeriodDays,
    payouts: amendment.payouts
      ? { dayOfMonth: amendment.payouts.dayOfMonth, minimum: new DecimalValue(amendment.payouts.minimum) }
      : previous.payouts,
  };
}
