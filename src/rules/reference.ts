// The real json-rules-engine, run on one condition: the reference our compiled predicates are
// tested against, and offered to hosts who want the library's own answer for a rule.
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { JSONPath } from 'jsonpath-plus';
import { conditionsUsed } from './check.js';
import type { CompileOptions, RuleFacts } from './compile.js';
import type { ReadonlyCondition } from './condition.js';

/** The same options as `compileCondition`, with the same defaults. */
export type ReferenceOptions = CompileOptions;

// The library rewrites the conditions it is given (priorities, references), so it gets a copy.
const copy = (condition: ReadonlyCondition) => structuredClone(condition) as TopLevelCondition;

function undefinedConditions(
  condition: ReadonlyCondition,
  named: Readonly<Record<string, ReadonlyCondition>>,
): string[] {
  const used = [condition, ...Object.values(named)].flatMap(conditionsUsed);
  return [...new Set(used)].filter((name) => !Object.hasOwn(named, name));
}

// The library throws synchronously on an unknown named condition, orphaning the promises of the
// siblings it had already started; their failures then surface as unhandled rejections, which end
// a Node process. A stand-in that fails as an unknown operator rejects the same runs, cleanly.
function standInFor(name: string): TopLevelCondition {
  return { all: [{ fact: name, operator: `(no condition named ${JSON.stringify(name)})`, value: null }] };
}

// The library's own path resolver with script evaluation off: a filter in a host's rule throws
// (and the run rejects) instead of running as code.
const pathResolver = (value: object, path: string): unknown =>
  JSONPath({ path, json: value, wrap: false, eval: false });

/**
 * Evaluates a condition with json-rules-engine itself: one rule, the facts as runtime facts,
 * custom operators added with `addOperator` and named conditions with `setCondition`, and
 * jsonpath-plus called as the library calls it but with `eval: false`.
 * Resolves to whether the rule fired; rejects where `Engine.run` rejects (a named condition that
 * does not exist rejects as an unknown operator, see `standInFor`).
 *
 * @example
 * await evaluateWithJsonRulesEngine(
 *   { all: [{ fact: 'countedDeals', operator: 'greaterThanInclusive', value: 10 }] },
 *   { countedDeals: 7 },
 * )
 * //=> false
 */
export async function evaluateWithJsonRulesEngine(
  condition: ReadonlyCondition,
  facts: RuleFacts,
  options: ReferenceOptions = {},
): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: options.allowUndefinedFacts ?? true, pathResolver });
  for (const [name, operator] of Object.entries(options.operators ?? {})) engine.addOperator(name, operator);
  const named = options.conditions ?? {};
  for (const [name, condition] of Object.entries(named)) engine.setCondition(name, copy(condition));
  for (const name of undefinedConditions(condition, named)) engine.setCondition(name, standInFor(name));
  engine.addRule({ conditions: copy(condition), event: { type: 'condition-holds' } });
  // Own properties only, as compiled rules read them (the library would also take inherited ones).
  const { results } = await engine.run({ ...facts });
  return results.length > 0;
}
