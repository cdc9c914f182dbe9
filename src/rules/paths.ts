// The `path` of a condition, resolved as json-rules-engine resolves it: with jsonpath-plus, and
// only when the fact value is a non-null object. Plain property paths (`$.a.b`, `$['a']`, `a[0]`)
// compile to property reads that give jsonpath-plus's answers; anything else goes to jsonpath-plus.
import { JSONPath } from 'jsonpath-plus';

/** Reads a path out of a fact value. */
export type PathResolver = (factValue: unknown) => unknown;

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
  let segments: string[];
  try {
    segments = JSONPath.toPathArray(path);
  } catch {
    // jsonpath-plus throws on a few names ("constructor", "__proto__"); it will throw at run time too.
    return undefined;
  }
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
 * an empty path means no path.
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
  const read = names ? propertyReader(names) : (json: object) => JSONPath({ path, json, wrap: false });
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
  try {
    JSONPath.toPathArray(path);
    return undefined;
  } catch {
    return `jsonpath-plus cannot read the path ${JSON.stringify(path)} (write ${JSON.stringify(`$.${path}`)})`;
  }
}
