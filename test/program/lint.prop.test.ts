// The linter never claims what is not so. Random rules over the facts SISO's rules read, with
// random (often mismatched) values, are judged by the linter and then run, compiled, on random
// facts from the values streams can produce: a rule it says never holds must never hold, one it
// says always holds must always hold. Then random tier ladders are replayed over generated
// streams: no tier a partner reached may be reported unreachable. Fixed seeds, modest runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { allPartners } from '../../src/engine/state.js';
import type { LeafContext } from '../../src/program/lint/comparison.js';
import { lintProgram } from '../../src/program/lint/index.js';
import { analyseRule } from '../../src/program/lint/rule-findings.js';
import { canHold } from '../../src/program/lint/satisfiability.js';
import type { Program } from '../../src/program/load.js';
import { programSchema } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { compileCondition } from '../../src/rules/compile.js';
import type { Condition } from '../../src/rules/condition.js';
import { arbitraries } from '../../src/testing/index.js';

const TIERS = ['starter', 'active', 'performer', 'elite'];
const BADGES = ['first-sale', 'quick-starter', 'certified', 'team-builder', 'top-performer'];
const context: LeafContext = { tierIds: TIERS, badgeIds: BADGES, featureIds: ['dashboard'], operators: {} };

const small = fc.integer({ min: -2, max: 12 });
const value = fc.oneof(
  { weight: 6, arbitrary: small },
  { weight: 1, arbitrary: fc.constantFrom(2.5, 0.5, null, true, false, '3', 'three', '', [], [3], [1, 5]) },
  { weight: 2, arbitrary: fc.constantFrom(...TIERS, 'gold', ...BADGES, 'certification', 'onboarding') },
  { weight: 1, arbitrary: fc.constantFrom(['active', 'elite'], [2, 3], ['certification'], 'active elite') },
);
const operator = fc
  .tuple(
    fc.constantFrom('', '', '', 'not:', 'someFact:', 'everyFact:', 'swap:'),
    fc.constantFrom(
      'equal',
      'notEqual',
      'in',
      'notIn',
      'contains',
      'doesNotContain',
      'lessThan',
      'lessThanInclusive',
      'greaterThan',
      'greaterThanInclusive',
    ),
  )
  .map(([decorator, name]) => `${decorator}${name}`);
const comparison = fc.oneof(
  fc.record({
    fact: fc.constantFrom(
      'countedDeals',
      'revenue',
      'daysToFirstDeal',
      'earned',
      'tier',
      'tierRank',
      'trainingsCompleted',
      'badges',
    ),
    operator,
    value,
  }),
  fc.record({
    fact: fc.constant('directSubPartnersAtOrAbove'),
    operator,
    value,
    path: fc.constantFrom('$.active', '$.elite', '$.gold', ''),
  }),
);
const { node } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
}));
const rule = fc.oneof(
  fc.record({ all: fc.array(node, { minLength: 1, maxLength: 4 }) }),
  fc.record({ any: fc.array(node, { minLength: 1, maxLength: 3 }) }),
) as fc.Arbitrary<Condition>;

// Values every stream can produce (and nothing else): whole counts, non-negative amounts, …
const facts = fc.record({
  countedDeals: fc.nat({ max: 15 }),
  revenue: fc.oneof(fc.nat({ max: 15 }), fc.double({ min: 0, max: 15, noNaN: true })),
  daysToFirstDeal: fc.option(fc.double({ min: 0, max: 15, noNaN: true })),
  earned: fc.oneof(fc.integer({ min: -5, max: 15 }), fc.double({ min: -5, max: 15, noNaN: true })),
  tier: fc.constantFrom(...TIERS),
  tierRank: fc.integer({ min: 1, max: 4 }),
  trainingsCompleted: fc.uniqueArray(fc.constantFrom('certification', 'onboarding', '3'), { maxLength: 3 }),
  badges: fc.uniqueArray(fc.constantFrom(...BADGES), { maxLength: 3 }),
  directSubPartnersAtOrAbove: fc.record(Object.fromEntries(TIERS.map((tier) => [tier, fc.nat({ max: 5 })]))),
});

function outcome(
  test: (facts: Record<string, unknown>) => boolean,
  sample: Record<string, unknown>,
): boolean | undefined {
  try {
    return test(sample);
  } catch {
    return undefined;
  }
}

describe('the linter is sound on facts', () => {
  it('a rule it says never holds never holds, one it says always holds always holds', () => {
    const claims = { never: 0, always: 0 };
    fc.assert(
      fc.property(rule, fc.array(facts, { minLength: 20, maxLength: 20 }), (condition, samples) => {
        const analysed = analyseRule(condition, [], context);
        const never = !canHold(analysed.holds);
        const always = !canHold(analysed.fails);
        if (never) claims.never += 1;
        if (always) claims.always += 1;
        const test = compileCondition(condition);
        for (const sample of samples) {
          const holds = outcome(test, sample);
          if (never && holds === true) return false;
          if (always && holds === false) return false;
        }
        return true;
      }),
      { seed: 20_251_201, numRuns: 1_500 },
    );
    // The property is not vacuous: the linter does make both claims on these rules.
    expect(claims.never).toBeGreaterThan(50);
    expect(claims.always).toBeGreaterThan(50);
  });
});

const threshold = fc.integer({ min: 0, max: 6 });
const ladderComparison = fc.oneof(
  fc.record({
    fact: fc.constant('countedDeals'),
    operator: fc.constantFrom('greaterThanInclusive', 'lessThan', 'lessThanInclusive', 'equal'),
    value: threshold,
  }),
  fc.record({
    fact: fc.constant('trainingsCompleted'),
    operator: fc.constantFrom('contains', 'doesNotContain'),
    value: fc.constant('certification'),
  }),
  fc.record({
    fact: fc.constant('tier'),
    operator: fc.constantFrom('equal', 'notEqual'),
    value: fc.constantFrom(...TIERS),
  }),
);
const ladderRule = fc.record({ all: fc.array(ladderComparison, { minLength: 1, maxLength: 2 }) });

function withQualify(rules: readonly unknown[]): Program {
  const document = JSON.parse(JSON.stringify(sisoProgram));
  rules.forEach((qualify, index) => {
    document.tiers[index + 1].qualify = qualify;
  });
  // Parsed without loadProgram, which would refuse a programme with an unreachable tier.
  return programSchema.parse(document) as unknown as Program;
}

describe('the linter is sound on streams', () => {
  it('no tier a partner reached is reported unreachable', () => {
    let unreachable = 0;
    let promoted = 0;
    fc.assert(
      fc.property(
        fc.array(ladderRule, { minLength: 3, maxLength: 3 }),
        arbitraries.events(sisoProgram, { partners: 3, maxDeals: 12, months: 2 }),
        (rules, events) => {
          const program = withQualify(rules);
          const flagged = new Set(
            lintProgram(program)
              .findings.filter((found) => found.code === 'TIER_UNREACHABLE' && found.severity === 'error')
              .map((found) => found.segments[1]),
          );
          unreachable += flagged.size;
          const { state } = createEngine(program).replay(events);
          for (const partner of allPartners(state)) {
            if (partner.tier > 0) promoted += 1;
            if (flagged.has(partner.tier)) return false;
          }
          return true;
        },
      ),
      { seed: 7_2025, numRuns: 60 },
    );
    // Both sides occur: tiers reported unreachable, and partners promoted past the entry tier.
    expect(unreachable).toBeGreaterThan(10);
    expect(promoted).toBeGreaterThan(20);
  });
});
