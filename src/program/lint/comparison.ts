// One comparison judged on what its fact can be: a literal the satisfiability check reasons
// with, or a constant (it always or never holds whatever happens), with the reason in words.
// Exact wherever the fact's values are a finite list (tier, tierRank): the real operator is run
// on each of them.
import type { JsonPath } from '../../issues.js';
import type { ReadonlyLeafCondition } from '../../rules/condition.js';
import { type OperatorFunction, parseOperatorName, resolveOperator } from '../../rules/operators.js';
import { didYouMean } from '../../rules/suggest.js';
import { consistent, type Literal, negate, type Range } from './literals.js';
import { pathSyntaxError } from './path-syntax.js';
import {
  factShape,
  type NumberShape,
  pathApplies,
  type Shape,
  type ShapeContext,
  shapeAtPath,
} from './shapes.js';

/** Why a comparison's outcome is fixed. */
export type ConstantCause = 'TYPE_MISMATCH' | 'UNKNOWN_ID' | 'CONSTANT';

export type Verdict =
  | { readonly kind: 'literal'; readonly literal: Literal }
  | {
      readonly kind: 'constant';
      readonly holds: boolean;
      readonly cause: ConstantCause;
      readonly reason: string;
      readonly suggestion?: string;
    };

/** Something to say about a comparison whatever the rule around it does (always a warning). */
export interface LeafNote {
  readonly code: 'VALUE_COERCED' | 'PATH_IGNORED' | 'UNKNOWN_ID' | 'TYPE_MISMATCH';
  /** Inside the comparison: ['value'], ['path'], … */
  readonly at: JsonPath;
  readonly message: string;
  readonly suggestion?: string;
}

export interface LeafAnalysis {
  readonly verdict: Verdict;
  readonly notes: readonly LeafNote[];
}

export interface LeafContext extends ShapeContext {
  readonly featureIds: readonly string[];
  readonly operators: Readonly<Record<string, OperatorFunction>>;
}

const shown = (value: unknown) => JSON.stringify(value);
const OPAQUE: Shape = { kind: 'opaque' };

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A comparison in words: `countedDeals greaterThanInclusive "three"`. */
export function describeLeaf(leaf: ReadonlyLeafCondition): string {
  const path = leaf.path === undefined || leaf.path === '' ? '' : ` (path ${shown(leaf.path)})`;
  return `${leaf.fact}${path} ${leaf.operator} ${shown(leaf.value)}`;
}

function atom(leaf: ReadonlyLeafCondition): Verdict {
  const { fact, operator, value, path, params } = leaf;
  return {
    kind: 'literal',
    literal: { type: 'atom', key: shown({ fact, operator, value, path, params }), positive: true },
  };
}

const constant = (holds: boolean, cause: ConstantCause, reason: string, suggestion?: string): Verdict => ({
  kind: 'constant',
  holds,
  cause,
  reason,
  ...(suggestion === undefined ? {} : { suggestion }),
});

const isReference = (value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'fact');

function keyOf(leaf: ReadonlyLeafCondition): string {
  return leaf.path === undefined || leaf.path === '' ? leaf.fact : `${leaf.fact}\u0000${leaf.path}`;
}

/**
 * What a comparison can do, and what to say about it.
 *
 * @example
 * analyseLeaf({ fact: 'countedDeals', operator: 'greaterThanInclusive', value: 'three' }, context).verdict
 * //=> { kind: 'constant', holds: false, cause: 'TYPE_MISMATCH', reason: 'countedDeals is a number and "three" is not one: …' }
 */
export function analyseLeaf(leaf: ReadonlyLeafCondition, context: LeafContext): LeafAnalysis {
  const notes: LeafNote[] = [];
  const chain = parseOperatorName(leaf.operator, context.operators);
  if (!chain.ok || chain.custom || isReference(leaf.value)) return { verdict: atom(leaf), notes };
  const base = factShape(leaf.fact, context);
  const path = leaf.path ?? '';
  if (path !== '' && !pathApplies(base)) {
    notes.push({
      code: 'PATH_IGNORED',
      at: ['path'],
      message: `${leaf.fact} is not an object, so json-rules-engine ignores the path ${shown(path)} and compares the whole value`,
      suggestion: 'remove the path',
    });
  }
  // A path that does not parse is reported as such (PATH_UNPARSABLE), not read as what it might mean.
  const shape = pathSyntaxError(path) === undefined ? shapeAtPath(leaf.fact, base, path, context) : OPAQUE;
  const verdict = decorated(chain.decorators, chain.operator, shape, leaf, context, notes);
  return { verdict: withinBounds(verdict, leaf), notes };
}

function boundsInWords(shape: NumberShape): string {
  const whole = shape.integer ? 'a whole number' : 'a number';
  if (shape.min === 0) return `${whole}, 0 or more`;
  return Number.isFinite(shape.min) ? `${whole}, ${shape.min} or more` : whole;
}

// A range the fact can never be in (countedDeals < 0), or never out of (countedDeals >= 0).
function withinBounds(verdict: Verdict, leaf: ReadonlyLeafCondition): Verdict {
  if (verdict.kind !== 'literal' || verdict.literal.type !== 'numbers') return verdict;
  const { shape } = verdict.literal;
  const holds = !consistent([negate(verdict.literal)]);
  if (consistent([verdict.literal]) && !holds) return verdict;
  const missing = shape.missing ? ' (or null)' : '';
  const reason = `${leaf.fact} is ${boundsInWords(shape)}${missing}, so it ${holds ? 'always' : 'never'} holds`;
  return constant(holds, 'CONSTANT', reason);
}

function decorated(
  decorators: readonly string[],
  operator: string,
  shape: Shape,
  leaf: ReadonlyLeafCondition,
  context: LeafContext,
  notes: LeafNote[],
): Verdict {
  if (shape.kind === 'enum' || shape.kind === 'absent' || shape.kind === 'by-tier') {
    return enumerated(shape, leaf, context);
  }
  const [decorator, ...rest] = decorators;
  if (decorator === 'not') {
    const inner = decorated(rest, operator, shape, leaf, context, notes);
    if (inner.kind === 'constant') return { ...inner, holds: !inner.holds };
    return inner.literal.type === 'atom' ? atom(leaf) : { kind: 'literal', literal: negate(inner.literal) };
  }
  if ((decorator === 'someFact' || decorator === 'everyFact') && shape.kind === 'number') {
    return constant(
      false,
      'TYPE_MISMATCH',
      `"${decorator}" needs a list fact and ${leaf.fact} is a number, so it never holds`,
    );
  }
  if (decorator !== undefined || shape.kind === 'opaque') return atom(leaf);
  if (shape.kind === 'number') return numberVerdict(operator, shape, leaf, notes);
  return listVerdict(operator, shape, leaf, context, notes);
}

// The values a comparison is run on, exactly, when its fact's value is one of a few.
function candidates(shape: Shape, context: ShapeContext): ReadonlyArray<unknown> {
  if (shape.kind === 'enum') return shape.values;
  if (shape.kind === 'by-tier') return [Object.fromEntries(context.tierIds.map((id) => [id, 0]))];
  return [undefined];
}

function holdsFor(operator: OperatorFunction, factValue: unknown, value: unknown): boolean | undefined {
  try {
    return operator(factValue, value) === true;
  } catch {
    return undefined;
  }
}

function enumerated(shape: Shape, leaf: ReadonlyLeafCondition, context: LeafContext): Verdict {
  const operator = resolveOperator(leaf.operator, context.operators);
  if (operator === undefined) return atom(leaf);
  const values = candidates(shape, context);
  const outcomes = values.map((candidate) => holdsFor(operator, candidate, leaf.value));
  if (outcomes.includes(undefined)) return atom(leaf);
  const holding = values.filter((_, index) => outcomes[index]);
  if (shape.kind === 'enum' && holding.length > 0 && holding.length < values.length) {
    return {
      kind: 'literal',
      literal: { type: 'one-of', key: keyOf(leaf), values: holding as Array<string | number>, shape },
    };
  }
  return enumeratedConstant(holding.length > 0, shape, leaf, context);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function enumeratedConstant(
  holds: boolean,
  shape: Shape,
  leaf: ReadonlyLeafCondition,
  context: LeafContext,
): Verdict {
  const outcome = holds ? 'always holds' : 'never holds';
  if (shape.kind === 'absent') {
    const suggestion = didYouMean(shape.name, shape.known);
    return constant(
      holds,
      'UNKNOWN_ID',
      `${shape.why}: the path reads nothing, so the comparison ${outcome}`,
      suggestion,
    );
  }
  if (shape.kind === 'by-tier') {
    const example = context.tierIds[1] ?? context.tierIds[0] ?? 'gold';
    return constant(
      holds,
      'TYPE_MISMATCH',
      `${leaf.fact} is an object with a number for each tier id, not a number, so the comparison ${outcome}`,
      `add a path such as ${shown(`$.${example}`)}`,
    );
  }
  const values = shape.kind === 'enum' ? shape.values : [];
  const list = values.map((value) => shown(value)).join(', ');
  if (leaf.fact === 'tier') {
    const unknown = strings(leaf.value).filter((id) => !context.tierIds.includes(id));
    const [first] = unknown;
    if (first !== undefined) {
      const reason = `there is no tier ${shown(first)} (the tiers are ${list}), so the comparison ${outcome}`;
      return constant(holds, 'UNKNOWN_ID', reason, didYouMean(first, context.tierIds));
    }
  }
  const kind = typeof values[0] === 'number' ? 'a number' : 'a string';
  if (typeName(leaf.value) !== kind && !Array.isArray(leaf.value)) {
    const reason = `${leaf.fact} is ${kind} (one of ${list}) and ${shown(leaf.value)} is ${typeName(leaf.value)}, so the comparison ${outcome}`;
    return constant(holds, 'TYPE_MISMATCH', reason);
  }
  return constant(
    holds,
    'CONSTANT',
    `${leaf.fact} is one of ${list}, and the comparison holds for ${holds ? 'every one' : 'none'} of them`,
  );
}

const range = (low: number, lowOpen: boolean, high: number, highOpen: boolean): Range => ({
  low,
  lowOpen,
  high,
  highOpen,
});

const NUMERIC_RANGES: Readonly<Record<string, (bound: number) => Range>> = {
  lessThan: (bound) => range(Number.NEGATIVE_INFINITY, true, bound, true),
  lessThanInclusive: (bound) => range(Number.NEGATIVE_INFINITY, true, bound, false),
  greaterThan: (bound) => range(bound, true, Number.POSITIVE_INFINITY, true),
  greaterThanInclusive: (bound) => range(bound, false, Number.POSITIVE_INFINITY, true),
};

function numbers(
  leaf: ReadonlyLeafCondition,
  shape: NumberShape,
  ranges: Range[],
  missing: boolean,
): Verdict {
  return { kind: 'literal', literal: { type: 'numbers', key: keyOf(leaf), ranges, missing, shape } };
}

function numberVerdict(
  operator: string,
  shape: NumberShape,
  leaf: ReadonlyLeafCondition,
  notes: LeafNote[],
): Verdict {
  const { value, fact } = leaf;
  const toRange = NUMERIC_RANGES[operator];
  if (toRange !== undefined) {
    // JavaScript's < and > turn the value into a number first ("3" is 3, null is 0, "three" is NaN).
    const bound = Number(value);
    if (Number.isNaN(bound)) {
      const reason = `${fact} is a number and ${shown(value)} is not one: "${operator}" compares them as numbers, so it never holds`;
      return constant(false, 'TYPE_MISMATCH', reason, 'write the value as a JSON number, such as 3');
    }
    if (typeof value !== 'number') {
      notes.push({
        code: 'VALUE_COERCED',
        at: ['value'],
        message: `${shown(value)} is ${typeName(value)}: "${operator}" compares ${fact} with it as the number ${bound}`,
        suggestion: `write ${bound}`,
      });
    }
    return numbers(leaf, shape, [toRange(bound)], false);
  }
  if (operator === 'equal' || operator === 'notEqual') return numberEquality(operator, shape, leaf);
  if (operator === 'in' || operator === 'notIn') return numberMembership(operator, shape, leaf, notes);
  const reason = `"${operator}" needs a list fact and ${fact} is a number, so it never holds (neither "contains" nor "doesNotContain" does)`;
  return constant(false, 'TYPE_MISMATCH', reason);
}

function numberEquality(
  operator: 'equal' | 'notEqual',
  shape: NumberShape,
  leaf: ReadonlyLeafCondition,
): Verdict {
  const { value, fact } = leaf;
  const equal = operator === 'equal';
  if (typeof value === 'number') {
    const point = numbers(leaf, shape, [range(value, false, value, false)], false);
    return equal || point.kind !== 'literal' ? point : { kind: 'literal', literal: negate(point.literal) };
  }
  if (value === null && shape.missing) return atom(leaf);
  const outcome = equal ? 'never holds' : 'always holds';
  const coerced = Number(value);
  const suggestion =
    typeof value === 'string' && !Number.isNaN(coerced) && value.trim() !== ''
      ? `write ${coerced}`
      : undefined;
  const reason = `${fact} is a number and ${shown(value)} is ${typeName(value)}: "${operator}" compares strictly (===), so it ${outcome}`;
  return constant(!equal, 'TYPE_MISMATCH', reason, suggestion);
}

function numberMembership(
  operator: 'in' | 'notIn',
  shape: NumberShape,
  leaf: ReadonlyLeafCondition,
  notes: LeafNote[],
): Verdict {
  const { value, fact } = leaf;
  // Anything but a list or a text is VALUE_NOT_SEARCHABLE, reported by the rule checks.
  if (!Array.isArray(value) && typeof value !== 'string') return atom(leaf);
  if (!Array.isArray(value)) {
    notes.push({
      code: 'TYPE_MISMATCH',
      at: ['value'],
      message: `"${operator}" with ${typeName(value)} looks for ${fact}'s digits inside the text ${shown(value)}`,
      suggestion: 'give a list of numbers, such as [1, 2, 3]',
    });
    return atom(leaf);
  }
  if (value.includes(null) && shape.missing) return atom(leaf);
  const points = value.filter((item): item is number => typeof item === 'number');
  if (points.length === 0) {
    const outcome = operator === 'in' ? 'never holds' : 'always holds';
    const reason = `${fact} is a number and no item of ${shown(value)} is one: "${operator}" compares strictly (===), so it ${outcome}`;
    return constant(operator === 'notIn', 'TYPE_MISMATCH', reason);
  }
  const found = numbers(
    leaf,
    shape,
    points.map((point) => range(point, false, point, false)),
    false,
  );
  return operator === 'in' || found.kind !== 'literal'
    ? found
    : { kind: 'literal', literal: negate(found.literal) };
}

function listVerdict(
  operator: string,
  shape: Extract<Shape, { kind: 'list' }>,
  leaf: ReadonlyLeafCondition,
  context: LeafContext,
  notes: LeafNote[],
): Verdict {
  const { value, fact } = leaf;
  if (operator === 'contains' || operator === 'doesNotContain') {
    return listContains(operator === 'contains', shape, leaf, context, notes);
  }
  const searched = operator === 'in' || operator === 'notIn';
  // in/notIn with anything but a list or a text is VALUE_NOT_SEARCHABLE, reported by the rule checks.
  if (searched && !Array.isArray(value) && typeof value !== 'string') return atom(leaf);
  if (
    operator === 'equal' ||
    operator === 'notEqual' ||
    ((operator === 'in' || operator === 'notIn') && Array.isArray(value))
  ) {
    const holds = operator === 'notEqual' || operator === 'notIn';
    const reason = `${fact} is a list, and a list is never === a constant, so "${operator}" ${holds ? 'always' : 'never'} holds`;
    return constant(
      holds,
      'TYPE_MISMATCH',
      reason,
      `use "${holds ? 'doesNotContain' : 'contains'}" to look for one ${shape.itemName}`,
    );
  }
  notes.push({
    code: 'TYPE_MISMATCH',
    at: ['operator'],
    message: `${fact} is a list of ${shape.item}s: "${operator}" compares the whole list as text (${shown(value)})`,
    suggestion: shape.item === 'number' ? 'add a path such as "$[0]" to compare one level' : 'use "contains"',
  });
  return atom(leaf);
}

function listContains(
  contains: boolean,
  shape: Extract<Shape, { kind: 'list' }>,
  leaf: ReadonlyLeafCondition,
  context: LeafContext,
  notes: LeafNote[],
): Verdict {
  const { value, fact, operator } = leaf;
  if (shape.item === 'number') {
    if (typeof value === 'number') return atom(leaf);
    const reason = `${fact} is a list of numbers and ${shown(value)} is ${typeName(value)}, so "${operator}" ${contains ? 'never' : 'always'} holds`;
    return constant(!contains, 'TYPE_MISMATCH', reason);
  }
  if (typeof value !== 'string') {
    const reason = `${fact} is a list of ${shape.itemName} ids (strings) and ${shown(value)} is ${typeName(value)}, so "${operator}" ${contains ? 'never' : 'always'} holds`;
    return constant(!contains, 'TYPE_MISMATCH', reason);
  }
  if (shape.universe !== undefined && !shape.universe.includes(value)) {
    const reason = `there is no ${shape.itemName} ${shown(value)} in the programme, so "${operator}" ${contains ? 'never' : 'always'} holds`;
    return constant(!contains, 'UNKNOWN_ID', reason, didYouMean(value, shape.universe));
  }
  if (fact === 'featuresUsed' && !context.featureIds.includes(value)) {
    const suggestion = didYouMean(value, context.featureIds);
    notes.push({
      code: 'UNKNOWN_ID',
      at: ['value'],
      message: `${shown(value)} is not a feature of the programme (a host may still report its use)`,
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }
  const literal: Literal = { type: 'member', key: fact, item: value, present: contains };
  return { kind: 'literal', literal };
}
