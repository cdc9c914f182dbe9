// The atoms of the linter's reasoning: what one comparison says about one fact, as a set of
// values it holds for (a union of number ranges, a subset of a finite list, an item in a list, or
// an opaque proposition), with its negation, and whether several of them can hold at once.
import type { EnumShape, NumberShape } from './shapes.js';

/** An interval of numbers; an open end excludes its bound. */
export interface Range {
  readonly low: number;
  readonly lowOpen: boolean;
  readonly high: number;
  readonly highOpen: boolean;
}

export type Literal =
  /** The value read at `key` is a number in one of `ranges`, or missing when `missing`. */
  | {
      readonly type: 'numbers';
      readonly key: string;
      readonly ranges: readonly Range[];
      readonly missing: boolean;
      readonly shape: NumberShape;
    }
  /** The value read at `key` is one of `values` (out of the shape's). */
  | {
      readonly type: 'one-of';
      readonly key: string;
      readonly values: ReadonlyArray<string | number>;
      readonly shape: EnumShape;
    }
  /** The list at `key` has (or lacks) `item`. */
  | { readonly type: 'member'; readonly key: string; readonly item: string; readonly present: boolean }
  /** A comparison the linter does not look into, by its canonical text: it may hold or not. */
  | { readonly type: 'atom'; readonly key: string; readonly positive: boolean };

export const EVERYTHING: Range = {
  low: Number.NEGATIVE_INFINITY,
  lowOpen: true,
  high: Number.POSITIVE_INFINITY,
  highOpen: true,
};

/** Whether a range holds a value (a whole one when `integer`). */
export function rangeHasValue(range: Range, integer: boolean): boolean {
  if (!integer) {
    return range.low < range.high || (range.low === range.high && !range.lowOpen && !range.highOpen);
  }
  const low = Number.isFinite(range.low)
    ? range.lowOpen
      ? Math.floor(range.low) + 1
      : Math.ceil(range.low)
    : range.low;
  const high = Number.isFinite(range.high)
    ? range.highOpen
      ? Math.ceil(range.high) - 1
      : Math.floor(range.high)
    : range.high;
  return low <= high;
}

function intersectRange(a: Range, b: Range): Range {
  const [low, lowOpen] =
    a.low > b.low ? [a.low, a.lowOpen] : a.low < b.low ? [b.low, b.lowOpen] : [a.low, a.lowOpen || b.lowOpen];
  const [high, highOpen] =
    a.high < b.high
      ? [a.high, a.highOpen]
      : a.high > b.high
        ? [b.high, b.highOpen]
        : [a.high, a.highOpen || b.highOpen];
  return { low, lowOpen, high, highOpen };
}

/** The values in both sets of ranges. */
export function intersectRanges(a: readonly Range[], b: readonly Range[]): Range[] {
  const result: Range[] = [];
  for (const left of a) for (const right of b) result.push(intersectRange(left, right));
  return result.filter((range) => rangeHasValue(range, false));
}

/** The numbers in none of the ranges. */
export function complementRanges(ranges: readonly Range[]): Range[] {
  let rest: Range[] = [EVERYTHING];
  for (const range of ranges) {
    const below: Range = {
      low: Number.NEGATIVE_INFINITY,
      lowOpen: true,
      high: range.low,
      highOpen: !range.lowOpen,
    };
    const above: Range = {
      low: range.high,
      lowOpen: !range.highOpen,
      high: Number.POSITIVE_INFINITY,
      highOpen: true,
    };
    rest = intersectRanges(rest, [below, above]);
  }
  return rest;
}

/** The literal that holds exactly when this one does not. */
export function negate(literal: Literal): Literal {
  switch (literal.type) {
    case 'numbers':
      return { ...literal, ranges: complementRanges(literal.ranges), missing: !literal.missing };
    case 'one-of':
      return { ...literal, values: literal.shape.values.filter((value) => !literal.values.includes(value)) };
    case 'member':
      return { ...literal, present: !literal.present };
    case 'atom':
      return { ...literal, positive: !literal.positive };
    default: {
      const unexpected: never = literal;
      return unexpected;
    }
  }
}

function numbersConsistent(literals: ReadonlyArray<Extract<Literal, { type: 'numbers' }>>): boolean {
  const first = literals[0];
  if (first === undefined) return true;
  const { shape } = first;
  const bounds: Range = { low: shape.min, lowOpen: false, high: shape.max, highOpen: false };
  let ranges: Range[] = [bounds];
  let missing = shape.missing;
  for (const literal of literals) {
    ranges = intersectRanges(ranges, literal.ranges);
    missing = missing && literal.missing;
  }
  return missing || ranges.some((range) => rangeHasValue(range, shape.integer));
}

function groupConsistent(literals: readonly Literal[]): boolean {
  const first = literals[0];
  if (first === undefined) return true;
  if (first.type === 'numbers') return numbersConsistent(literals as Array<typeof first>);
  if (first.type === 'one-of') {
    let values = first.values;
    for (const literal of literals as Array<typeof first>)
      values = values.filter((value) => literal.values.includes(value));
    return values.length > 0;
  }
  // Members and atoms: the same proposition asked both ways.
  const asked = new Map<string, boolean>();
  for (const literal of literals) {
    const name = literal.type === 'member' ? literal.item : '';
    const positive =
      literal.type === 'member' ? literal.present : literal.type === 'atom' && literal.positive;
    const before = asked.get(name);
    if (before !== undefined && before !== positive) return false;
    asked.set(name, positive);
  }
  return true;
}

/** Whether every literal of a conjunction can hold at the same moment. */
export function consistent(literals: readonly Literal[]): boolean {
  const groups = new Map<string, Literal[]>();
  for (const literal of literals) {
    const group = `${literal.type}\u0000${literal.key}`;
    const members = groups.get(group);
    if (members) members.push(literal);
    else groups.set(group, [literal]);
  }
  for (const group of groups.values()) if (!groupConsistent(group)) return false;
  return true;
}
