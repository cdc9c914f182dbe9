// Paths: plain property paths compile to property reads that must answer as jsonpath-plus does
// (own properties only, strings and arrays included); everything else is jsonpath-plus itself.
import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it } from 'vitest';
import { compilePath, isPropertyPath, propertyNames } from '../../src/rules/paths.js';

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
