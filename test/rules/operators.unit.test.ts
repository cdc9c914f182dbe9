// Each json-rules-engine operator quirk from JRE-SEMANTICS.md, with a case worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  type OperatorFunction,
  operatorCanThrow,
  parseOperatorName,
  type ResolvedOperator,
  resolveOperator,
  UNKNOWN_OPERAND,
} from '../../src/rules/operators.js';

function operator(name: string, custom: Readonly<Record<string, OperatorFunction>> = {}): OperatorFunction {
  const resolved = resolveOperator(name, custom);
  if (resolved === undefined) throw new Error(`test setup: ${name} does not resolve`);
  return resolved;
}

describe('equal and notEqual', () => {
  it('compare strictly: 1 is not "1"', () => {
    expect(operator('equal')(1, '1')).toBe(false);
    expect(operator('notEqual')(1, '1')).toBe(true);
    expect(operator('equal')('gold', 'gold')).toBe(true);
  });

  it('compare objects by reference', () => {
    const tiers = ['gold'];
    expect(operator('equal')(tiers, ['gold'])).toBe(false);
    expect(operator('equal')(tiers, tiers)).toBe(true);
  });
});

describe('in and notIn', () => {
  it('search an array value', () => {
    expect(operator('in')('gold', ['silver', 'gold'])).toBe(true);
    expect(operator('notIn')('bronze', ['silver', 'gold'])).toBe(true);
  });

  it('do a substring test on a string value: "ell" is in "hello"', () => {
    expect(operator('in')('ell', 'hello')).toBe(true);
    expect(operator('notIn')('ell', 'hello')).toBe(false);
  });

  it('throw on a number or null value, as the run rejects', () => {
    expect(() => operator('in')(1, 5)).toThrow(TypeError);
    expect(() => operator('notIn')(1, null)).toThrow(TypeError);
  });

  it('never find NaN (indexOf uses strict equality)', () => {
    expect(operator('in')(Number.NaN, [Number.NaN])).toBe(false);
    expect(operator('notIn')(Number.NaN, [Number.NaN])).toBe(true);
  });
});

describe('contains and doesNotContain', () => {
  it('search an array fact', () => {
    expect(operator('contains')(['certification'], 'certification')).toBe(true);
    expect(operator('doesNotContain')(['onboarding'], 'certification')).toBe(true);
  });

  it('give false for both when the fact is not an array, even a string that contains it', () => {
    expect(operator('contains')('certification', 'cert')).toBe(false);
    expect(operator('doesNotContain')('certification', 'cert')).toBe(false);
    expect(operator('doesNotContain')(undefined, 'cert')).toBe(false);
  });
});

describe('numeric operators', () => {
  it('coerce like JavaScript once the fact passes parseFloat: "10" > 9, [3] < 5', () => {
    expect(operator('greaterThan')('10', 9)).toBe(true);
    expect(operator('lessThan')([3], 5)).toBe(true);
    expect(operator('greaterThanInclusive')(7, 3)).toBe(true);
    expect(operator('lessThanInclusive')(3, 3)).toBe(true);
  });

  it('pass "10abc" through parseFloat (10) and then fail the comparison (Number("10abc") is NaN)', () => {
    expect(operator('greaterThan')('10abc', 9)).toBe(false);
    expect(operator('lessThanInclusive')('10abc', 9)).toBe(false);
  });

  it('fail null, undefined, true and NaN, whose parseFloat is NaN', () => {
    expect(operator('greaterThan')(null, -1)).toBe(false);
    expect(operator('lessThan')(undefined, 5)).toBe(false);
    expect(operator('lessThan')(true, 5)).toBe(false);
    expect(operator('greaterThanInclusive')(Number.NaN, 0)).toBe(false);
  });

  it('accept Infinity, whose parseFloat is Infinity', () => {
    expect(operator('greaterThan')(Number.POSITIVE_INFINITY, 1e308)).toBe(true);
  });
});

describe('decorators', () => {
  it('someFact and everyFact need an array fact; everyFact on [] holds, someFact on [] does not', () => {
    expect(operator('someFact:greaterThan')([1, 5], 3)).toBe(true);
    expect(operator('everyFact:greaterThan')([4, 5], 3)).toBe(true);
    expect(operator('everyFact:greaterThan')([], 3)).toBe(true);
    expect(operator('someFact:greaterThan')([], 3)).toBe(false);
    expect(operator('everyFact:greaterThan')(5, 3)).toBe(false);
  });

  it('someValue and everyValue iterate the value, and throw when it is not an array', () => {
    expect(operator('someValue:equal')('gold', ['silver', 'gold'])).toBe(true);
    expect(operator('everyValue:lessThan')(1, [2, 3])).toBe(true);
    expect(() => operator('someValue:equal')('gold', 'gold')).toThrow(TypeError);
  });

  it('swap exchanges fact and value: swap:contains asks whether the value contains the fact', () => {
    expect(operator('swap:contains')('gold', ['gold', 'silver'])).toBe(true);
    expect(operator('swap:greaterThan')(3, 5)).toBe(true);
  });

  it('not:contains on a non-array fact is true, unlike doesNotContain', () => {
    expect(operator('not:contains')('certification', 'certification')).toBe(true);
    expect(operator('doesNotContain')('certification', 'certification')).toBe(false);
  });

  it('chain with colons, outermost first: not:everyFact:greaterThan', () => {
    // everyFact:greaterThan([4, 2], 3) is false (2 > 3 fails), so not:... is true.
    expect(operator('not:everyFact:greaterThan')([4, 2], 3)).toBe(true);
    expect(operator('someFact:someValue:equal')([1, 2], [2, 9])).toBe(true);
  });
});

describe('resolveOperator', () => {
  it('returns undefined where json-rules-engine reports "Unknown operator"', () => {
    expect(resolveOperator('nope')).toBeUndefined();
    expect(resolveOperator('bogus:equal')).toBeUndefined();
    expect(resolveOperator(':equal')).toBeUndefined();
    expect(resolveOperator('not:')).toBeUndefined();
    expect(resolveOperator('toString')).toBeUndefined();
  });

  it('applies decorators to custom operators too', () => {
    const startsWith: OperatorFunction = (factValue, jsonValue) =>
      String(factValue).startsWith(String(jsonValue));
    expect(operator('not:startsWith', { startsWith })('gold', 'go')).toBe(false);
    expect(operator('someFact:startsWith', { startsWith })(['silver', 'gold'], 'go')).toBe(true);
  });

  it('lets a custom operator replace a built-in one, and a custom name with a colon win', () => {
    const always: OperatorFunction = () => true;
    expect(operator('equal', { equal: always })(1, 2)).toBe(true);
    expect(operator('not:equal', { 'not:equal': always })(1, 1)).toBe(true);
  });
});

describe('parseOperatorName', () => {
  it('splits decorators from the operator', () => {
    expect(parseOperatorName('not:someFact:in', {})).toEqual({
      ok: true,
      decorators: ['not', 'someFact'],
      operator: 'in',
      custom: false,
    });
  });

  it('names the part that is unknown', () => {
    expect(parseOperatorName('nope:equal', {})).toEqual({ ok: false, unknownDecorator: 'nope' });
    expect(parseOperatorName('not:nope', {})).toEqual({ ok: false, unknownOperator: 'nope' });
  });
});

describe('operatorCanThrow', () => {
  const chain = (name: string) => parseOperatorName(name, {}) as ResolvedOperator;
  const constant = (value: unknown) => ({ known: true, value });

  it('calls strict comparisons and in over a constant array safe', () => {
    expect(operatorCanThrow(chain('not:equal'), UNKNOWN_OPERAND, constant(1))).toBe(false);
    expect(operatorCanThrow(chain('someFact:in'), UNKNOWN_OPERAND, constant(['gold']))).toBe(false);
    expect(operatorCanThrow(chain('swap:contains'), UNKNOWN_OPERAND, constant('gold'))).toBe(false);
  });

  it('calls anything that coerces, iterates a non-array or searches an unknown value risky', () => {
    expect(operatorCanThrow(chain('in'), UNKNOWN_OPERAND, constant(5))).toBe(true);
    expect(operatorCanThrow(chain('greaterThan'), UNKNOWN_OPERAND, constant(3))).toBe(true);
    expect(operatorCanThrow(chain('someValue:equal'), UNKNOWN_OPERAND, constant('gold'))).toBe(true);
    expect(operatorCanThrow(chain('swap:in'), UNKNOWN_OPERAND, constant(['gold']))).toBe(true);
  });
});
