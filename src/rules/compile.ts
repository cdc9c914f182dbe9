// Compiles a json-rules-engine condition once into a synchronous predicate over a facts object,
// deciding as the library's Engine.run decides (the differential test holds us to it): priority
// groups, `=== true` results, and throwing a RuleEvaluationError wherever run() would reject,
// except that a path jsonpath-plus fails on (a filter, never run) fails only its comparison.
import { formatPath } from '../issues.js';
import {
  type Condition,
  conditionSchema,
  type LeafCondition,
  type NestedCondition,
  type ReadonlyCondition,
} from './condition.js';
import { nestingIssue } from './nesting.js';
import {
  type OperatorFunction,
  operatorCanThrow,
  parseOperatorName,
  type ResolvedOperator,
  resolveOperator,
  UNKNOWN_OPERAND,
} from './operators.js';
import { compilePath, isPropertyPath } from './paths.js';

/** The facts a rule is judged on, by name; only own properties count. */
export type RuleFacts = Readonly<Record<string, unknown>>;

/** A compiled rule: true when the condition holds for these facts. */
export type Predicate = (facts: RuleFacts) => boolean;

/**
 * Options of `compileCondition`: custom operators, named conditions, and how a missing fact reads.
 */
export interface CompileOptions {
  /** Custom operators, as json-rules-engine's `addOperator(name, callback)`; decorators apply to them. */
  readonly operators?: Readonly<Record<string, OperatorFunction>>;
  /** Named conditions for `{ condition: name }`, as json-rules-engine's `setCondition(name, condition)`. */
  readonly conditions?: Readonly<Record<string, ReadonlyCondition>>;
  /** A fact missing from the facts object reads as `undefined` (the default) instead of throwing. */
  readonly allowUndefinedFacts?: boolean;
}

/**
 * Why a compiled rule could not be judged: a bad condition, an unknown operator, condition or fact,
 * a cycle of named conditions, or an operator that threw.
 */
export type RuleEvaluationErrorCode =
  | 'INVALID_CONDITION'
  | 'UNKNOWN_OPERATOR'
  | 'UNDEFINED_FACT'
  | 'UNKNOWN_CONDITION'
  | 'CONDITION_CYCLE'
  | 'EVALUATION_FAILED';

/**
 * Thrown where json-rules-engine's `run()` would reject; `cause` keeps an operator's own error.
 *
 * @example
 * const rule = compileCondition(
 *   { all: [{ fact: 'countedDeals', operator: 'greaterThan', value: 3 }] },
 *   { allowUndefinedFacts: false },
 * );
 * try {
 *   rule({});
 * } catch (error) {
 *   if (error instanceof RuleEvaluationError) error.code;
 *   //=> 'UNDEFINED_FACT'
 * }
 */
export class RuleEvaluationError extends Error {
  /** What went wrong, as a stable code. */
  readonly code: RuleEvaluationErrorCode;

  constructor(code: RuleEvaluationErrorCode, message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.name = 'RuleEvaluationError';
    this.code = code;
  }
}

type Evaluate = (facts: RuleFacts) => boolean;
type ReadFact = (facts: RuleFacts) => unknown;

/** A compiled node, and whether evaluating it can throw (which forbids skipping it, see compileLevel). */
interface Compiled {
  readonly evaluate: Evaluate;
  readonly canThrow: boolean;
}

/** How json-rules-engine reads a comparison's result: `=== true` inside a list, truthiness elsewhere. */
type ResultUse = 'strict' | 'truthy';

interface Scope {
  readonly operators: Readonly<Record<string, OperatorFunction>>;
  readonly allowUndefinedFacts: boolean;
  readonly conditions: ReadonlyMap<string, Condition>;
  readonly compiledConditions: Map<string, Compiled | 'compiling'>;
}

const ALWAYS_TRUE: Compiled = { evaluate: () => true, canThrow: false };

function throwing(code: RuleEvaluationErrorCode, message: string): Compiled {
  return {
    evaluate: () => {
      throw new RuleEvaluationError(code, message);
    },
    canThrow: true,
  };
}

// Only own properties are facts. A name that no object inherits (anything but `constructor`,
// `__proto__`, `toString`, ...) can be read directly, which is several times faster than asking
// `Object.hasOwn` first; for the others the check is needed.
function ownPropertyRead(name: string): ReadFact {
  if (name in Object.prototype) return (facts) => (Object.hasOwn(facts, name) ? facts[name] : undefined);
  return (facts) => facts[name];
}

/** What a path that throws while running reads as: the comparison it is in fails. */
const PATH_FAILED: unique symbol = Symbol('path failed');

function compileFactRead(name: string, path: string | undefined, scope: Scope): ReadFact {
  const readOwn = ownPropertyRead(name);
  const read: ReadFact = scope.allowUndefinedFacts
    ? readOwn
    : (facts) => {
        const value = readOwn(facts);
        if (value !== undefined || Object.hasOwn(facts, name)) return value;
        throw new RuleEvaluationError('UNDEFINED_FACT', `Undefined fact: ${name}`);
      };
  if (path === undefined || path === '') return read;
  const resolve = compilePath(path);
  if (isPropertyPath(path)) return (facts) => resolve(read(facts));
  // jsonpath-plus may throw (on a filter, which eval: false refuses to run, or on a name it cannot
  // look up): that fails the comparison, not the whole evaluation. A missing fact still throws.
  return (facts) => {
    const factValue = read(facts);
    try {
      return resolve(factValue);
    } catch {
      return PATH_FAILED;
    }
  };
}

const hasPathThroughJsonPath = (path: string | undefined) => !isPropertyPath(path ?? '');

// Built-in operators and every decorator but swap return booleans; only a bare (or swapped)
// custom operator can hand back something else, which json-rules-engine then reads per `use`.
function settle(operator: OperatorFunction, chain: ResolvedOperator, use: ResultUse): OperatorFunction {
  if (!chain.custom || chain.decorators.some((decorator) => decorator !== 'swap')) return operator;
  return use === 'strict'
    ? (factValue, jsonValue) => operator(factValue, jsonValue) === true
    : (factValue, jsonValue) => Boolean(operator(factValue, jsonValue));
}

function isFactReference(value: unknown): value is { fact: string; path?: string } {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact');
}

function compileLeaf(leaf: LeafCondition, use: ResultUse, scope: Scope): Compiled {
  const chain = parseOperatorName(leaf.operator, scope.operators);
  const operator = resolveOperator(leaf.operator, scope.operators);
  if (!chain.ok || operator === undefined)
    return throwing('UNKNOWN_OPERATOR', `Unknown operator: ${leaf.operator}`);
  const compare = settle(operator, chain, use);
  const readFact = compileFactRead(leaf.fact, leaf.path, scope);
  const { value } = leaf;
  const factCanThrow = !scope.allowUndefinedFacts;
  if (isFactReference(value)) {
    const readValue = compileFactRead(value.fact, value.path, scope);
    const guarded = hasPathThroughJsonPath(leaf.path) || hasPathThroughJsonPath(value.path);
    return {
      evaluate: guarded
        ? (facts) => compareRead(compare, readFact(facts), readValue(facts))
        : (facts) => compare(readFact(facts), readValue(facts)),
      canThrow: factCanThrow || operatorCanThrow(chain, UNKNOWN_OPERAND, UNKNOWN_OPERAND),
    };
  }
  return {
    evaluate: hasPathThroughJsonPath(leaf.path)
      ? (facts) => compareRead(compare, readFact(facts), value)
      : (facts) => compare(readFact(facts), value),
    canThrow: factCanThrow || operatorCanThrow(chain, UNKNOWN_OPERAND, { known: true, value }),
  };
}

// Both sides are read before either is judged, so a missing fact throws as it would without a path.
function compareRead(compare: OperatorFunction, factValue: unknown, jsonValue: unknown): boolean {
  return factValue === PATH_FAILED || jsonValue === PATH_FAILED ? false : compare(factValue, jsonValue);
}

function allOf(evaluators: readonly Evaluate[]): Evaluate {
  const [first, second, third] = evaluators;
  if (first === undefined) return () => true;
  if (second === undefined) return first;
  if (third === undefined) return (facts) => first(facts) && second(facts);
  if (evaluators.length === 3) return (facts) => first(facts) && second(facts) && third(facts);
  return (facts) => {
    for (const evaluate of evaluators) if (!evaluate(facts)) return false;
    return true;
  };
}

function anyOf(evaluators: readonly Evaluate[]): Evaluate {
  const [first, second, third] = evaluators;
  if (first === undefined) return () => false;
  if (second === undefined) return first;
  if (third === undefined) return (facts) => first(facts) || second(facts);
  if (evaluators.length === 3) return (facts) => first(facts) || second(facts) || third(facts);
  return (facts) => {
    for (const evaluate of evaluators) if (evaluate(facts)) return true;
    return false;
  };
}

// One priority level. json-rules-engine starts every member at once (Promise.all), so an error in
// any member rejects even when another already decided the answer: members that can throw are
// all evaluated, then the safe ones short-circuit.
function compileLevel(kind: 'all' | 'any', members: readonly Compiled[]): Compiled {
  const risky = members.filter((member) => member.canThrow).map((member) => member.evaluate);
  const safe = members.filter((member) => !member.canThrow).map((member) => member.evaluate);
  const combine = kind === 'all' ? allOf : anyOf;
  if (risky.length <= 1) return { evaluate: combine([...risky, ...safe]), canThrow: risky.length === 1 };
  const rest = combine(safe);
  const decisive = kind === 'any';
  const evaluate: Evaluate = (facts) => {
    let decided = false;
    for (const member of risky) if (member(facts) === decisive) decided = true;
    return decided ? decisive : rest(facts);
  };
  return { evaluate, canThrow: true };
}

function byPriority(children: readonly NestedCondition[]): NestedCondition[][] {
  const levels = new Map<number, NestedCondition[]>();
  for (const child of children) {
    const priority = child.priority ?? 1;
    const level = levels.get(priority);
    if (level === undefined) levels.set(priority, [child]);
    else level.push(child);
  }
  return [...levels.entries()].sort(([left], [right]) => right - left).map(([, level]) => level);
}

// An empty list holds; a single child's raw result is passed up as it is; longer lists are split
// into priority levels, higher first, and a decided answer skips the lower levels.
function compileList(
  kind: 'all' | 'any',
  children: readonly NestedCondition[],
  use: ResultUse,
  scope: Scope,
) {
  const [only] = children;
  if (only === undefined) return ALWAYS_TRUE;
  if (children.length === 1) return compileNode(only, use, scope);
  const levels = byPriority(children).map((level) =>
    compileLevel(
      kind,
      level.map((child) => compileNode(child, 'strict', scope)),
    ),
  );
  const combine = kind === 'all' ? allOf : anyOf;
  return {
    evaluate: combine(levels.map((level) => level.evaluate)),
    canThrow: levels.some((level) => level.canThrow),
  };
}

function compileReference(name: string, scope: Scope): Compiled {
  const known = scope.compiledConditions.get(name);
  if (known === 'compiling') return throwing('CONDITION_CYCLE', `Condition ${name} refers to itself`);
  if (known !== undefined) return known;
  const condition = scope.conditions.get(name);
  if (condition === undefined) return throwing('UNKNOWN_CONDITION', `No condition ${name} exists`);
  scope.compiledConditions.set(name, 'compiling');
  const compiled = compileBoolean(condition, 'strict', scope);
  scope.compiledConditions.set(name, compiled);
  return compiled;
}

// `use` is how the parent reads this node's result; json-rules-engine reads a nested boolean node
// with `=== true` itself, so only the root passes truthiness down.
function compileBoolean(node: Condition, use: ResultUse, scope: Scope): Compiled {
  if ('all' in node) return compileList('all', node.all, use, scope);
  if ('any' in node) return compileList('any', node.any, use, scope);
  if ('not' in node) {
    const child = compileNode(node.not, 'truthy', scope);
    const evaluate = child.evaluate;
    return { evaluate: (facts) => !evaluate(facts), canThrow: child.canThrow };
  }
  return compileReference(node.condition, scope);
}

function compileNode(node: NestedCondition, use: ResultUse, scope: Scope): Compiled {
  return 'fact' in node ? compileLeaf(node, use, scope) : compileBoolean(node, 'strict', scope);
}

function parseCondition(condition: unknown, where: string): Condition {
  const tooDeep = nestingIssue(condition);
  if (tooDeep !== undefined) {
    throw new RuleEvaluationError(
      'INVALID_CONDITION',
      `${where}: ${formatPath(tooDeep.path)}: ${tooDeep.message}`,
    );
  }
  const parsed = conditionSchema.safeParse(condition);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    return `${formatPath(path)}: ${issue.message}`;
  });
  throw new RuleEvaluationError('INVALID_CONDITION', `${where}: ${problems.join('; ')}`);
}

function asRuleEvaluationError(error: unknown): RuleEvaluationError {
  if (error instanceof RuleEvaluationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RuleEvaluationError('EVALUATION_FAILED', message, { cause: error });
}

/**
 * Compiles a condition once into a fast synchronous predicate that decides exactly as
 * json-rules-engine's `Engine.run` would with the facts given as runtime facts.
 *
 * @throws {RuleEvaluationError} `INVALID_CONDITION` here when the condition (or a named one) is
 *   malformed; the predicate throws where `run()` would reject (unknown operator or condition,
 *   an undefined fact when not allowed, an operator that throws such as `in` against a number).
 *   A path jsonpath-plus throws on (a filter or script, which is never run, or a bare
 *   "constructor") makes its comparison false instead; `checkCondition` refuses such paths.
 * @example
 * const gold = compileCondition({
 *   all: [
 *     { fact: 'countedDeals', operator: 'greaterThanInclusive', value: 3 },
 *     { fact: 'trainingsCompleted', operator: 'contains', value: 'certification' },
 *   ],
 * });
 * gold({ countedDeals: 7, trainingsCompleted: ['certification'] })
 * //=> true
 * gold({ countedDeals: 2, trainingsCompleted: ['certification'] })
 * //=> false
 */
export function compileCondition(condition: ReadonlyCondition, options: CompileOptions = {}): Predicate {
  const conditions = new Map<string, Condition>();
  for (const [name, named] of Object.entries(options.conditions ?? {})) {
    conditions.set(name, parseCondition(named, `condition ${name}`));
  }
  const scope: Scope = {
    operators: options.operators ?? {},
    allowUndefinedFacts: options.allowUndefinedFacts ?? true,
    conditions,
    compiledConditions: new Map(),
  };
  const compiled = compileBoolean(parseCondition(condition, 'rule'), 'truthy', scope);
  const root = compiled.evaluate;
  const predicate: Predicate = (facts) => {
    try {
      return root(facts);
    } catch (error) {
      throw asRuleEvaluationError(error);
    }
  };
  if (compiled.canThrow) mayThrow.add(predicate);
  return predicate;
}

/** The predicates whose judging may throw (a custom operator, `in` on a value read from a fact). */
const mayThrow = new WeakSet<Predicate>();

/**
 * Whether judging a compiled rule may throw (where json-rules-engine's `run()` would reject): then
 * it must be judged wherever json-rules-engine would judge it, never skipped or judged early.
 *
 * @example
 * predicateMayThrow(compileCondition({ all: [{ fact: 'countedDeals', operator: 'greaterThan', value: 3 }] }))
 * //=> false
 */
export function predicateMayThrow(predicate: Predicate): boolean {
  return mayThrow.has(predicate);
}
