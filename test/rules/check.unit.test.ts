// checkCondition finds at load time what json-rules-engine would only find while running, and
// the walkers other modules use (factsUsed, conditionsUsed, visitLeaves) see every comparison.
import { describe, expect, it } from 'vitest';
import type { JsonPath } from '../../src/issues.js';
import {
  type CheckContext,
  checkCondition,
  conditionsUsed,
  factsUsed,
  visitLeaves,
} from '../../src/rules/check.js';
import type { Condition } from '../../src/rules/condition.js';

const FACTS: CheckContext['facts'] = new Map([
  ['countedDeals', 'Closed deals not refunded in full.'],
  ['monthDeals', 'Counted deals this month.'],
  ['tier', 'The tier held now.'],
  ['trainingsCompleted', 'Training module ids.'],
]);
const context: CheckContext = { facts: FACTS };
const paths = (input: unknown, given: CheckContext = context) =>
  checkCondition(input, given).map((issue) => issue.path);

describe('checkCondition', () => {
  it('finds nothing wrong with a sound rule', () => {
    const rule = {
      all: [
        { fact: 'countedDeals', operator: 'greaterThanInclusive', value: 3 },
        { fact: 'trainingsCompleted', operator: 'not:contains', value: 'suspended' },
        { fact: 'tier', operator: 'in', value: ['silver', 'gold'] },
        { fact: 'monthDeals', operator: 'greaterThan', value: { fact: 'countedDeals' } },
      ],
    };
    expect(checkCondition(rule, context)).toEqual([]);
  });

  it('reports structural problems with their paths', () => {
    expect(paths({ all: [{ fact: 'countedDeals', operator: 3, value: 3 }] })).toEqual([
      ['all', 0, 'operator'],
    ]);
    expect(paths({ any: [{ not: { fact: 'tier', operator: 'equal' } }] })).toEqual([
      ['any', 0, 'not', 'value'],
    ]);
    expect(paths({ fact: 'tier', operator: 'equal', value: 'gold' })).toEqual([[]]);
  });

  it('reports an unknown fact and names the known ones', () => {
    const issues = checkCondition({ all: [{ fact: 'countedDeal', operator: 'equal', value: 1 }] }, context);
    expect(issues).toEqual([
      {
        path: ['all', 0, 'fact'],
        message:
          'unknown fact "countedDeal"; the facts are: "countedDeals", "monthDeals", "tier", "trainingsCompleted"',
        code: 'UNKNOWN_FACT',
        suggestion: 'did you mean "countedDeals"?',
      },
    ]);
  });

  it('reports an unknown fact referenced as a value', () => {
    const rule = {
      any: [
        { fact: 'tier', operator: 'equal', value: 'gold' },
        { fact: 'tier', operator: 'equal', value: { fact: 'rank' } },
      ],
    };
    expect(paths(rule, { facts: new Set(['tier']) })).toEqual([['any', 1, 'value', 'fact']]);
  });

  it('reports an unknown operator or decorator and lists the valid ones', () => {
    const [operator] = checkCondition({ all: [{ fact: 'tier', operator: 'is', value: 'gold' }] }, context);
    expect(operator?.path).toEqual(['all', 0, 'operator']);
    expect(operator?.message).toMatch(/^unknown operator "is"; operators: "equal", "notEqual", "in"/);
    expect(operator?.message).toMatch(/decorators \(before a colon, as in "not:contains"\): "someFact"/);
    const [decorator] = checkCondition(
      { all: [{ fact: 'tier', operator: 'never:equal', value: 'gold' }] },
      context,
    );
    expect(decorator?.message).toMatch(/^unknown decorator "never" in "never:equal"/);
  });

  it('accepts custom operators, decorated or not, and lists them when one is unknown', () => {
    const operators = { startsWith: () => true };
    const rule = { all: [{ fact: 'tier', operator: 'not:startsWith', value: 'g' }] };
    expect(checkCondition(rule, { facts: FACTS, operators })).toEqual([]);
    const [issue] = checkCondition(
      { all: [{ fact: 'tier', operator: 'endsWith', value: 'g' }] },
      { facts: FACTS, operators },
    );
    expect(issue?.message).toMatch(/"greaterThanInclusive", "startsWith";/);
  });

  it('reports references to named conditions that do not exist', () => {
    const rule = { all: [{ condition: 'certified' }, { not: { condition: 'suspended' } }] };
    expect(paths(rule, { facts: FACTS, conditions: new Set(['certified']) })).toEqual([
      ['all', 1, 'not', 'condition'],
    ]);
    expect(checkCondition({ condition: 'certified' }, context)).toEqual([
      {
        path: ['condition'],
        message: 'unknown condition "certified"; none are defined',
        code: 'UNKNOWN_CONDITION',
      },
    ]);
  });

  it('reports in/notIn against a value that is neither an array, a string nor a fact', () => {
    const rule = {
      all: [
        { fact: 'tier', operator: 'in', value: 5 },
        { fact: 'tier', operator: 'not:notIn', value: null },
        { fact: 'tier', operator: 'in', value: 'gold silver' },
        { fact: 'tier', operator: 'in', value: { fact: 'trainingsCompleted' } },
        { fact: 'trainingsCompleted', operator: 'someFact:in', value: { silver: true } },
      ],
    };
    const issues = checkCondition(rule, context);
    expect(issues.map((issue) => issue.path)).toEqual([
      ['all', 0, 'value'],
      ['all', 1, 'value'],
      ['all', 4, 'value'],
    ]);
    expect(issues[0]?.message).toBe(
      '"in" needs an array (or a string) to look in, not 5: the rule would fail when it runs',
    );
  });

  it('reports someValue/everyValue over a constant that is not an array', () => {
    const rule = { all: [{ fact: 'tier', operator: 'someValue:equal', value: 'gold' }] };
    expect(checkCondition(rule, context)).toEqual([
      {
        path: ['all', 0, 'value'],
        message: '"someValue" needs an array value, not "gold": the rule would fail when it runs',
        code: 'VALUE_NOT_SEARCHABLE',
      },
    ]);
    expect(
      paths({ all: [{ fact: 'tier', operator: 'someValue:in', value: [['gold'], 'silver', 3] }] }),
    ).toEqual([['all', 0, 'value']]);
  });

  it('reports a path jsonpath-plus cannot read, in the comparison or in a fact reference', () => {
    const rule = {
      all: [
        { fact: 'tier', path: 'constructor', operator: 'equal', value: 'gold' },
        { fact: 'tier', operator: 'equal', value: { fact: 'tier', path: '__proto__' } },
        { fact: 'tier', path: '$.constructor', operator: 'equal', value: 'gold' },
      ],
    };
    expect(checkCondition(rule, context)).toEqual([
      {
        path: ['all', 0, 'path'],
        message: 'jsonpath-plus cannot read the path "constructor" (write "$.constructor")',
        code: 'PATH_REFUSED',
      },
      {
        path: ['all', 1, 'value', 'path'],
        message: 'jsonpath-plus cannot read the path "__proto__" (write "$.__proto__")',
        code: 'PATH_REFUSED',
      },
    ]);
  });

  it('refuses paths jsonpath-plus would run as code, in the comparison or in a fact reference', () => {
    const rule = {
      all: [
        {
          fact: 'trainingsCompleted',
          path: "$[?(@.length>0 && @root.push('x'))]",
          operator: 'contains',
          value: 'x',
        },
        { fact: 'tier', operator: 'equal', value: { fact: 'tier', path: '$[(@.length-1)]' } },
        { fact: 'trainingsCompleted', path: '$[0:1]', operator: 'contains', value: 'x' },
      ],
    };
    const issues = checkCondition(rule, context);
    expect(issues.map((issue) => issue.path)).toEqual([
      ['all', 0, 'path'],
      ['all', 1, 'value', 'path'],
    ]);
    expect(issues[0]?.message).toMatch(
      /^"\$\[\?\(@\.length>0 && @root\.push\('x'\)\)\]" has "\?\(@\.length>0 && @root\.push\('x'\)\)", a filter expression jsonpath-plus would run as code; a path may use names/,
    );
    expect(issues[1]?.message).toMatch(
      /has "\(@\.length-1\)", a script expression jsonpath-plus would run as code/,
    );
  });

  it('does not mutate its input', () => {
    const rule = { all: [{ fact: 'countedDeal', operator: 'in', value: 5 }] };
    const before = structuredClone(rule);
    checkCondition(Object.freeze(rule), context);
    expect(rule).toEqual(before);
  });
});

describe('factsUsed, conditionsUsed and visitLeaves', () => {
  const rule: Condition = {
    any: [
      { fact: 'revenue', operator: 'greaterThan', value: { fact: 'teamRevenue' } },
      { not: { fact: 'countedDeals', operator: 'equal', value: 0 } },
      { all: [{ condition: 'certified' }, { fact: 'revenue', operator: 'lessThan', value: 10 }] },
    ],
  };

  it('lists the facts read in fact and in value, sorted, once each', () => {
    expect(factsUsed(rule)).toEqual(['countedDeals', 'revenue', 'teamRevenue']);
  });

  it('lists the named conditions referred to', () => {
    expect(conditionsUsed(rule)).toEqual(['certified']);
  });

  it('visits every comparison with its path, in order', () => {
    const seen: Array<[string, JsonPath]> = [];
    visitLeaves(rule, (leaf, path) => seen.push([leaf.fact, path]));
    expect(seen).toEqual([
      ['revenue', ['any', 0]],
      ['countedDeals', ['any', 1, 'not']],
      ['revenue', ['any', 2, 'all', 1]],
    ]);
  });
});
