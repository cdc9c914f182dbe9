// compileCondition on hand-worked cases; each is also run through json-rules-engine to show the
// library gives the same answer (or rejects where the predicate throws).
import { describe, expect, it } from 'vitest';
import {
  type CompileOptions,
  compileCondition,
  RuleEvaluationError,
  type RuleFacts,
} from '../../src/rules/compile.js';
import type { Condition } from '../../src/rules/condition.js';
import type { OperatorFunction } from '../../src/rules/operators.js';
import { evaluateWithJsonRulesEngine } from '../../src/rules/reference.js';

/** Asserts both evaluators give `expected`: true, false, or a RuleEvaluationError with that code. */
async function expectBoth(
  condition: Condition,
  facts: RuleFacts,
  expected: boolean | string,
  options?: CompileOptions,
) {
  const predicate = compileCondition(condition, options);
  const reference = evaluateWithJsonRulesEngine(condition, facts, options);
  if (typeof expected === 'boolean') {
    expect(predicate(facts)).toBe(expected);
    await expect(reference).resolves.toBe(expected);
  } else {
    expect(() => predicate(facts)).toThrow(expect.objectContaining({ code: expected }));
    await expect(reference).rejects.toThrow();
  }
}

const SILVER: Condition = {
  all: [
    { fact: 'countedDeals', operator: 'greaterThanInclusive', value: 3 },
    { fact: 'trainingsCompleted', operator: 'contains', value: 'certification' },
  ],
};
const GOLD: Condition = { all: [{ fact: 'countedDeals', operator: 'greaterThanInclusive', value: 10 }] };
const PARTNER = { countedDeals: 7, trainingsCompleted: ['certification'], revenue: 5500 };

const leaf = (fact: string, operator: string, value: unknown, priority?: number) =>
  priority === undefined ? { fact, operator, value } : { fact, operator, value, priority };

describe('compileCondition', () => {
  it('decides the SISO tier rules: 7 deals and the certification make silver, not gold (7 < 10)', async () => {
    await expectBoth(SILVER, PARTNER, true);
    await expectBoth(GOLD, PARTNER, false);
    await expectBoth(SILVER, { ...PARTNER, trainingsCompleted: [] }, false);
  });

  it('holds for an empty all and for an empty any', async () => {
    await expectBoth({ all: [] }, {}, true);
    await expectBoth({ any: [] }, {}, true);
    await expectBoth({ not: { any: [] } }, {}, false);
  });

  it('reads a missing fact as undefined by default, so notEqual and notIn pass', async () => {
    await expectBoth({ all: [leaf('tier', 'notEqual', 'gold'), leaf('tier', 'notIn', ['gold'])] }, {}, true);
  });

  it('throws UNDEFINED_FACT for a missing fact when undefined facts are not allowed', async () => {
    const options = { allowUndefinedFacts: false };
    await expectBoth({ all: [leaf('tier', 'equal', 'gold')] }, {}, 'UNDEFINED_FACT', options);
    await expectBoth({ all: [leaf('tier', 'equal', 'gold')] }, { tier: undefined }, false, options);
  });

  it('reads only own properties: "constructor" is no fact, an own "__proto__" is', async () => {
    const own = JSON.parse('{"__proto__": 5}') as RuleFacts;
    await expectBoth({ all: [leaf('__proto__', 'greaterThan', 3)] }, own, true);
    await expectBoth({ all: [leaf('constructor', 'equal', { fact: 'missing' })] }, {}, true);
    await expectBoth({ all: [leaf('constructor', 'equal', null)] }, {}, 'UNDEFINED_FACT', {
      allowUndefinedFacts: false,
    });
  });

  it('throws UNKNOWN_OPERATOR when an unknown operator is reached', async () => {
    await expectBoth({ all: [leaf('countedDeals', 'atLeast', 3)] }, PARTNER, 'UNKNOWN_OPERATOR');
  });

  it('skips lower priorities once the answer is known, so their errors never happen', async () => {
    // any: the priority-2 comparison holds (7 > 3), so the priority-1 unknown operator is never reached.
    const skipped = { any: [leaf('countedDeals', 'greaterThan', 3, 2), leaf('countedDeals', 'atLeast', 3)] };
    await expectBoth(skipped, PARTNER, true);
  });

  it('throws for an error among siblings of one priority even when another decided the answer', async () => {
    // all: 7 < 3 is false, but `in` against the number 5 in the same priority group still throws.
    const siblings = { all: [leaf('countedDeals', 'lessThan', 3), leaf('tier', 'in', 5)] };
    await expectBoth(siblings, PARTNER, 'EVALUATION_FAILED');
    const lower = { all: [leaf('countedDeals', 'lessThan', 3, 2), leaf('tier', 'in', 5, 1)] };
    await expectBoth(lower, PARTNER, false);
  });

  it('compares with another fact, through a path', async () => {
    const facts = { revenue: 5500, targets: { monthly: 5000 } };
    await expectBoth(
      { all: [leaf('revenue', 'greaterThan', { fact: 'targets', path: '$.monthly' })] },
      facts,
      true,
    );
    await expectBoth(
      { all: [{ fact: 'targets', path: '$.monthly', operator: 'equal', value: 5000 }] },
      facts,
      true,
    );
  });

  it('resolves named conditions, and throws for unknown ones', async () => {
    const conditions = { certified: { all: [leaf('trainingsCompleted', 'contains', 'certification')] } };
    await expectBoth({ all: [{ condition: 'certified' }, GOLD.all[0]!] }, PARTNER, false, { conditions });
    await expectBoth({ not: { condition: 'certified' } }, PARTNER, false, { conditions });
    await expectBoth({ condition: 'uncertified' }, PARTNER, 'UNKNOWN_CONDITION', { conditions });
  });

  it('throws CONDITION_CYCLE for a named condition that reaches itself', () => {
    const conditions: Record<string, Condition> = { loop: { all: [{ condition: 'loop' }] } };
    expect(() => compileCondition({ condition: 'loop' }, { conditions })({})).toThrow(
      expect.objectContaining({ code: 'CONDITION_CYCLE' }),
    );
  });

  it('reads a custom operator result as json-rules-engine does: truthiness alone at the root, === true in a list', async () => {
    // A JavaScript host may return a number; `count` gives the array's length.
    const count = (factValue: unknown) => (factValue as unknown[]).length;
    const operators = { count: count as unknown as OperatorFunction };
    const facts = { badges: ['first-deal'] };
    await expectBoth({ all: [leaf('badges', 'count', null)] }, facts, true, { operators });
    await expectBoth({ all: [{ all: [leaf('badges', 'count', null)] }] }, facts, false, { operators });
    await expectBoth({ not: leaf('badges', 'count', null) }, facts, false, { operators });
    await expectBoth({ any: [leaf('badges', 'count', null), leaf('badges', 'count', null)] }, facts, false, {
      operators,
    });
  });

  it('wraps an operator that throws in EVALUATION_FAILED with the cause', () => {
    const predicate = compileCondition({ all: [leaf('tier', 'in', null)] });
    expect(() => predicate({ tier: 'gold' })).toThrow(RuleEvaluationError);
    try {
      predicate({ tier: 'gold' });
    } catch (error) {
      expect((error as RuleEvaluationError).code).toBe('EVALUATION_FAILED');
      expect((error as RuleEvaluationError).cause).toBeInstanceOf(TypeError);
    }
  });

  it('fails only the comparison whose path jsonpath-plus throws on, and never runs a filter', () => {
    // The filter would push "x" into the trainings it reads (jsonpath-plus's default eval runs it),
    // and then `contains "x"` would hold. With eval: false jsonpath-plus throws instead, so the
    // comparison is false, the array is untouched, and the other comparisons still decide.
    const trainings = ['certification'];
    const sneaky = {
      fact: 'trainingsCompleted',
      path: "$[?(@.length>0 && @root.push('x'))]",
      operator: 'contains',
      value: 'x',
    };
    const facts = { trainingsCompleted: trainings, countedDeals: 7 };
    expect(compileCondition({ all: [sneaky] })(facts)).toBe(false);
    expect(compileCondition({ any: [sneaky, GOLD.all[0]!, SILVER.all[0]!] })(facts)).toBe(true);
    // A failed comparison under not: the not holds, as for any comparison that is false.
    expect(compileCondition({ not: sneaky })(facts)).toBe(true);
    expect(trainings).toEqual(['certification']);
    // The same in a fact reference, and for a bare "constructor", which jsonpath-plus cannot look up.
    const reference = {
      fact: 'countedDeals',
      operator: 'equal',
      value: { fact: 'countedDeals', path: 'constructor' },
    };
    expect(compileCondition({ all: [reference] })({ countedDeals: { n: 1 } })).toBe(false);
  });

  it('still throws UNDEFINED_FACT for a missing fact behind a path jsonpath-plus evaluates', () => {
    const predicate = compileCondition(
      { all: [{ fact: 'deals', path: '$[*].amount', operator: 'contains', value: 5 }] },
      { allowUndefinedFacts: false },
    );
    expect(predicate({ deals: [{ amount: 5 }] })).toBe(true);
    expect(() => predicate({})).toThrow(expect.objectContaining({ code: 'UNDEFINED_FACT' }));
  });

  it('refuses a malformed condition with INVALID_CONDITION and its path', () => {
    const malformed = { all: [{ fact: 'countedDeals', operator: 3, value: 3 }] } as unknown as Condition;
    expect(() => compileCondition(malformed)).toThrow(/INVALID_CONDITION: rule: all\[0\]\.operator/);
  });

  it('does not mutate the condition or the facts', () => {
    const condition = structuredClone(SILVER);
    const facts = structuredClone(PARTNER);
    compileCondition(Object.freeze(condition))(Object.freeze(facts));
    expect(condition).toEqual(SILVER);
    expect(facts).toEqual(PARTNER);
  });
});
