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

/** What nestingIssue calls a value a getter or proxy trap of the host threw on while it was read. */
export const UNREADABLE_MESSAGE = 'could not be read: reading it threw an error';

function unreadable(path: JsonPath): Issue {
  return { path, message: UNREADABLE_MESSAGE, code: 'UNREADABLE_VALUE' };
}

// Reading a host's object may run its code (a getter, a proxy trap): one that throws is an issue
// at what could not be read, never an exception out of a check.
function children(frame: Frame): Frame[] | Issue {
  const value = frame.value as object;
  let keys: Array<string | number>;
  try {
    keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  } catch {
    return unreadable(pathOf(frame));
  }
  const frames: Frame[] = [];
  for (const key of keys) {
    try {
      const child: unknown = (value as Record<string | number, unknown>)[key];
      // Only objects and arrays can nest.
      if (isObject(child)) frames.push(childFrame(frame, key, child));
    } catch {
      return unreadable([...pathOf(frame), key]);
    }
  }
  // Reversed, so the stack hands them back in document order.
  return frames.reverse();
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
 * object is caught the same way, as nesting without end. A value whose getter or proxy trap
 * throws is reported where it is, with code `UNREADABLE_VALUE`.
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
    const next = children(frame);
    if (!Array.isArray(next)) return next;
    for (const child of next) stack.push(child);
  }
  return undefined;
}
