// The shape of a json-rules-engine condition as a zod schema: the source of the TypeScript types
// and of the JSON Schema. A node is told apart by the key it carries (all, any, not, condition, or
// else a comparison), so a mistake is reported where it is: `all[0].operator`, not "no union matched".
import { z } from 'zod';

type ChooseOption = (input: unknown) => number | undefined;

interface KeyedUnionDef extends z.core.$ZodUnionDef {
  choose: ChooseOption;
  missing: string;
}

function isObject(input: unknown): input is Readonly<Record<string, unknown>> {
  return input !== null && typeof input === 'object' && !Array.isArray(input);
}

// A union that parses with the one option `choose` picks, the way zod's own discriminatedUnion
// picks by a tag. A plain union would report a bad leaf deep inside as a failed union at the root.
const ZodKeyedUnion = z.core.$constructor<z.ZodUnion, KeyedUnionDef>('ZodKeyedUnion', (instance, def) => {
  z.ZodUnion.init(instance, def);
  instance._zod.parse = (payload, context) => {
    const input = payload.value;
    const option = def.options[def.choose(input) ?? -1];
    if (option !== undefined) return option._zod.run(payload, context);
    if (isObject(input)) payload.issues.push({ code: 'custom', message: def.missing, input, inst: instance });
    else payload.issues.push({ code: 'invalid_type', expected: 'object', input, inst: instance });
    return payload;
  };
});

function keyedUnion<const Options extends readonly [z.core.SomeType, ...z.core.SomeType[]]>(
  options: Options,
  choose: ChooseOption,
  missing: string,
): z.ZodUnion<Options> {
  const error = (issue: z.core.$ZodRawIssue) => (issue.input === undefined ? 'is required' : undefined);
  const union = new ZodKeyedUnion({
    type: 'union',
    options: options as unknown as readonly z.core.$ZodType[],
    choose,
    missing,
    error,
  });
  return union as unknown as z.ZodUnion<Options>;
}

const factNameSchema = z
  .string({ error: 'must be a fact name (a string)' })
  .min(1, 'must be a non-empty fact name')
  .describe('The name of a fact, e.g. "countedDeals".');
const nameSchema = z.string().describe('A label for people; evaluation ignores it.');
const prioritySchema = z
  .int({ error: 'must be a whole number of at least 1' })
  .min(1, 'must be a whole number of at least 1')
  .describe('Siblings with a higher priority are evaluated first; the default is 1.');
const pathSchema = z
  .string({ error: 'must be a JSONPath string such as "$.active"' })
  .describe('A JSONPath into the fact value, e.g. "$.active"; applied only when the value is an object.');
const paramsSchema = z
  .record(z.string(), z.unknown())
  .describe('Parameters for a computed fact; facts given as values ignore them.');

/** `value: { fact, path? }`: compare against another fact instead of a constant. */
export const factReferenceSchema = z
  .strictObject({
    /** The other fact, e.g. "monthDeals". */
    fact: factNameSchema,
    /** Parameters for a computed fact; facts given as values ignore them. */
    params: paramsSchema.optional(),
    /** A JSONPath into the other fact's value, e.g. "$.count". */
    path: pathSchema.optional(),
  })
  .describe('Another fact to compare against, e.g. { "fact": "monthDeals" }.');

function inheritedKeyIn(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const keys = Object.keys(value);
  const inherited = keys.find((key) => key in Object.prototype);
  if (inherited !== undefined) return inherited;
  for (const key of keys) {
    const nested = inheritedKeyIn((value as Record<string, unknown>)[key]);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

// json-rules-engine copies constants with `clone`, which drops keys such as "toString" or
// "constructor" and turns "__proto__" into a prototype; refusing those keys keeps both
// evaluators (and every host) clear of the trap.
const literalValueSchema = z
  .unknown()
  .refine((value) => inheritedKeyIn(value) === undefined, {
    error: (issue) =>
      `must not use ${JSON.stringify(inheritedKeyIn(issue.input))} as a key: every object has one`,
  })
  .describe(
    'A constant: a number, string, boolean, null, array or object (an object with "fact" is a reference).',
  );

// json-rules-engine reads any object value with an own "fact" key as a reference to a fact.
const valueSchema = keyedUnion(
  [factReferenceSchema, literalValueSchema],
  (input) => {
    if (input === undefined) return undefined;
    return input !== null && typeof input === 'object' && Object.hasOwn(input, 'fact') ? 0 : 1;
  },
  'must be a value',
).describe('What the fact is compared with: a constant or { "fact": ... }.');

/** A comparison: `{ fact, operator, value, path?, params? }`. */
export const leafConditionSchema = z
  .strictObject({
    /** The fact compared, e.g. "countedDeals". */
    fact: factNameSchema,
    /** A built-in or custom operator, optionally decorated: "not:contains", "someFact:equal". */
    operator: z
      .string({ error: 'must be an operator name such as "greaterThanInclusive"' })
      .min(1, 'must be a non-empty operator name')
      .describe('A built-in or custom operator, optionally decorated: "not:contains", "someFact:equal".'),
    /** What the fact is compared with: a constant or `{ "fact": ... }`. */
    value: valueSchema,
    /** A JSONPath into the fact value, e.g. "$.active"; applied only when the value is an object. */
    path: pathSchema.optional(),
    /** Parameters for a computed fact; facts given as values ignore them. */
    params: paramsSchema.optional(),
    /** A label for people; evaluation ignores it. */
    name: nameSchema.optional(),
    /** Siblings with a higher priority are evaluated first; the default is 1. */
    priority: prioritySchema.optional(),
  })
  .describe('A comparison of one fact with a value.');

/** `{ condition: name }`: a named condition registered with the engine. */
export const conditionReferenceSchema = z
  .strictObject({
    /** The name of a shared condition. */
    condition: z
      .string()
      .min(1, 'must be a non-empty condition name')
      .describe('The name of a shared condition.'),
    /** A label for people; evaluation ignores it. */
    name: nameSchema.optional(),
    /** Siblings with a higher priority are evaluated first; the default is 1. */
    priority: prioritySchema.optional(),
  })
  .describe('A reference to a named condition.');

export const allConditionSchema = z
  .strictObject({
    /** Holds when every condition holds (an empty list holds). */
    get all() {
      return z
        .array(nestedConditionSchema)
        .describe('Holds when every condition holds (an empty list holds).');
    },
    /** A label for people; evaluation ignores it. */
    name: nameSchema.optional(),
    /** Siblings with a higher priority are evaluated first; the default is 1. */
    priority: prioritySchema.optional(),
  })
  .describe('Every condition must hold.');

export const anyConditionSchema = z
  .strictObject({
    /** Holds when one condition holds (an empty list holds too). */
    get any() {
      return z
        .array(nestedConditionSchema)
        .describe('Holds when one condition holds (an empty list holds too).');
    },
    /** A label for people; evaluation ignores it. */
    name: nameSchema.optional(),
    /** Siblings with a higher priority are evaluated first; the default is 1. */
    priority: prioritySchema.optional(),
  })
  .describe('At least one condition must hold.');

export const notConditionSchema = z
  .strictObject({
    /** The one condition that must not hold. */
    get not() {
      return nestedConditionSchema.describe('The one condition that must not hold.');
    },
    /** A label for people; evaluation ignores it. */
    name: nameSchema.optional(),
    /** Siblings with a higher priority are evaluated first; the default is 1. */
    priority: prioritySchema.optional(),
  })
  .describe('The condition must not hold.');

const ROOT_KEYS = ['all', 'any', 'not', 'condition'] as const;

function rootKeyIndex(input: unknown): number | undefined {
  if (!isObject(input)) return undefined;
  const index = ROOT_KEYS.findIndex((key) => Object.hasOwn(input, key));
  return index === -1 ? undefined : index;
}

/** Any condition inside a rule: a boolean node, a reference or a comparison. */
export const nestedConditionSchema = keyedUnion(
  [allConditionSchema, anyConditionSchema, notConditionSchema, conditionReferenceSchema, leafConditionSchema],
  (input) => (isObject(input) ? (rootKeyIndex(input) ?? 4) : undefined),
  'must be a condition',
);

/**
 * A rule's conditions: the root is `all`, `any`, `not` or `condition`, as json-rules-engine asks.
 *
 * @example
 * conditionSchema.safeParse({ all: [{ fact: 'countedDeals', operator: 'greaterThanInclusive', value: 3 }] }).success
 * //=> true
 * conditionSchema.safeParse({ all: [{ fact: 'countedDeals', operator: 3, value: 3 }] }).error?.issues[0]?.path
 * //=> ['all', 0, 'operator']
 */
export const conditionSchema = keyedUnion(
  [allConditionSchema, anyConditionSchema, notConditionSchema, conditionReferenceSchema],
  rootKeyIndex,
  'must have "all", "any", "not" or "condition" at its root (wrap a single comparison in { "all": [...] })',
);

/**
 * A reference to another fact as the value of a comparison: `{ "fact": "monthDeals" }`.
 *
 * @interface
 */
export type FactReference = z.infer<typeof factReferenceSchema>;
/**
 * A comparison of one fact with a value: `{ fact, operator, value, path?, params? }`.
 *
 * @interface
 */
export type LeafCondition = z.infer<typeof leafConditionSchema>;
/**
 * A reference to a named condition registered with the engine: `{ condition: name }`.
 *
 * @interface
 */
export type ConditionReference = z.infer<typeof conditionReferenceSchema>;
/**
 * Every condition must hold: `{ all: [...] }` (an empty list holds).
 *
 * @interface
 */
export type AllCondition = z.infer<typeof allConditionSchema>;
/**
 * At least one condition must hold: `{ any: [...] }` (an empty list holds too).
 *
 * @interface
 */
export type AnyCondition = z.infer<typeof anyConditionSchema>;
/**
 * The condition must not hold: `{ not: condition }`.
 *
 * @interface
 */
export type NotCondition = z.infer<typeof notConditionSchema>;
/** A condition anywhere in a rule. */
export type NestedCondition = z.infer<typeof nestedConditionSchema>;
/** A rule's top-level condition. */
export type Condition = z.infer<typeof conditionSchema>;

type DeepReadonly<T> = T extends readonly (infer Item)[]
  ? ReadonlyArray<DeepReadonly<Item>>
  : T extends object
    ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> }
    : T;

/** A rule's condition as a host may hold it: deeply read-only, such as a frozen programme's. */
export type ReadonlyCondition = DeepReadonly<Condition>;
/** Any condition inside a rule, deeply read-only. */
export type ReadonlyNestedCondition = DeepReadonly<NestedCondition>;
/** A comparison as a host may hold it: deeply read-only. */
export type ReadonlyLeafCondition = DeepReadonly<LeafCondition>;
