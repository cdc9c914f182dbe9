// Can a rule hold, can it fail? The rule is put in disjunctive normal form over the literals of
// its comparisons (a list of conjunctions, each pruned as soon as it contradicts itself); a rule
// that leaves no consistent conjunction never holds. Past a size limit the answer is "unknown",
// and unknown never becomes a finding: the linter only claims what it has shown.
import type { JsonPath } from '../../issues.js';
import type { ReadonlyLeafCondition, ReadonlyNestedCondition } from '../../rules/condition.js';
import type { Verdict } from './comparison.js';
import { consistent, type Literal, negate } from './literals.js';

/** A disjunction of conjunctions; `[]` never holds, `[[]]` always holds, `null` is unknown. */
export type NormalForm = ReadonlyArray<readonly Literal[]> | null;

export const ALWAYS: NormalForm = [[]];
export const NEVER: NormalForm = [];

/** Conjunctions kept at most; a larger rule is "unknown". */
const MOST_CONJUNCTIONS = 512;

export function and(left: NormalForm, right: NormalForm): NormalForm {
  if (left === null || right === null) return left === NEVER || right === NEVER ? NEVER : null;
  const result: Array<readonly Literal[]> = [];
  for (const a of left) {
    for (const b of right) {
      const both = [...a, ...b];
      if (!consistent(both)) continue;
      result.push(both);
      if (result.length > MOST_CONJUNCTIONS) return null;
    }
  }
  return result;
}

export function or(left: NormalForm, right: NormalForm): NormalForm {
  if (left === null || right === null) return null;
  if (left.length + right.length > MOST_CONJUNCTIONS) return null;
  return [...left, ...right];
}

/** Whether some moment can make it hold (unknown counts as yes). */
export const canHold = (form: NormalForm): boolean => form === null || form.length > 0;

/** How the leaves of a rule are judged (cached by the caller). */
export type LeafJudge = (leaf: ReadonlyLeafCondition, path: JsonPath) => Verdict;

function leafForm(verdict: Verdict, positive: boolean): NormalForm {
  if (verdict.kind === 'constant') return verdict.holds === positive ? ALWAYS : NEVER;
  const literal = positive ? verdict.literal : negate(verdict.literal);
  return consistent([literal]) ? [[literal]] : NEVER;
}

function listForm(
  children: readonly ReadonlyNestedCondition[],
  path: JsonPath,
  combine: (left: NormalForm, right: NormalForm) => NormalForm,
  start: NormalForm,
  positive: boolean,
  judge: LeafJudge,
): NormalForm {
  let form = start;
  children.forEach((child, index) => {
    form = combine(form, normalForm(child, [...path, index], positive, judge));
  });
  return form;
}

/**
 * The normal form of a condition holding (`positive`) or failing, with json-rules-engine's
 * reading of empty lists: `{ "all": [] }` and `{ "any": [] }` both hold.
 */
export function normalForm(
  node: ReadonlyNestedCondition,
  path: JsonPath,
  positive: boolean,
  judge: LeafJudge,
): NormalForm {
  if ('fact' in node) return leafForm(judge(node, path), positive);
  if ('not' in node) return normalForm(node.not, [...path, 'not'], !positive, judge);
  if ('all' in node) {
    return positive
      ? listForm(node.all, [...path, 'all'], and, ALWAYS, true, judge)
      : listForm(node.all, [...path, 'all'], or, NEVER, false, judge);
  }
  if ('any' in node) {
    if (node.any.length === 0) return positive ? ALWAYS : NEVER;
    return positive
      ? listForm(node.any, [...path, 'any'], or, NEVER, true, judge)
      : listForm(node.any, [...path, 'any'], and, ALWAYS, false, judge);
  }
  const literal: Literal = { type: 'atom', key: `condition\u0000${node.condition}`, positive: true };
  return [[positive ? literal : negate(literal)]];
}
