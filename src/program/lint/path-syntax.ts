// Whether a path is well-formed JSONPath. jsonpath-plus never says no: "$.bogus[" quietly reads
// "$.bogus", "$.a]" reads a property called "$.a". A path in a programme must parse in full.

const DOTTED_NAME = /^[^.[\]]+/u;
const INTEGER = /^-?\d+$/u;
const SLICE = /^-?\d*:-?\d*(?::\d*)?$/u;
const BARE_NAME = /^[^'"[\]]+$/u;

/** Where a path stops parsing, and why; `undefined` when it parses. */
export interface PathSyntaxError {
  readonly at: number;
  readonly reason: string;
}

// A quoted name inside brackets, from the opening quote: the index after the closing one.
function quotedEnd(path: string, start: number): number | undefined {
  const quote = path[start];
  for (let index = start + 1; index < path.length; index++) {
    if (path[index] === '\\') index += 1;
    else if (path[index] === quote) return index + 1;
  }
  return undefined;
}

function bracketInner(inner: string): boolean {
  const trimmed = inner.trim();
  if (trimmed === '*' || INTEGER.test(trimmed) || SLICE.test(trimmed)) return true;
  return trimmed.split(',').every((part) => {
    const item = part.trim();
    if (item === '') return false;
    if (item.startsWith("'") || item.startsWith('"'))
      return item.length > 1 && item.endsWith(item[0] as string);
    return INTEGER.test(item) || BARE_NAME.test(item);
  });
}

// A bracket from its "[": the index after its "]", or an error.
function bracketEnd(path: string, start: number): number | PathSyntaxError {
  let index = start + 1;
  while (index < path.length && path[index] !== ']') {
    const character = path[index];
    if (character === "'" || character === '"') {
      const end = quotedEnd(path, index);
      if (end === undefined) return { at: index, reason: `the quote ${character} is never closed` };
      index = end;
    } else if (character === '[') {
      return { at: index, reason: 'a "[" inside a bracket' };
    } else index += 1;
  }
  if (index >= path.length) return { at: start, reason: 'this "[" is never closed' };
  if (!bracketInner(path.slice(start + 1, index))) {
    return {
      at: start,
      reason: `${JSON.stringify(path.slice(start, index + 1))} is not a name, index, wildcard or slice`,
    };
  }
  return index + 1;
}

function segmentEnd(path: string, index: number): number | PathSyntaxError {
  if (path[index] === '[') return bracketEnd(path, index);
  if (path[index] === ']') return { at: index, reason: 'a "]" with no "[" before it' };
  if (path[index] !== '.') return { at: index, reason: 'a segment must start with "." or "["' };
  const descent = path[index + 1] === '.';
  const start = index + (descent ? 2 : 1);
  if (path[start] === '[' && descent) return bracketEnd(path, start);
  if (path[start] === '*') return start + 1;
  const name = DOTTED_NAME.exec(path.slice(start));
  if (name === null) return { at: start, reason: `a name must follow ${descent ? '".."' : '"."'}` };
  return start + name[0].length;
}

/**
 * Why a path is not well-formed, or `undefined` when it is: `$` (or a first name) then `.name`,
 * `..name`, `.*`, `[0]`, `['name']`, `[*]`, `[0:2]` or `['a','b']` segments, nothing left over.
 *
 * @example
 * pathSyntaxError('$.bogus[')
 * //=> { at: 7, reason: 'this "[" is never closed' }
 * pathSyntaxError("$.teams['gold'].size")
 * //=> undefined
 */
export function pathSyntaxError(path: string): PathSyntaxError | undefined {
  if (path === '') return undefined;
  let index = 0;
  if (path.startsWith('$')) index = 1;
  else {
    const first = DOTTED_NAME.exec(path);
    if (first === null && !path.startsWith('['))
      return { at: 0, reason: 'a path starts with "$", a name or "["' };
    index = first?.[0].length ?? 0;
  }
  while (index < path.length) {
    const end = segmentEnd(path, index);
    if (typeof end !== 'number') return end;
    index = end;
  }
  return undefined;
}
