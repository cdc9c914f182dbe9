// Load-time checks of a rule: its shape, everything json-rules-engine would only find while
// running (an unknown fact, operator or named condition, an `in` with nothing to search, a path
// jsonpath-plus cannot read), and paths jsonpath-plus would run as code, each reported with its
// path inside the condition so a programme author can fix it before it runs.
import type { Issue, JsonPath } from '../issues.js';
import {
  conditionSchema,
  type ReadonlyCondition,
  type ReadonlyLeafCondition,
  type ReadonlyNestedCondition,
} from './condition.js';
import { nestingIssue } from './nesting.js';
import {
  DECORATOR_NAMES,
  OPERATOR_NAMES,
  type Operand,
  type OperatorChain,
  type OperatorFunction,
  parseOperatorName,
  UNKNOWN_OPERAND,
} from './operators.js';
import { refusedPath } from './paths.js';
import { closestName } from './suggest.js';

/**
 * What `checkCondition` checks a rule against: the facts, operators and named conditions it may
 * use.
 */
export interface CheckContext {
  /** The fact names a rule may use; a map may carry a description of each. */
  readonly facts: ReadonlyMap<string, string> | ReadonlySet<string>;
  /** Custom operators, by name. */
  readonly operators?: Readonly<Record<string, OperatorFunction>>;
  /** The names `{ condition: name }` may refer to. */
  readonly conditions?: ReadonlySet<string>;
}

/**
 * Called with each comparison of a rule and where it is.
 *
 * @inline
 */
type LeafVisitor = (leaf: ReadonlyLeafCondition, path: JsonPath) => void;
type ReferenceVisitor = (name: string, path: JsonPath) => void;

function children(node: ReadonlyNestedCondition, path: JsonPath): Array<[ReadonlyNestedCondition, JsonPath]> {
  if ('all' in node) return node.all.map((child, index) => [child, [...path, 'all', index]]);
  if ('any' in node) return node.any.map((child, index) => [child, [...path, 'any', index]]);
  if ('not' in node) return [[node.not, [...path, 'not']]];
  return [];
}

function walk(
  node: ReadonlyNestedCondition,
  path: JsonPath,
  onLeaf: LeafVisitor,
  onReference: ReferenceVisitor,
): void {
  if ('fact' in node) onLeaf(node, path);
  else if ('condition' in node) onReference(node.condition, path);
  for (const [child, childPath] of children(node, path)) walk(child, childPath, onLeaf, onReference);
}

/**
 * Calls `visitor` with every comparison in a condition and its path (references to named
 * conditions are not followed).
 *
 * @example
 * visitLeaves({ all: [{ fact: 'countedDeals', operator: 'greaterThan', value: 3 }] }, (leaf, path) =>
 *   console.log(leaf.fact, path))
 * //=> logs: countedDeals ['all', 0]
 */
export function visitLeaves(condition: ReadonlyCondition, visitor: LeafVisitor): void {
  walk(condition, [], visitor, () => {});
}

function referencedFact(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, 'fact')) return undefined;
  const { fact } = value as { fact: unknown };
  return typeof fact === 'string' ? fact : undefined;
}

/**
 * The facts a condition reads, in `fact` and in `value: { fact }`, sorted and without repeats.
 *
 * @example
 * factsUsed({ any: [
 *   { fact: 'revenue', operator: 'greaterThan', value: { fact: 'teamRevenue' } },
 *   { fact: 'countedDeals', operator: 'equal', value: 0 },
 * ] })
 * //=> ['countedDeals', 'revenue', 'teamRevenue']
 */
export function factsUsed(condition: ReadonlyCondition): string[] {
  const names = new Set<string>();
  visitLeaves(condition, (leaf) => {
    names.add(leaf.fact);
    const referenced = referencedFact(leaf.value);
    if (referenced !== undefined) names.add(referenced);
  });
  return [...names].sort();
}

/**
 * The named conditions a condition refers to with `{ condition: name }`, sorted and without repeats
 * (references inside those named conditions are not followed).
 *
 * @example
 * conditionsUsed({ any: [{ condition: 'isGold' }, { not: { condition: 'isSuspended' } }] })
 * //=> ['isGold', 'isSuspended']
 */
export function conditionsUsed(condition: ReadonlyCondition): string[] {
  const names = new Set<string>();
  walk(
    condition,
    [],
    () => {},
    (name) => names.add(name),
  );
  return [...names].sort();
}

function referencedPath(value: unknown): string | undefined {
  if (referencedFact(value) === undefined) return undefined;
  const { path } = value as { path?: unknown };
  return typeof path === 'string' ? path : undefined;
}

const quoted = (names: Iterable<string>) => [...names].map((name) => JSON.stringify(name)).join(', ');

function unknownOperatorMessage(
  leaf: ReadonlyLeafCondition,
  chain: Extract<OperatorChain, { ok: false }>,
  custom: Readonly<Record<string, OperatorFunction>>,
): string {
  const decorators = `decorators (before a colon, as in "not:contains"): ${quoted(DECORATOR_NAMES)}`;
  const operators = `operators: ${quoted([...OPERATOR_NAMES, ...Object.keys(custom)])}`;
  return chain.unknownDecorator !== undefined
    ? `unknown decorator ${JSON.stringify(chain.unknownDecorator)} in ${JSON.stringify(leaf.operator)}; ${decorators}`
    : `unknown operator ${JSON.stringify(chain.unknownOperator)}; ${operators}; ${decorators}`;
}

function operatorIssue(
  leaf: ReadonlyLeafCondition,
  path: JsonPath,
  context: CheckContext,
): Issue | undefined {
  const custom = context.operators ?? {};
  const chain = parseOperatorName(leaf.operator, custom);
  if (chain.ok) {
    const message = valueIssue(chain.decorators, chain.custom ? undefined : chain.operator, leaf.value);
    return message === undefined
      ? undefined
      : { path: [...path, 'value'], message, code: 'VALUE_NOT_SEARCHABLE' };
  }
  return unknownOperatorIssue(leaf, path, chain, custom);
}

function unknownOperatorIssue(
  leaf: ReadonlyLeafCondition,
  path: JsonPath,
  chain: Extract<OperatorChain, { ok: false }>,
  custom: Readonly<Record<string, OperatorFunction>>,
): Issue {
  const message = unknownOperatorMessage(leaf, chain, custom);
  const closest =
    chain.unknownDecorator !== undefined
      ? closestName(chain.unknownDecorator, DECORATOR_NAMES)
      : closestName(chain.unknownOperator ?? '', [...OPERATOR_NAMES, ...Object.keys(custom)]);
  const misspelt = chain.unknownDecorator ?? chain.unknownOperator ?? '';
  const suggestion =
    closest === undefined
      ? undefined
      : `did you mean ${JSON.stringify(leaf.operator.replace(misspelt, closest))}?`;
  return {
    path: [...path, 'operator'],
    message,
    code: 'UNKNOWN_OPERATOR',
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

// Follows the decorators to see what `in`/`notIn` and `someValue`/`everyValue` would be handed;
// a constant they cannot search or iterate makes json-rules-engine's run() reject every time.
function sideIssue(
  decorators: readonly string[],
  operator: string | undefined,
  fact: Operand,
  value: Operand,
): string | undefined {
  const [decorator, ...rest] = decorators;
  const shown = JSON.stringify(value.value);
  if (decorator === undefined) {
    if (operator !== 'in' && operator !== 'notIn') return undefined;
    if (!value.known || Array.isArray(value.value) || typeof value.value === 'string') return undefined;
    return `"${operator}" needs an array (or a string) to look in, not ${shown}: the rule would fail when it runs`;
  }
  if (decorator === 'swap') return sideIssue(rest, operator, value, fact);
  if (decorator === 'someFact' || decorator === 'everyFact')
    return sideIssue(rest, operator, UNKNOWN_OPERAND, value);
  if ((decorator === 'someValue' || decorator === 'everyValue') && value.known) {
    if (!Array.isArray(value.value)) {
      return `"${decorator}" needs an array value, not ${shown}: the rule would fail when it runs`;
    }
    for (const item of value.value) {
      const issue = sideIssue(rest, operator, fact, { known: true, value: item });
      if (issue !== undefined) return issue;
    }
    return undefined;
  }
  if (decorator === 'not') return sideIssue(rest, operator, fact, value);
  return sideIssue(rest, operator, fact, UNKNOWN_OPERAND);
}

function valueIssue(
  decorators: readonly string[],
  operator: string | undefined,
  value: unknown,
): string | undefined {
  const constant = referencedFact(value) === undefined;
  return sideIssue(
    decorators,
    operator,
    UNKNOWN_OPERAND,
    constant ? { known: true, value } : UNKNOWN_OPERAND,
  );
}

function unknownFactMessage(name: string, context: CheckContext): string {
  return `unknown fact ${JSON.stringify(name)}; the facts are: ${quoted([...context.facts.keys()].sort())}`;
}

function unknownFactIssue(name: string, path: JsonPath, context: CheckContext): Issue {
  const closest = closestName(name, context.facts.keys());
  return {
    path,
    message: unknownFactMessage(name, context),
    code: 'UNKNOWN_FACT',
    ...(closest === undefined ? {} : { suggestion: `did you mean ${JSON.stringify(closest)}?` }),
  };
}

function leafIssues(leaf: ReadonlyLeafCondition, path: JsonPath, context: CheckContext): Issue[] {
  const issues: Issue[] = [];
  if (!context.facts.has(leaf.fact)) issues.push(unknownFactIssue(leaf.fact, [...path, 'fact'], context));
  const referenced = referencedFact(leaf.value);
  if (referenced !== undefined && !context.facts.has(referenced)) {
    issues.push(unknownFactIssue(referenced, [...path, 'value', 'fact'], context));
  }
  issues.push(...pathIssues(leaf.path, [...path, 'path']));
  issues.push(...pathIssues(referencedPath(leaf.value), [...path, 'value', 'path']));
  const operator = operatorIssue(leaf, path, context);
  if (operator !== undefined) issues.push(operator);
  return issues;
}

function pathIssues(jsonPath: string | undefined, path: JsonPath): Issue[] {
  const message = jsonPath === undefined ? undefined : refusedPath(jsonPath);
  return message === undefined ? [] : [{ path, message, code: 'PATH_REFUSED' }];
}

function referenceIssues(name: string, path: JsonPath, context: CheckContext): Issue[] {
  if (context.conditions?.has(name)) return [];
  const known =
    context.conditions === undefined ? 'none are defined' : `known: ${quoted(context.conditions)}`;
  return [
    {
      path: [...path, 'condition'],
      message: `unknown condition ${JSON.stringify(name)}; ${known}`,
      code: 'UNKNOWN_CONDITION',
    },
  ];
}

/**
 * Checks a rule against the facts, operators and named conditions a programme offers, and
 * returns every problem with its path inside the rule (an empty list when it is sound).
 *
 * @example
 * checkCondition(
 *   { all: [{ fact: 'countedDeal', operator: 'greaterThan', value: 3 }] },
 *   { facts: new Set(['countedDeals']) },
 * )
 * //=> [{ path: ['all', 0, 'fact'], message: 'unknown fact "countedDeal"; the facts are: "countedDeals"',
 * //     code: 'UNKNOWN_FACT', suggestion: 'did you mean "countedDeals"?' }]
 */
export function checkCondition(input: unknown, context: CheckContext): Issue[] {
  const tooDeep = nestingIssue(input);
  if (tooDeep !== undefined) return [{ ...tooDeep, code: tooDeep.code ?? 'NESTING_TOO_DEEP' }];
  const parsed = conditionSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
      message: issue.message,
      code: 'RULE_SHAPE',
    }));
  }
  const issues: Issue[] = [];
  walk(
    parsed.data,
    [],
    (leaf, path) => issues.push(...leafIssues(leaf, path, context)),
    (name, path) => issues.push(...referenceIssues(name, path, context)),
  );
  return issues;
}

/**
 * The comparisons of a rule whose operator or decorator is unknown among these custom operators,
 * with the messages `checkCondition` gives; nothing for a rule that does not parse (that is
 * `checkCondition`'s to report). Cheap enough to run again whenever a rule is about to compile.
 *
 * @example
 * unknownOperatorIssues({ all: [{ fact: 'countedDeals', operator: 'divisibleBy', value: 5 }] }, {})
 * //=> [{ path: ['all', 0, 'operator'], message: 'unknown operator "divisibleBy"; operators: …' }]
 */
export function unknownOperatorIssues(
  input: unknown,
  operators: Readonly<Record<string, OperatorFunction>>,
): Issue[] {
  if (nestingIssue(input) !== undefined) return [];
  const parsed = conditionSchema.safeParse(input);
  if (!parsed.success) return [];
  const issues: Issue[] = [];
  visitLeaves(parsed.data, (leaf, path) => {
    const chain = parseOperatorName(leaf.operator, operators);
    if (!chain.ok) issues.push(unknownOperatorIssue(leaf, path, chain, operators));
  });
  return issues;
}
