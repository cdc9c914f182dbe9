// How deep a rule, or a whole document holding rules, may nest: checked with an explicit stack
// before anything recursive (zod's parse, the walkers, the compiler) sees the input, so a deep
// document is an issue with a path and a message, never a stack overflow.
import type { Issue, JsonPath } from '../issues.js';

/** The most `all`, `any` and `not` a rule may nest one inside another. */
export const MAX_CONDITION_DEPTH = 64;

/** The most objects and arrays an input may nest, rule constants included. */
export const MAX_NESTING_DEPTH = 256;

interface Frame {
  readonly value: unknown;
  readonly key: string | number;
  readonly parent: Frame | undefined;
  /** Objects and arrays from the root down to this value, itself included. */
  readonly depth: number;
  /** `all`, `any` and `not` entered on the way down. */
  readonly conditions: number;
  /** The object holding the outermost of those: where the rule starts. */
  readonly rule: Frame | undefined;
}

function pathOf(frame: Frame | undefined): JsonPath {
  const path: Array<string | number> = [];
  for (let at = frame; at?.parent !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

// A key that opens a nested condition: `all`/`any` with a list, `not` with one condition.
function opensCondition(parent: object, key: string | number, child: unknown): boolean {
  if (Array.isArray(parent)) return false;
  if (key === 'all' || key === 'any') return Array.isArray(child);
  return key === 'not' && isObject(child) && !Array.isArray(child);
}

function childFrame(frame: Frame, key: string | number, value: unknown): Frame {
  const opens = opensCondition(frame.value as object, key, value);
  return {
    value,
    key,
    parent: frame,
    depth: frame.depth + 1,
    conditions: frame.conditions + (opens ? 1 : 0),
    rule: opens ? (frame.rule ?? frame) : frame.rule,
  };
}

function children(frame: Frame): Frame[] {
  const value = frame.value as object;
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  // Only objects and arrays can nest; reversed, so the stack hands them back in document order.
  return entries
    .filter(([, child]) => isObject(child))
    .reverse()
    .map(([key, child]) => childFrame(frame, key, child));
}

function frameIssue(frame: Frame): Issue | undefined {
  if (frame.conditions > MAX_CONDITION_DEPTH) {
    return {
      path: pathOf(frame.rule),
      message: `this rule nests "all", "any" and "not" more than ${MAX_CONDITION_DEPTH} levels deep (the most is ${MAX_CONDITION_DEPTH})`,
    };
  }
  if (frame.depth > MAX_NESTING_DEPTH) {
    return {
      path: pathOf(frame),
      message: `objects and arrays nest more than ${MAX_NESTING_DEPTH} levels deep here (the most is ${MAX_NESTING_DEPTH})`,
    };
  }
  return undefined;
}

/**
 * The first place where an input nests too deep, or `undefined`. Conditions are found by their
 * keys, so a whole programme document can be checked before it is parsed; a cycle in a host's
 * object is caught the same way, as nesting without end.
 *
 * @example
 * let rule = { fact: 'countedDeals', operator: 'equal', value: 1 };
 * for (let level = 0; level < 100; level++) rule = { all: [rule] };
 * nestingIssue({ qualify: rule })
 * //=> { path: ['qualify'], message: 'this rule nests "all", "any" and "not" more than 64 levels deep (the most is 64)' }
 */
export function nestingIssue(input: unknown): Issue | undefined {
  const stack: Frame[] = [
    { value: input, key: '', parent: undefined, depth: 1, conditions: 0, rule: undefined },
  ];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (!isObject(frame.value)) continue;
    const issue = frameIssue(frame);
    if (issue !== undefined) return issue;
    for (const child of children(frame)) stack.push(child);
  }
  return undefined;
}
