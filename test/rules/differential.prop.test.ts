// The compiled predicate against json-rules-engine itself: random conditions (nested all/any/not,
// every operator under random decorators, paths, fact references, named conditions) on random
// facts must give the same answer every time: both true, both false, or both failing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompileOptions, compileCondition, type Facts } from '../../src/rules/compile.js';
import type { Condition, NestedCondition } from '../../src/rules/condition.js';
import { DECORATOR_NAMES, OPERATOR_NAMES, type OperatorFunction } from '../../src/rules/operators.js';
import { evaluateWithJsonRulesEngine } from '../../src/rules/reference.js';

const NUM_RUNS = Number(process.env.DIFF_RUNS ?? 1000);

const FACT_NAMES = ['a', 'b', 'c', '__proto__', 'constructor', 'toString'];
const KEYS = ['x', 'y', '0', 'length', 'constructor', 'toString'];
const PATHS = [
  '',
  '$.x',
  'x',
  '$.x.y',
  '$[0]',
  "$['x']",
  '$.x[0]',
  '$.length',
  '$.__proto__',
  '$.constructor',
  '$.toString',
  '$.0',
  '$',
  '$.*',
  '$..x',
  '$[?(@ > 1)]',
  'constructor',
];

const NAMED_CONDITIONS: Readonly<Record<string, Condition>> = {
  big: { all: [{ fact: 'a', operator: 'greaterThan', value: 5 }] },
  present: { not: { fact: 'b', operator: 'equal', value: null } },
  alias: { condition: 'big' },
};

// Custom operators a JavaScript host might register: a plain one, one that returns a number
// rather than a boolean (read as `=== true` in a list, by truthiness at the root and under not),
// and one that throws.
const CUSTOM_OPERATORS = {
  startsWith: (factValue, jsonValue) =>
    typeof factValue === 'string' && typeof jsonValue === 'string' && factValue.startsWith(jsonValue),
  lengthOf: ((factValue: unknown) =>
    Array.isArray(factValue) ? factValue.length : factValue) as OperatorFunction,
  strictNumber: (factValue) => {
    if (factValue === null) throw new Error('null is not a number');
    return typeof factValue === 'number';
  },
} satisfies Record<string, OperatorFunction>;

const scalar = fc.oneof(
  fc.integer({ min: -12, max: 12 }),
  fc.constantFrom(0, -0, 3, 10, 2.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double(),
  fc.constantFrom('10', '3.5', '10abc', ' 7', '', 'NaN', 'Infinity', '-3', 'abc', 'ell', 'hello', 'null'),
  fc.string({ maxLength: 3 }),
  fc.boolean(),
  fc.constant(null),
);

// Fact values: anything JSON holds and more, `__proto__` keys included (as own properties).
const { factValue } = fc.letrec<{ factValue: unknown }>((tie) => ({
  factValue: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    scalar,
    fc.constant(undefined),
    fc.array(tie('factValue'), { maxLength: 3 }),
    fc
      .array(fc.tuple(fc.constantFrom(...KEYS, '__proto__'), tie('factValue')), { maxLength: 3 })
      .map((entries) => Object.fromEntries(entries)),
  ),
}));

// Constants in conditions are JSON (no undefined, no "__proto__" key: the schema refuses it).
const { literal } = fc.letrec<{ literal: unknown }>((tie) => ({
  literal: fc.oneof(
    { depthSize: 'small', maxDepth: 2 },
    scalar.filter((value) => !Number.isNaN(value) && value !== Number.POSITIVE_INFINITY),
    fc.array(tie('literal'), { maxLength: 3 }),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('literal')), { maxLength: 2 }).map(Object.fromEntries),
  ),
}));

const facts: fc.Arbitrary<Facts> = fc
  .array(fc.tuple(fc.constantFrom(...FACT_NAMES), factValue), { maxLength: 5 })
  .map((entries) => Object.fromEntries(entries));

function operatorName(baseNames: readonly string[]): fc.Arbitrary<string> {
  const chain = fc
    .tuple(fc.array(fc.constantFrom(...DECORATOR_NAMES), { maxLength: 3 }), fc.constantFrom(...baseNames))
    .map(([decorators, base]) => [...decorators, base].join(':'));
  return fc.oneof({ weight: 12, arbitrary: chain }, fc.constantFrom('nope', 'bogus:equal', ':equal', 'not:'));
}

function optional<T>(arbitrary: fc.Arbitrary<T>) {
  return fc.option(arbitrary, { nil: undefined, freq: 2 });
}

function leaf(baseNames: readonly string[]) {
  const reference = fc
    .record({ fact: fc.constantFrom(...FACT_NAMES), path: optional(fc.constantFrom(...PATHS)) })
    .map(({ fact, path }) => (path === undefined ? { fact } : { fact, path }));
  return fc
    .record({
      fact: fc.constantFrom(...FACT_NAMES),
      operator: operatorName(baseNames),
      value: fc.oneof({ weight: 4, arbitrary: literal }, reference),
      path: optional(fc.constantFrom(...PATHS)),
      priority: optional(fc.integer({ min: 1, max: 3 })),
    })
    .map(withoutUndefined);
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

function conditions(baseNames: readonly string[]): fc.Arbitrary<Condition> {
  const priority = optional(fc.integer({ min: 1, max: 3 }));
  const { root } = fc.letrec<{ node: NestedCondition; root: Condition }>((tie) => {
    const list = (key: 'all' | 'any') =>
      fc
        .record({ [key]: fc.array(tie('node'), { maxLength: 3 }), priority })
        .map((record) => withoutUndefined(record) as unknown as Condition);
    const booleans = [
      list('all'),
      list('any'),
      fc.record({ not: tie('node') }) as fc.Arbitrary<Condition>,
      fc
        .record({ condition: fc.constantFrom('big', 'present', 'alias', 'missing'), priority })
        .map(withoutUndefined),
    ];
    return {
      node: fc.oneof(
        { depthSize: 'small', maxDepth: 3 },
        { weight: 3, arbitrary: leaf(baseNames) },
        ...booleans,
      ),
      root: fc.oneof(...booleans),
    };
  });
  return root;
}

async function outcome(evaluate: () => boolean | Promise<boolean>): Promise<string> {
  try {
    return String(await evaluate());
  } catch {
    return 'throws';
  }
}

function agreesWithJsonRulesEngine(baseNames: readonly string[], operators: CompileOptions['operators']) {
  return fc.asyncProperty(
    conditions(baseNames),
    facts,
    fc.boolean(),
    async (condition, given, allowUndefinedFacts) => {
      const options: CompileOptions = { operators, conditions: NAMED_CONDITIONS, allowUndefinedFacts };
      const expected = await outcome(() => evaluateWithJsonRulesEngine(condition, given, options));
      const actual = await outcome(() => compileCondition(condition, options)(given));
      expect(actual, JSON.stringify({ condition, allowUndefinedFacts })).toBe(expected);
    },
  );
}

describe('compileCondition against json-rules-engine', () => {
  it('agrees on every random condition and facts with the built-in operators', async () => {
    await fc.assert(agreesWithJsonRulesEngine(OPERATOR_NAMES, undefined), { seed: 42, numRuns: NUM_RUNS });
  });

  it('agrees with custom operators registered in both', async () => {
    const baseNames = [...OPERATOR_NAMES, ...Object.keys(CUSTOM_OPERATORS)];
    await fc.assert(agreesWithJsonRulesEngine(baseNames, CUSTOM_OPERATORS), { seed: 7, numRuns: NUM_RUNS });
  });
});
