// The compiled predicate against json-rules-engine itself: random conditions (nested all/any/not,
// every operator under random decorators, paths, fact references, named conditions) on random
// facts must give the same answer every time: both true, both false, or both failing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompileOptions, compileCondition, type RuleFacts } from '../../src/rules/compile.js';
import type { Condition, NestedCondition } from '../../src/rules/condition.js';
import { DECORATOR_NAMES, OPERATOR_NAMES, type OperatorFunction } from '../../src/rules/operators.js';
import { evaluateWithJsonRulesEngine } from '../../src/rules/reference.js';

const NUM_RUNS = Number(process.env.DIFF_RUNS ?? 1000);
// A fixed seed keeps CI repeatable; DIFF_SEED lets a long run explore elsewhere.
const SEED = Number(process.env.DIFF_SEED ?? 42);

const FACT_NAMES = ['a', 'b', 'c', '__proto__', 'constructor', 'toString'];
const KEYS = ['x', 'y', '0', 'length'];
// Keys every object inherits: fine in facts, refused in constants (json-rules-engine's copy drops them).
const INHERITED_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf'];
// Paths of the subset a programme may use (checkCondition refuses the rest). A filter such as
// `$[?(@ > 1)]` is refused by design: it is code to jsonpath-plus, and where the library's run()
// would reject on it (or on a bare "constructor") a compiled rule fails only the comparison.
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
  '$[0:2]',
  "$['x','0']",
];

const NAMED_CONDITIONS: Readonly<Record<string, Condition>> = {
  big: { all: [{ fact: 'a', operator: 'greaterThan', value: 5 }] },
  present: { not: { fact: 'b', operator: 'equal', value: null } },
  alias: { condition: 'big' },
};

// Custom operators a JavaScript host might register: plain ones (isType sees what a path
// resolved to, function or undefined), one that returns a number rather than a boolean (read as
// `=== true` in a list, by truthiness at the root and under not), and one that throws.
const CUSTOM_OPERATORS = {
  startsWith: (factValue, jsonValue) =>
    typeof factValue === 'string' && typeof jsonValue === 'string' && factValue.startsWith(jsonValue),
  lengthOf: ((factValue: unknown) =>
    Array.isArray(factValue) ? factValue.length : factValue) as OperatorFunction,
  isType: (factValue, jsonValue) => typeof factValue === jsonValue,
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
  fc.constantFrom('undefined', 'function', 'object', 'number', 'string'),
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
      .array(fc.tuple(fc.constantFrom(...KEYS, ...INHERITED_KEYS), tie('factValue')), { maxLength: 3 })
      .map((entries) => Object.fromEntries(entries)),
  ),
}));

// Constants in conditions are JSON without the inherited keys (the schema refuses them).
const { literal } = fc.letrec<{ literal: unknown }>((tie) => ({
  literal: fc.oneof(
    { depthSize: 'small', maxDepth: 2 },
    scalar.filter((value) => !Number.isNaN(value) && value !== Number.POSITIVE_INFINITY),
    { weight: 2, arbitrary: fc.array(tie('literal'), { maxLength: 3 }) },
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('literal')), { maxLength: 2 }).map(Object.fromEntries),
  ),
}));

const COMMON_FACTS = ['a', 'b', 'c'];
const MISSING = Symbol('missing');

// Common facts are usually there, the inherited names usually not; a missing fact is absent, not undefined.
const facts: fc.Arbitrary<RuleFacts> = fc
  .tuple(
    ...FACT_NAMES.map((name) =>
      fc.oneof(
        { weight: COMMON_FACTS.includes(name) ? 1 : 3, arbitrary: fc.constant(MISSING) },
        { weight: COMMON_FACTS.includes(name) ? 5 : 1, arbitrary: factValue },
      ),
    ),
  )
  .map((values) =>
    Object.fromEntries(
      FACT_NAMES.flatMap((name, index) => (values[index] === MISSING ? [] : [[name, values[index]]])),
    ),
  );

const factName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...COMMON_FACTS) },
  fc.constantFrom(...FACT_NAMES.filter((name) => !COMMON_FACTS.includes(name))),
);

// Iterating a constant that is not an array always throws, so those decorators come up less often.
const decorator = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('not', 'someFact', 'everyFact', 'swap') },
  { weight: 1, arbitrary: fc.constantFrom(...DECORATOR_NAMES) },
);

function operatorName(baseNames: readonly string[]): fc.Arbitrary<string> {
  const chain = fc
    .tuple(fc.array(decorator, { maxLength: 3 }), fc.constantFrom(...baseNames))
    .map(([decorators, base]) => [...decorators, base].join(':'));
  return fc.oneof({ weight: 30, arbitrary: chain }, fc.constantFrom('nope', 'bogus:equal', ':equal', 'not:'));
}

function optional<T>(arbitrary: fc.Arbitrary<T>) {
  return fc.option(arbitrary, { nil: undefined, freq: 2 });
}

function leaf(baseNames: readonly string[]) {
  const reference = fc
    .record({ fact: factName, path: optional(fc.constantFrom(...PATHS)) })
    .map(({ fact, path }) => (path === undefined ? { fact } : { fact, path }));
  return fc
    .record({
      fact: factName,
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
    const children = fc.oneof(fc.constant([]), {
      weight: 6,
      arbitrary: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
    });
    const list = (key: 'all' | 'any') =>
      fc
        .record({ [key]: children, priority })
        .map((record) => withoutUndefined(record) as unknown as Condition);
    const not = fc.record({ not: tie('node') }) as fc.Arbitrary<Condition>;
    const reference = fc
      .record({ condition: fc.constantFrom('big', 'present', 'alias', 'missing'), priority })
      .map(withoutUndefined);
    return {
      node: fc.oneof(
        { depthSize: 'small', maxDepth: 3 },
        { weight: 8, arbitrary: leaf(baseNames) },
        { weight: 2, arbitrary: list('all') },
        { weight: 2, arbitrary: list('any') },
        { weight: 1, arbitrary: not },
        { weight: 1, arbitrary: reference },
      ),
      root: fc.oneof(
        { weight: 4, arbitrary: list('all') },
        { weight: 4, arbitrary: list('any') },
        { weight: 2, arbitrary: not },
        { weight: 1, arbitrary: reference },
      ),
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
    await fc.assert(agreesWithJsonRulesEngine(OPERATOR_NAMES, undefined), { seed: SEED, numRuns: NUM_RUNS });
  });

  it('agrees with custom operators registered in both', async () => {
    const baseNames = [...OPERATOR_NAMES, ...Object.keys(CUSTOM_OPERATORS)];
    await fc.assert(agreesWithJsonRulesEngine(baseNames, CUSTOM_OPERATORS), {
      seed: SEED + 1,
      numRuns: NUM_RUNS,
    });
  });
});
