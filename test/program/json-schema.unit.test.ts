// The shipped program.schema.json: never stale (it must equal what the zod schema generates), a
// usable draft 2020-12 schema (named, recursive rule definitions; descriptions for editors), and
// one the SISO programme satisfies. No JSON Schema validator is a dependency, so the last is
// checked as structural facts rather than by running a validator.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sisoDocument from '../../examples/programs/siso.json';
import { programJsonSchema } from '../../src/program/json-schema.js';

type JsonObject = Record<string, unknown>;

const shipped = JSON.parse(
  readFileSync(new URL('../../program.schema.json', import.meta.url), 'utf8'),
) as JsonObject;
const schema = programJsonSchema();

/** Reads `schema.a.b.c`, failing the test with the path when something is missing. */
function at(root: unknown, ...keys: string[]): JsonObject {
  let node = root;
  for (const key of keys) {
    if (node === null || typeof node !== 'object' || !(key in node)) {
      throw new Error(`program.schema.json has no ${keys.join('.')} (stopped at ${key})`);
    }
    node = (node as JsonObject)[key];
  }
  return node as JsonObject;
}

const definitions = at(schema, '$defs');
const tierSchema = at(schema, 'properties', 'tiers', 'items');

describe('program.schema.json', () => {
  it('is exactly what the zod schema generates', () => {
    // A changed zod schema with a stale shipped file fails here, with what to do about it.
    expect(shipped, 'program.schema.json is stale: run `npm run schema` and commit the result').toEqual(
      schema,
    );
  });

  it('is a draft 2020-12 schema for one strict object, with an id and a title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://siso.dev/schemas/partner-engine/program.schema.json');
    expect(schema.title).toBe('Partner programme');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
  });

  it('requires the fields without defaults and lists every top-level field', () => {
    expect(schema.required).toEqual([
      'id',
      'name',
      'version',
      'currency',
      'rounding',
      'timeZone',
      'features',
      'tiers',
      'reviews',
      'holdPeriodDays',
      'payouts',
    ]);
    expect(Object.keys(at(schema, 'properties')).sort()).toEqual(
      [
        '$schema',
        'id',
        'name',
        'version',
        'currency',
        'rounding',
        'timeZone',
        'features',
        'tiers',
        'reviews',
        'holdPeriodDays',
        'payouts',
        'overrides',
        'customTermsUnlock',
        'badges',
        'leaderboards',
        'milestones',
        'versions',
      ].sort(),
    );
  });

  it('describes a tier as a strict object with every tier field', () => {
    expect(tierSchema.type).toBe('object');
    expect(tierSchema.additionalProperties).toBe(false);
    expect(tierSchema.required).toEqual(['id', 'name', 'rank', 'qualify', 'baseRate', 'unlocks']);
    expect(Object.keys(at(tierSchema, 'properties')).sort()).toEqual(
      [
        'id',
        'name',
        'rank',
        'qualify',
        'maintain',
        'baseRate',
        'referralBonusRate',
        'capacity',
        'unlocks',
        'message',
        'retroactive',
      ].sort(),
    );
  });

  it('gives every field a description an editor can show', () => {
    const undescribed: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      const properties = (node as JsonObject).properties as JsonObject | undefined;
      for (const [key, property] of Object.entries(properties ?? {})) {
        if (!('description' in (property as JsonObject))) undescribed.push(`${path}.${key}`);
      }
      for (const [key, child] of Object.entries(node)) visit(child, `${path}/${key}`);
    };
    visit(schema, '');
    // A field without one shows as a bare name when an editor hovers or completes it.
    expect(undescribed).toEqual([]);
  });

  it('writes rules as named $defs that refer to each other, so nesting is unbounded', () => {
    expect(Object.keys(definitions).sort()).toEqual([
      'AllCondition',
      'AnyCondition',
      'Comparison',
      'Condition',
      'ConditionReference',
      'FactReference',
      'NotCondition',
      'Rule',
    ]);
    expect(at(tierSchema, 'properties', 'qualify').$ref).toBe('#/$defs/Rule');
    expect(at(tierSchema, 'properties', 'maintain').$ref).toBe('#/$defs/Rule');
    expect(at(definitions, 'AllCondition', 'properties', 'all', 'items').$ref).toBe('#/$defs/Condition');
    expect(at(definitions, 'NotCondition', 'properties', 'not').$ref).toBe('#/$defs/Condition');
    expect(at(definitions, 'Condition').anyOf).toEqual([
      { $ref: '#/$defs/AllCondition' },
      { $ref: '#/$defs/AnyCondition' },
      { $ref: '#/$defs/NotCondition' },
      { $ref: '#/$defs/ConditionReference' },
      { $ref: '#/$defs/Comparison' },
    ]);
    expect(at(definitions, 'Comparison').required).toEqual(['fact', 'operator', 'value']);
  });

  it('has every $ref point at a definition that exists', () => {
    const references = new Set<string>();
    const visit = (node: unknown) => {
      if (node === null || typeof node !== 'object') return;
      const { $ref } = node as JsonObject;
      if (typeof $ref === 'string') references.add($ref);
      for (const child of Object.values(node)) visit(child);
    };
    visit(schema);
    for (const reference of references) {
      expect(reference).toMatch(/^#\/\$defs\//);
      expect(definitions).toHaveProperty(reference.slice('#/$defs/'.length));
    }
  });

  it('shows authors the rate and amount formats', () => {
    const rate = at(tierSchema, 'properties', 'baseRate');
    expect(rate.type).toBe('string');
    expect(new RegExp(rate.pattern as string).test('0.22')).toBe(true);
    expect(new RegExp(rate.pattern as string).test('1.5')).toBe(false);
    expect(at(schema, 'properties', 'rounding', 'enum')).toContain('HALF_EVEN');
  });
});

describe('examples/programs/siso.json against the schema', () => {
  const document = sisoDocument as JsonObject;

  it('points editors at the shipped schema', () => {
    expect(document.$schema).toBe('../../program.schema.json');
  });

  it('has every required key and no key the schema does not list', () => {
    const properties = Object.keys(at(schema, 'properties'));
    for (const key of schema.required as string[]) expect(document).toHaveProperty(key);
    for (const key of Object.keys(document)) expect(properties).toContain(key);
  });

  it('has tiers that use only listed tier fields and give every required one', () => {
    const tierFields = Object.keys(at(tierSchema, 'properties'));
    for (const tier of document.tiers as JsonObject[]) {
      for (const key of tierSchema.required as string[]) expect(tier).toHaveProperty(key);
      for (const key of Object.keys(tier)) expect(tierFields).toContain(key);
      expect(tier.baseRate).toMatch(new RegExp(at(tierSchema, 'properties', 'baseRate').pattern as string));
    }
  });

  it('has a rounding mode and review period the schema allows', () => {
    expect(at(schema, 'properties', 'rounding', 'enum')).toContain(document.rounding);
    expect(at(schema, 'properties', 'reviews', 'properties', 'period', 'enum')).toContain(
      (document.reviews as JsonObject).period,
    );
  });
});
