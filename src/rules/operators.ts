// json-rules-engine's operators and decorators, rewritten call for call so a compiled rule decides
// exactly as the library would, quirks included: each operator is `validator(fact) && callback`,
// and a name such as `not:someFact:in` is resolved the way the library's OperatorMap resolves it.

/** A comparison, with the signature of json-rules-engine's `engine.addOperator(name, callback)`. */
export type OperatorFunction = (factValue: unknown, jsonValue: unknown) => boolean;

type Decorator = (next: OperatorFunction) => OperatorFunction;

interface Searchable {
  indexOf(searched: unknown): number;
}

/** The library's `numberValidator`; numbers take a shortcut that gives the same answer. */
function isNumeric(factValue: unknown): boolean {
  if (typeof factValue === 'number') return !Number.isNaN(factValue);
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
}

// The casts below are deliberate: json-rules-engine applies JavaScript's own coercions (`"10" > 9`)
// and lets a value without `indexOf` throw, so we do the same rather than guard.
const BUILT_IN_OPERATORS: ReadonlyMap<string, OperatorFunction> = new Map<string, OperatorFunction>([
  ['equal', (factValue, jsonValue) => factValue === jsonValue],
  ['notEqual', (factValue, jsonValue) => factValue !== jsonValue],
  ['in', (factValue, jsonValue) => (jsonValue as Searchable).indexOf(factValue) > -1],
  ['notIn', (factValue, jsonValue) => (jsonValue as Searchable).indexOf(factValue) === -1],
  ['contains', (factValue, jsonValue) => Array.isArray(factValue) && factValue.indexOf(jsonValue) > -1],
  [
    'doesNotContain',
    (factValue, jsonValue) => Array.isArray(factValue) && factValue.indexOf(jsonValue) === -1,
  ],
  [
    'lessThan',
    (factValue, jsonValue) => isNumeric(factValue) && (factValue as number) < (jsonValue as number),
  ],
  [
    'lessThanInclusive',
    (factValue, jsonValue) => isNumeric(factValue) && (factValue as number) <= (jsonValue as number),
  ],
  [
    'greaterThan',
    (factValue, jsonValue) => isNumeric(factValue) && (factValue as number) > (jsonValue as number),
  ],
  [
    'greaterThanInclusive',
    (factValue, jsonValue) => isNumeric(factValue) && (factValue as number) >= (jsonValue as number),
  ],
]);

const DECORATORS: ReadonlyMap<string, Decorator> = new Map<string, Decorator>([
  [
    'someFact',
    (next) => (factValue, jsonValue) =>
      Array.isArray(factValue) && factValue.some((item) => next(item, jsonValue)),
  ],
  [
    'everyFact',
    (next) => (factValue, jsonValue) =>
      Array.isArray(factValue) && factValue.every((item) => next(item, jsonValue)),
  ],
  [
    'someValue',
    (next) => (factValue, jsonValue) => (jsonValue as unknown[]).some((item) => next(factValue, item)),
  ],
  [
    'everyValue',
    (next) => (factValue, jsonValue) => (jsonValue as unknown[]).every((item) => next(factValue, item)),
  ],
  ['swap', (next) => (factValue, jsonValue) => next(jsonValue, factValue)],
  ['not', (next) => (factValue, jsonValue) => !next(factValue, jsonValue)],
]);

/** The built-in operator names, in the library's order. */
export const OPERATOR_NAMES: readonly string[] = [...BUILT_IN_OPERATORS.keys()];

/** The decorator names; `not:everyFact:greaterThan` chains them with colons. */
export const DECORATOR_NAMES: readonly string[] = [...DECORATORS.keys()];

/** How an operator name breaks down: decorators outermost first, then the operator they wrap. */
export type OperatorChain =
  | {
      /** The name resolves. */
      readonly ok: true;
      /** Its decorators, outermost first: `not:someFact:in` has `['not', 'someFact']`. */
      readonly decorators: readonly string[];
      /** The operator they wrap. */
      readonly operator: string;
      /** Whether that operator is a custom one. */
      readonly custom: boolean;
    }
  | {
      /** The name does not resolve. */
      readonly ok: false;
      /** The part before a colon that is no decorator, when that is why. */
      readonly unknownDecorator?: string;
      /** The name, or its last part, that is no operator, when that is why. */
      readonly unknownOperator?: string;
    };

/**
 * An operator name that resolves: its decorators and the operator they wrap.
 *
 * @useDeclaredType
 */
export type ResolvedOperator = Extract<OperatorChain, { ok: true }>;

/**
 * Splits an operator name as json-rules-engine does: a name that is itself an operator (custom
 * operators first) wins; otherwise the part before the first colon must be a decorator.
 *
 * @example
 * parseOperatorName('not:someFact:in', {})
 * //=> { ok: true, decorators: ['not', 'someFact'], operator: 'in', custom: false }
 * parseOperatorName('nope:equal', {})
 * //=> { ok: false, unknownDecorator: 'nope' }
 */
export function parseOperatorName(
  name: string,
  custom: Readonly<Record<string, OperatorFunction>>,
): OperatorChain {
  const decorators: string[] = [];
  let rest = name;
  while (!Object.hasOwn(custom, rest) && !BUILT_IN_OPERATORS.has(rest)) {
    const colon = rest.indexOf(':');
    if (colon <= 0) return { ok: false, unknownOperator: rest };
    const decorator = rest.slice(0, colon);
    if (!DECORATORS.has(decorator)) return { ok: false, unknownDecorator: decorator };
    decorators.push(decorator);
    rest = rest.slice(colon + 1);
  }
  return { ok: true, decorators, operator: rest, custom: Object.hasOwn(custom, rest) };
}

/**
 * The function for an operator name, decorators applied (to custom operators too), or
 * `undefined` when json-rules-engine would reject the name as `Unknown operator`.
 *
 * @example
 * resolveOperator('not:contains', {})?.('certification', 'certification')
 * //=> true (a fact that is not an array never "contains", so `not:contains` holds)
 * resolveOperator('everyFact:greaterThan', {})?.([4, 5], 3)
 * //=> true
 * resolveOperator('unknown', {})
 * //=> undefined
 */
export function resolveOperator(
  name: string,
  custom: Readonly<Record<string, OperatorFunction>> = {},
): OperatorFunction | undefined {
  const chain = parseOperatorName(name, custom);
  if (!chain.ok) return undefined;
  let operator = chain.custom ? custom[chain.operator] : BUILT_IN_OPERATORS.get(chain.operator);
  if (operator === undefined) return undefined;
  for (const decorator of [...chain.decorators].reverse()) operator = DECORATORS.get(decorator)!(operator);
  return operator;
}

/** What is known, before any fact is seen, about one operand: a constant of the rule, or nothing. */
export interface Operand {
  /** Whether the value is known before any fact is seen (a constant of the rule). */
  readonly known: boolean;
  /** The constant, when it is known. */
  readonly value?: unknown;
}

/** An operand about which nothing is known: a fact's value. */
export const UNKNOWN_OPERAND: Operand = { known: false };

const NEVER_THROWING: ReadonlySet<string> = new Set(['equal', 'notEqual', 'contains', 'doesNotContain']);

/**
 * Whether an operator can throw on some input. Only the certain is called safe: strict equality,
 * `contains` (behind `Array.isArray`) and `in` over a constant array never coerce anything; a
 * numeric operator may meet an object whose `toString` throws, and a custom one may do anything.
 *
 * @example
 * operatorCanThrow(chainOf('not:in'), UNKNOWN_OPERAND, { known: true, value: ['gold'] })
 * //=> false
 * operatorCanThrow(chainOf('in'), UNKNOWN_OPERAND, { known: true, value: 5 })
 * //=> true (5 has no indexOf)
 * // where chainOf = (name) => parseOperatorName(name, {}) as ResolvedOperator
 */
export function operatorCanThrow(chain: ResolvedOperator, fact: Operand, value: Operand, depth = 0): boolean {
  const decorator = chain.decorators[depth];
  if (decorator === 'not') return operatorCanThrow(chain, fact, value, depth + 1);
  if (decorator === 'someFact' || decorator === 'everyFact') {
    return operatorCanThrow(chain, UNKNOWN_OPERAND, value, depth + 1);
  }
  if (decorator === 'swap') return operatorCanThrow(chain, value, fact, depth + 1);
  if (decorator === 'someValue' || decorator === 'everyValue') {
    if (!value.known || !Array.isArray(value.value)) return true;
    return value.value.some((item) => operatorCanThrow(chain, fact, { known: true, value: item }, depth + 1));
  }
  if (chain.custom) return true;
  if (NEVER_THROWING.has(chain.operator)) return false;
  if (chain.operator === 'in' || chain.operator === 'notIn')
    return !(value.known && Array.isArray(value.value));
  return true;
}
