// The `path` of a condition, resolved as json-rules-engine resolves it: with jsonpath-plus, and
// only when the fact value is a non-null object. Only a plain subset is accepted at load (names,
// indexes, wildcards, one recursive descent, slices): jsonpath-plus runs filters as code.
import { JSONPath } from 'jsonpath-plus';

/** Reads a path out of a fact value. */
export type PathResolver = (factValue: unknown) => unknown;

/**
 * The longest path accepted, in characters. jsonpath-plus splits a path with regular expressions
 * whose time grows with the square of its length (40,000 characters take a second).
 */
export const MAX_PATH_LENGTH = 1_000;

// Segments that jsonpath-plus's `_trace` treats as something other than a property name.
const SPECIAL_SEGMENTS: ReadonlySet<string> = new Set(['*', '..', '^', '~', '$']);
const SLICE = /^(-?\d*):(-?\d*):?(\d*)$/u;
const SPECIAL_FIRST_CHARACTERS: ReadonlySet<string | undefined> = new Set(['(', '@', '`']);

function isPropertyName(segment: string): boolean {
  return !(
    SPECIAL_SEGMENTS.has(segment) ||
    SLICE.test(segment) ||
    segment.startsWith('?(') ||
    SPECIAL_FIRST_CHARACTERS.has(segment[0]) ||
    segment.includes(',')
  );
}

// The segments jsonpath-plus will trace, split by jsonpath-plus itself so that no trick of quoting
// can make us judge a different list than the one it evaluates.
function segmentsOf(path: string): string[] | undefined {
  try {
    return JSONPath.toPathArray(path);
  } catch {
    // jsonpath-plus throws on a few names ("constructor", "__proto__"); it will throw at run time too.
    return undefined;
  }
}

/**
 * The property names a path walks, as jsonpath-plus splits it, or `undefined` when the path uses
 * anything but plain property names (wildcards, filters, slices, recursive descent, ...).
 *
 * @example
 * propertyNames("$.directSubPartnersAtOrAbove['gold']")
 * //=> ['directSubPartnersAtOrAbove', 'gold']
 * propertyNames('$..amount')
 * //=> undefined
 */
export function propertyNames(path: string): readonly string[] | undefined {
  const segments = segmentsOf(path);
  if (segments === undefined) return undefined;
  if (segments[0] === '$' && segments.length > 1) segments.shift();
  return segments.every(isPropertyName) ? segments : undefined;
}

// jsonpath-plus follows a name only into a truthy value that has it as an own property.
function readProperty(value: unknown, name: string): unknown {
  return value && Object.hasOwn(value as object, name) ? (value as Record<string, unknown>)[name] : undefined;
}

function propertyReader(names: readonly string[]): (json: object) => unknown {
  const [first, second] = names;
  if (names.length === 1 && first !== undefined) return (json) => readProperty(json, first);
  if (names.length === 2 && first !== undefined && second !== undefined) {
    return (json) => readProperty(readProperty(json, first), second);
  }
  return (json) => {
    let value: unknown = json;
    for (const name of names) {
      if (!value || !Object.hasOwn(value as object, name)) return undefined;
      value = (value as Record<string, unknown>)[name];
    }
    return value;
  };
}

/**
 * Compiles a condition's `path` into a resolver with json-rules-engine's behaviour: a fact value
 * that is not a non-null object is returned as it is, a missing property gives `undefined`, and
 * an empty path means no path. jsonpath-plus is called with `eval: false`, so a filter or script
 * expression throws instead of running (`refusedPath` keeps them out of programmes).
 *
 * @example
 * compilePath('$.active')({ active: 3, gold: 1 })
 * //=> 3
 * compilePath('$.active')(7)
 * //=> 7 (not an object: the path is not applied)
 * compilePath('$.deals[*].amount')({ deals: [{ amount: 5 }] })
 * //=> [5] (a wildcard always gives an array)
 */
export function compilePath(path: string): PathResolver {
  if (path === '') return (factValue) => factValue;
  const names = propertyNames(path);
  const read = names
    ? propertyReader(names)
    : (json: object) => JSONPath({ path, json, wrap: false, eval: false });
  return (factValue) => (factValue !== null && typeof factValue === 'object' ? read(factValue) : factValue);
}

/**
 * Whether a path compiles to plain property reads (and so can never throw at run time).
 *
 * @example
 * isPropertyPath('$.a[0].b')
 * //=> true
 * isPropertyPath('$[?(@.amount > 10)]')
 * //=> false
 */
export function isPropertyPath(path: string): boolean {
  return path === '' || propertyNames(path) !== undefined;
}

/**
 * Why jsonpath-plus cannot read a path at all, or `undefined` when it can. jsonpath-plus looks
 * paths up in a plain-object cache, so a bare "constructor" or "__proto__" makes it throw.
 *
 * @example
 * unreadablePath('constructor')
 * //=> 'jsonpath-plus cannot read the path "constructor" (write "$.constructor")'
 * unreadablePath('$.constructor')
 * //=> undefined
 */
export function unreadablePath(path: string): string | undefined {
  if (segmentsOf(path) !== undefined) return undefined;
  return `jsonpath-plus cannot read the path ${JSON.stringify(path)} (write ${JSON.stringify(`$.${path}`)})`;
}

type SegmentKind = 'plain' | 'descent' | 'filter' | 'script' | 'other';

// What jsonpath-plus's `_trace` would do with a segment: follow it as data, or run it as code.
function kindOf(segment: string, first: boolean): SegmentKind {
  if (segment.startsWith('?(')) return 'filter';
  if (segment.startsWith('(')) return 'script';
  if (segment === '..') return 'descent';
  if (isPropertyName(segment) || segment === '*' || SLICE.test(segment)) return 'plain';
  if (segment === '$' && first) return 'plain';
  if (segment.includes(',')) return unionKind(segment);
  return 'other';
}

// jsonpath-plus traces each part of a union such as `[a,(code)]` as a segment of its own.
function unionKind(segment: string): SegmentKind {
  for (const part of segment.split(',')) {
    const kind = kindOf(part, false);
    if (kind !== 'plain') return kind === 'descent' ? 'other' : kind;
  }
  return 'plain';
}

const ACCEPTED =
  "a path may use names ($.a.b, $['a b']), indexes ($[0]), wildcards ($.*), one recursive descent ($..a) and slices ($[0:2])";

function segmentMessage(path: string, segment: string, kind: SegmentKind): string {
  const shown = `${JSON.stringify(path)} has ${JSON.stringify(segment)}`;
  if (kind === 'filter') return `${shown}, a filter expression jsonpath-plus would run as code; ${ACCEPTED}`;
  if (kind === 'script') return `${shown}, a script expression jsonpath-plus would run as code; ${ACCEPTED}`;
  return `${shown}, which is not a name, index, wildcard, recursive descent or slice; ${ACCEPTED}`;
}

/**
 * Why a programme may not use a path, or `undefined` when it may: the path is too long, cannot
 * be read, or leaves the plain subset. A filter (`[?(...)]`) or script (`[(...)]`) is code to
 * jsonpath-plus (it could change the facts it reads, throw, or backtrack for minutes); a second
 * recursive descent multiplies the work by the size of the fact again.
 *
 * @example
 * refusedPath("$.directSubPartnersAtOrAbove['gold']")
 * //=> undefined
 * refusedPath('$[?(@.amount > 10)]')
 * //=> '"$[?(@.amount > 10)]" has "?(@.amount > 10)", a filter expression jsonpath-plus would run as code; a path may use …'
 */
export function refusedPath(path: string): string | undefined {
  if (path.length > MAX_PATH_LENGTH) {
    return `the path is ${path.length} characters long; the most is ${MAX_PATH_LENGTH}`;
  }
  const segments = segmentsOf(path);
  if (segments === undefined) return unreadablePath(path);
  let descents = 0;
  for (const [index, segment] of segments.entries()) {
    const kind = kindOf(segment, index === 0);
    if (kind === 'descent') descents += 1;
    else if (kind !== 'plain') return segmentMessage(path, segment, kind);
  }
  if (descents <= 1) return undefined;
  return `${JSON.stringify(path)} has ${descents} recursive descents (".."); ${ACCEPTED}`;
}
