// Nesting limits: a rule may nest all/any/not 64 levels and any input 256 levels of objects and
// arrays; deeper inputs are an issue with a path, found without recursion, so neither the check
// nor the parse and compile behind it can overflow the stack.
import { describe, expect, it } from 'vitest';
import { checkCondition } from '../../src/rules/check.js';
import { compileCondition } from '../../src/rules/compile.js';
import type { Condition } from '../../src/rules/condition.js';
import { MAX_CONDITION_DEPTH, MAX_NESTING_DEPTH, nestingIssue } from '../../src/rules/nesting.js';

const LEAF = { fact: 'countedDeals', operator: 'greaterThanInclusive', value: 3 };
const context = { facts: new Set(['countedDeals']) };
const RULE_TOO_DEEP = 'this rule nests "all", "any" and "not" more than 64 levels deep (the most is 64)';

/** `levels` boolean nodes, one inside the other, cycling all, any, not, around one comparison. */
function nested(levels: number): Condition {
  let node: unknown = LEAF;
  for (let level = 0; level < levels; level++) {
    const kind = level % 3;
    node = kind === 0 ? { all: [node] } : kind === 1 ? { any: [node] } : { not: node };
  }
  return node as Condition;
}

/** A constant nested `levels` arrays deep around 1. */
function deepConstant(levels: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = [value];
  return value;
}

describe('nestingIssue', () => {
  it('accepts exactly 64 levels of all/any/not and refuses the 65th, at the rule', () => {
    expect(MAX_CONDITION_DEPTH).toBe(64);
    expect(nestingIssue(nested(64))).toBeUndefined();
    expect(nestingIssue(nested(65))).toEqual({ path: [], message: RULE_TOO_DEEP });
  });

  it('reports the rule where it starts inside a larger document', () => {
    const document = { tiers: [{ id: 'a' }, { id: 'b', qualify: nested(100) }] };
    expect(nestingIssue(document)).toEqual({ path: ['tiers', 1, 'qualify'], message: RULE_TOO_DEEP });
  });

  it('counts the levels of one branch, not the rule\u2019s width: 64 branches of 64 levels are fine', () => {
    expect(nestingIssue({ all: Array.from({ length: 64 }, () => nested(63)) })).toBeUndefined();
  });

  it('refuses a constant nested deeper than 256 objects and arrays, where the limit is crossed', () => {
    expect(MAX_NESTING_DEPTH).toBe(256);
    // Depth 1 is the rule object, 2 its all list, 3 the comparison, 4 the constant's outer array:
    // a constant of 253 arrays reaches depth 256, one more array is the 257th level.
    const fits = { all: [{ ...LEAF, value: deepConstant(253) }] };
    expect(nestingIssue(fits)).toBeUndefined();
    const issue = nestingIssue({ all: [{ ...LEAF, value: deepConstant(254) }] });
    expect(issue?.message).toBe('objects and arrays nest more than 256 levels deep here (the most is 256)');
    expect(issue?.path).toEqual(['all', 0, 'value', ...Array.from({ length: 253 }, () => 0)]);
  });

  it('walks a wide constant without trouble: 200,000 items one level deep', () => {
    const wide = {
      all: [{ ...LEAF, operator: 'in', value: Array.from({ length: 200_000 }, (_, index) => [index]) }],
    };
    expect(nestingIssue(wide)).toBeUndefined();
  });

  it('ends on a cycle in a host\u2019s object, as nesting without end', () => {
    const loop: { all: unknown[] } = { all: [] };
    loop.all.push(loop);
    expect(nestingIssue(loop)).toEqual({ path: [], message: RULE_TOO_DEEP });
  });
});

describe('a 5,000-deep rule', () => {
  const deep = nested(5_000);

  it('is one issue for checkCondition, not a RangeError', () => {
    expect(checkCondition(deep, context)).toEqual([
      { path: [], message: RULE_TOO_DEEP, code: 'NESTING_TOO_DEEP' },
    ]);
  });

  it('is INVALID_CONDITION for compileCondition, not a RangeError', () => {
    expect(() => compileCondition(deep)).toThrow(
      expect.objectContaining({
        code: 'INVALID_CONDITION',
        message: `INVALID_CONDITION: rule: (root): ${RULE_TOO_DEEP}`,
      }),
    );
  });

  it('at the limit still checks and compiles: 64 levels around 3 >= 3 hold as the not levels say', () => {
    expect(checkCondition(nested(64), context)).toEqual([]);
    // 64 levels cycle all, any, not: levels 3, 6, ..., 63 are nots, 21 of them, an odd number,
    // so the comparison (true for 3 deals) comes out negated: false.
    expect(compileCondition(nested(64))({ countedDeals: 3 })).toBe(false);
    expect(compileCondition(nested(64))({ countedDeals: 2 })).toBe(true);
  });
});
