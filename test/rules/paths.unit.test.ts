// Paths: plain property paths compile to property reads that must answer as jsonpath-plus does
// (own properties only, strings and arrays included); everything else is jsonpath-plus itself,
// with script evaluation off, and programmes may use only the plain subset (refusedPath).
import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it, vi } from 'vitest';
import {
  compilePath,
  isPropertyPath,
  MAX_PATH_LENGTH,
  propertyNames,
  refusedPath,
} from '../../src/rules/paths.js';

const jsonPathPlus = (path: string, json: object) => JSONPath({ path, json, wrap: false });

describe('propertyNames', () => {
  it('splits plain paths, with or without $, dots or brackets', () => {
    expect(propertyNames('$.a.b')).toEqual(['a', 'b']);
    expect(propertyNames('a.b')).toEqual(['a', 'b']);
    expect(propertyNames('$.a[0]')).toEqual(['a', '0']);
    expect(propertyNames("$['a']")).toEqual(['a']);
    expect(propertyNames("$['x y'].z")).toEqual(['x y', 'z']);
  });

  it('refuses wildcards, recursive descent, filters, slices, unions and the root alone', () => {
    for (const path of ['$.*', '$..a', '$[?(@.a > 1)]', '$.a[1:2]', "$['a','b']", '$', '$.a.^', '$.@x']) {
      expect(propertyNames(path), path).toBeUndefined();
    }
  });

  it('refuses the paths jsonpath-plus itself throws on ("constructor", "__proto__")', () => {
    expect(() => jsonPathPlus('constructor', {})).toThrow();
    expect(propertyNames('constructor')).toBeUndefined();
    expect(propertyNames('__proto__')).toBeUndefined();
  });
});

describe('compilePath', () => {
  const partner = JSON.parse(
    '{"directSubPartnersAtOrAbove": {"gold": 2, "active": 3}, "deals": [{"amount": 5}, {"amount": 7}],' +
      ' "name": "Ada", "__proto__": {"x": 1}}',
  ) as object;

  it('reads plain paths the way jsonpath-plus does', () => {
    expect(compilePath('$.directSubPartnersAtOrAbove.active')(partner)).toBe(3);
    expect(compilePath("directSubPartnersAtOrAbove['gold']")(partner)).toBe(2);
    expect(compilePath('$.deals[1].amount')(partner)).toBe(7);
    expect(compilePath('$.deals.length')(partner)).toBe(2);
    expect(compilePath('$.name.length')(partner)).toBe(3); // "Ada" has 3 characters
  });

  it('gives undefined for a missing property, and for inherited ones such as constructor', () => {
    expect(compilePath('$.directSubPartnersAtOrAbove.platinum')(partner)).toBeUndefined();
    expect(compilePath('$.constructor')(partner)).toBeUndefined();
    expect(compilePath('$.name.toString')(partner)).toBeUndefined();
    expect(compilePath('$.deals.0.amount.x')(partner)).toBeUndefined();
  });

  it('reads an own "__proto__" key like any other key', () => {
    expect(compilePath('$.__proto__.x')(partner)).toBe(1);
    expect(compilePath("$['__proto__']")(partner)).toEqual({ x: 1 });
  });

  it('agrees with jsonpath-plus on every plain path of a table', () => {
    const paths = [
      '$.deals[0].amount',
      'name',
      '$.__proto__',
      '$.constructor',
      '$.deals[2]',
      "$['deals'][1]",
      '$.a.',
    ];
    for (const path of paths) {
      expect(compilePath(path)(partner), path).toEqual(jsonPathPlus(path, partner));
    }
  });

  it('hands other paths to jsonpath-plus: a wildcard gives an array even for one match', () => {
    expect(compilePath('$.deals[*].amount')(partner)).toEqual([5, 7]);
    expect(compilePath('$..gold')(partner)).toEqual([2]);
    expect(compilePath('$')(partner)).toBe(partner);
  });

  it('applies no path to a value that is not a non-null object', () => {
    expect(compilePath('$.active')(7)).toBe(7);
    expect(compilePath('$.length')('Ada')).toBe('Ada');
    expect(compilePath('$.active')(null)).toBeNull();
    expect(compilePath('$.active')(undefined)).toBeUndefined();
  });

  it('treats an empty path as no path', () => {
    expect(compilePath('')(partner)).toBe(partner);
    expect(isPropertyPath('')).toBe(true);
  });

  it('throws where jsonpath-plus throws', () => {
    expect(() => compilePath('constructor')(partner)).toThrow();
    expect(isPropertyPath('constructor')).toBe(false);
  });

  it('does not mutate the fact value', () => {
    const before = JSON.stringify(partner);
    compilePath('$.deals[*].amount')(partner);
    compilePath('$.deals[0].amount')(partner);
    expect(JSON.stringify(partner)).toBe(before);
  });
});

const ACCEPTED =
  "a path may use names ($.a.b, $['a b']), indexes ($[0]), wildcards ($.*), one recursive descent ($..a) and slices ($[0:2])";

// Payloads of the kind reported against jsonpath-plus (CVE-2024-21534, CVE-2025-1302), a filter
// that writes into the fact it reads, and a regex literal that backtracks exponentially.
const CODE_PATHS = {
  exit: "$[?(@.constructor.constructor('return process')().exit())]",
  constructorChain: `$..[?(p="console.log(this.process)";a=''[['constructor']][['constructor']](p);a())]`,
  push: "$[?(@.length>0 && @root.push('x'))]",
  backtracking: '$[?(/^(a+)+$/.test(@))]',
};

describe('refusedPath', () => {
  it('accepts names, quoted names, indexes, wildcards, one recursive descent, slices and unions of names', () => {
    const accepted = [
      '$.a.b',
      'a.b',
      "$['x y'].z",
      '$["x"]',
      '$[0]',
      '$[-1]',
      '$.__proto__',
      "$['__proto__']",
      '$.constructor',
      '$',
      '$.*',
      '$[*].amount',
      '$..amount',
      '$..*',
      '$.deals[0:2]',
      '$[1:]',
      "$['a','b']",
      '',
    ];
    for (const path of accepted) expect(refusedPath(path), path).toBeUndefined();
  });

  it('refuses every filter as code jsonpath-plus would run, naming the expression', () => {
    expect(refusedPath(CODE_PATHS.push)).toBe(
      `"$[?(@.length>0 && @root.push('x'))]" has "?(@.length>0 && @root.push('x'))", a filter expression jsonpath-plus would run as code; ${ACCEPTED}`,
    );
    expect(refusedPath(CODE_PATHS.exit)).toBe(
      `${JSON.stringify(CODE_PATHS.exit)} has "?(@.constructor.constructor('return process')().exit())", a filter expression jsonpath-plus would run as code; ${ACCEPTED}`,
    );
    // The recursive descent is fine on its own; the filter after it is not.
    expect(refusedPath(CODE_PATHS.constructorChain)).toMatch(/^".*" has "\?\(p=.*", a filter expression/);
    expect(refusedPath(CODE_PATHS.backtracking)).toMatch(
      /a filter expression jsonpath-plus would run as code/,
    );
  });

  it('refuses a filter however it is written: unbracketed, quoted or nested in a path', () => {
    // jsonpath-plus turns a quoted "?(...)" into a filter too, so it is judged by its own split.
    for (const path of ["$['?(@.x)']", '$.a[?(@.b)].c', '$..[?(@)]', '?(@.a)']) {
      expect(refusedPath(path), path).toMatch(/a filter expression jsonpath-plus would run as code/);
    }
  });

  it('refuses script expressions, alone or inside a union', () => {
    expect(refusedPath('$[(@.length-1)]')).toBe(
      `"$[(@.length-1)]" has "(@.length-1)", a script expression jsonpath-plus would run as code; ${ACCEPTED}`,
    );
    expect(refusedPath('$[a,(@.length)]')).toMatch(/has "a,\(@.length\)", a script expression/);
  });

  it('refuses what is neither code nor plain: parent, property name, type selectors, escapes, a later $', () => {
    for (const path of ['$.a^', '$.a~', '$.@string()', '$.@other()', '$.`a', '$.a.$']) {
      expect(refusedPath(path), path).toMatch(
        /which is not a name, index, wildcard, recursive descent or slice/,
      );
    }
  });

  it('refuses a second recursive descent, which multiplies the work by the size of the fact', () => {
    expect(refusedPath('$..a..b')).toBe(`"$..a..b" has 2 recursive descents (".."); ${ACCEPTED}`);
  });

  it('refuses a path longer than 1,000 characters before jsonpath-plus splits it', () => {
    expect(refusedPath(`$.${'a'.repeat(MAX_PATH_LENGTH - 2)}`)).toBeUndefined();
    expect(refusedPath(`$.${'a'.repeat(MAX_PATH_LENGTH - 1)}`)).toBe(
      'the path is 1001 characters long; the most is 1000',
    );
    // 40,000 characters of "[(" take jsonpath-plus's splitter about a second; the length goes first.
    expect(refusedPath(`$${'[('.repeat(20_000)}`)).toMatch(/^the path is 40001 characters long/);
  });

  it('keeps the message for a path jsonpath-plus cannot read at all', () => {
    expect(refusedPath('constructor')).toBe(
      'jsonpath-plus cannot read the path "constructor" (write "$.constructor")',
    );
  });
});

// jsonpath-plus runs every filter and script through this method; a spy on it sees any attempt.
const evaluator = JSONPath.prototype as unknown as { _eval: (...args: unknown[]) => unknown };

describe('compilePath never runs code', () => {
  it('never reaches jsonpath-plus\u2019s evaluator, which its default settings would call', () => {
    const spy = vi.spyOn(evaluator, '_eval');
    try {
      for (const path of Object.values(CODE_PATHS)) {
        expect(() => compilePath(path)([{ a: 1 }]), path).toThrow(/prevented/);
      }
      expect(spy).not.toHaveBeenCalled();
      // The spy does see evaluations: jsonpath-plus's default (eval: "safe") runs the filter.
      JSONPath({ path: '$[?(@.a)]', json: [{ a: 1 }], wrap: false });
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('throws on a filter instead of running it: the fact it reads is left as it was', () => {
    // With jsonpath-plus's default (eval: "safe") this filter pushes "x" into the array it reads.
    const trainings = ['certification'];
    expect(() => compilePath(CODE_PATHS.push)(trainings)).toThrow(
      'Eval [?(expr)] prevented in JSONPath expression.',
    );
    expect(trainings).toEqual(['certification']);
  });

  it('throws at once on a backtracking regex literal and on script expressions', () => {
    // Run, /^(a+)+$/ against 24 "a"s and a "b" takes jsonpath-plus more than half a second;
    // "prevented" means it was never started.
    expect(() => compilePath(CODE_PATHS.backtracking)([`${'a'.repeat(24)}b`])).toThrow(/prevented/);
    expect(() => compilePath('$[(@.length-1)]')([1, 2])).toThrow(
      'Eval [(expr)] prevented in JSONPath expression.',
    );
  });
});
