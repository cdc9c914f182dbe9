// The linter's two small tools: the edit distance behind "did you mean", and the JSONPath
// syntax check behind PATH_UNPARSABLE.
import { describe, expect, it } from 'vitest';
import { pathSyntaxError } from '../../src/program/lint/path-syntax.js';
import { closestName, didYouMean, editDistance } from '../../src/rules/suggest.js';

describe('editDistance', () => {
  it.each([
    ['countedDeal', 'countedDeals', 1], // one insertion
    ['greaterThanInclsuive', 'greaterThanInclusive', 1], // one swap of neighbours
    ['kitten', 'sitting', 3], // k→s, e→i, +g
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%s → %s is %i', (from, to, distance) => {
    expect(editDistance(from, to)).toBe(distance);
    expect(editDistance(to, from)).toBe(distance);
  });
});

describe('closestName and didYouMean', () => {
  it('offers the nearest known name within a third of the length, ignoring case', () => {
    expect(closestName('countedeals', ['countedDeals', 'dealsClosed'])).toBe('countedDeals');
    expect(didYouMean('activ', ['starter', 'active'])).toBe('did you mean "active"?');
  });

  it('offers nothing for a name far from every known one, or for the name itself', () => {
    // "banana" is 6 letters: at most 2 edits, and every candidate is further.
    expect(closestName('banana', ['countedDeals', 'tier'])).toBeUndefined();
    expect(closestName('tier', ['tier'])).toBeUndefined();
  });
});

describe('pathSyntaxError', () => {
  it.each([
    '',
    '$',
    '$.x',
    'x',
    'a.b',
    '$[0]',
    "$['a b']",
    '$["a"]',
    '$.deals[*].amount',
    '$..amount',
    '$..*',
    '$[0:2]',
    '$[1:]',
    "$['a','b']",
    '$.__proto__',
    '$.0',
  ])('accepts %j', (path) => {
    expect(pathSyntaxError(path)).toBeUndefined();
  });

  it.each([
    ['$.bogus[', 7, 'this "[" is never closed'],
    ['$.a]', 3, 'a "]" with no "[" before it'],
    ["$['a", 2, "the quote ' is never closed"],
    ['$.a.', 4, 'a name must follow "."'],
    ['$.a..', 5, 'a name must follow ".."'],
    ['$.[a]', 2, 'a name must follow "."'],
    ['$[a b c', 1, 'this "[" is never closed'],
  ])('refuses %j at index %i: %s', (path, at, reason) => {
    expect(pathSyntaxError(path)).toEqual({ at, reason });
  });
});
