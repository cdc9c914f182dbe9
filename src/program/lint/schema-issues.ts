// Zod's issues as ours: a failed union reports the branch that came closest, or its own message
// when no branch did; an unknown key is reported at the key itself (`tier`, not the root).
import type { z } from 'zod';
import type { Issue, JsonPath } from '../../issues.js';
import { didYouMean } from '../../rules/suggest.js';
import { programSchema } from '../schema.js';

const ZOD_DEFAULT_UNION_MESSAGE = 'Invalid input';

export function zodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    if (issue.code === 'invalid_union' && issue.errors.length > 0) return unionIssues(issue, path);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(path);
      return issue.keys.map((key) => {
        const suggestion = didYouMean(key, known);
        return {
          path: [...path, key],
          message: `unknown field ${JSON.stringify(key)} (a misspelt name? program.schema.json lists the fields)`,
          code: 'UNKNOWN_FIELD',
          ...(suggestion === undefined ? {} : { suggestion }),
        };
      });
    }
    return [{ path, message: issue.message, code: 'SCHEMA_INVALID' }];
  });
}

function unionIssues(issue: z.core.$ZodIssueInvalidUnion, path: Array<string | number>): Issue[] {
  const sizes = issue.errors.map((branch) => branch.length);
  const fewest = Math.min(...sizes);
  const tied = sizes.filter((size) => size === fewest).length > 1;
  if (tied && issue.message !== ZOD_DEFAULT_UNION_MESSAGE) {
    return [{ path, message: issue.message, code: 'SCHEMA_INVALID' }];
  }
  const closest = issue.errors[sizes.indexOf(fewest)] ?? [];
  return zodIssues(closest.map((inner) => ({ ...inner, path: [...path, ...inner.path] })));
}

interface SchemaDefinition {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.core.$ZodType>>;
  readonly element?: z.core.$ZodType;
  readonly innerType?: z.core.$ZodType;
  readonly valueType?: z.core.$ZodType;
  readonly options?: readonly z.core.$ZodType[];
}

const definitionOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as SchemaDefinition;

// The object schemas a value at this point may be: wrappers unwrapped, every branch of a union.
function objectsOf(schema: z.core.$ZodType, depth = 0): SchemaDefinition[] {
  const definition = definitionOf(schema);
  if (depth > 8) return [];
  if (definition.type === 'object') return [definition];
  if (definition.innerType !== undefined) return objectsOf(definition.innerType, depth + 1);
  return (definition.options ?? []).flatMap((option) => objectsOf(option, depth + 1));
}

function childrenAt(schema: z.core.$ZodType, key: string | number): z.core.$ZodType[] {
  const definition = definitionOf(schema);
  if (definition.innerType !== undefined) return childrenAt(definition.innerType, key);
  if (definition.type === 'array' && definition.element !== undefined) return [definition.element];
  if (definition.type === 'record' && definition.valueType !== undefined) return [definition.valueType];
  if (definition.options !== undefined)
    return definition.options.flatMap((option) => childrenAt(option, key));
  const child = definition.shape !== undefined && typeof key === 'string' ? definition.shape[key] : undefined;
  return child === undefined ? [] : [child];
}

/** The field names the schema allows at a path (for "did you mean" on an unknown one). */
function knownKeysAt(path: JsonPath): string[] {
  let schemas: z.core.$ZodType[] = [programSchema];
  for (const key of path) schemas = schemas.flatMap((schema) => childrenAt(schema, key)).slice(0, 32);
  return [
    ...new Set(schemas.flatMap(objectsOf).flatMap((definition) => Object.keys(definition.shape ?? {}))),
  ];
}
