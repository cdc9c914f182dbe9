// The real json-rules-engine, run on one condition: the reference our compiled predicates are
// tested against, and offered to hosts who want the library's own answer for a rule.
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { CompileOptions, Facts } from './compile.js';
import type { Condition } from './condition.js';

/** The same options as `compileCondition`, with the same defaults. */
export type ReferenceOptions = CompileOptions;

// The library rewrites the conditions it is given (priorities, references), so it gets a copy.
const copy = (condition: Condition) => structuredClone(condition) as TopLevelCondition;

/**
 * Evaluates a condition with json-rules-engine itself: one rule, the facts as runtime facts,
 * custom operators added with `addOperator` and named conditions with `setCondition`.
 * Resolves to whether the rule fired; rejects where `Engine.run` rejects.
 *
 * @example
 * await evaluateWithJsonRulesEngine(
 *   { all: [{ fact: 'countedDeals', operator: 'greaterThanInclusive', value: 10 }] },
 *   { countedDeals: 7 },
 * )
 * //=> false
 */
export async function evaluateWithJsonRulesEngine(
  condition: Condition,
  facts: Facts,
  options: ReferenceOptions = {},
): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: options.allowUndefinedFacts ?? true });
  for (const [name, operator] of Object.entries(options.operators ?? {})) engine.addOperator(name, operator);
  for (const [name, named] of Object.entries(options.conditions ?? {}))
    engine.setCondition(name, copy(named));
  engine.addRule({ conditions: copy(condition), event: { type: 'condition-holds' } });
  // Own properties only, as compiled rules read them (the library would also take inherited ones).
  const { results } = await engine.run({ ...facts });
  return results.length > 0;
}
