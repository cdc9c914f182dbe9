// The JSON Schema editors use to autocomplete programmes, generated from the zod schema so the
// two can never disagree. scripts/write-schema.ts writes it to program.schema.json.
import { z } from 'zod';
import {
  allConditionSchema,
  anyConditionSchema,
  conditionReferenceSchema,
  factReferenceSchema,
  leafConditionSchema,
  nestedConditionSchema,
  notConditionSchema,
} from '../rules/condition.js';
import { programSchema, ruleSchema } from './schema.js';

// Rules nest (`all` holds conditions that hold `all`...), so their parts must be `$defs` the
// schema points back to. Naming them gives editors readable hints instead of `__schema0`, and
// lets every qualify/maintain/when share one definition instead of repeating it.
const DEFINITION_NAMES = new Map<z.core.$ZodType, string>([
  [ruleSchema, 'Rule'],
  [nestedConditionSchema, 'Condition'],
  [allConditionSchema, 'AllCondition'],
  [anyConditionSchema, 'AnyCondition'],
  [notConditionSchema, 'NotCondition'],
  [conditionReferenceSchema, 'ConditionReference'],
  [leafConditionSchema, 'Comparison'],
  [factReferenceSchema, 'FactReference'],
]);

/** The global registry's descriptions, plus an `id` (hence a named `$def`) for the rule parts. */
class NamedDefinitions extends z.core.$ZodRegistry<Record<string, unknown>> {
  override get<S extends z.core.$ZodType>(schema: S): Record<string, unknown> | undefined {
    const metadata = z.globalRegistry.get(schema);
    const id = DEFINITION_NAMES.get(schema);
    return id === undefined ? metadata : { ...metadata, id };
  }
}

/**
 * The programme's JSON Schema (draft 2020-12), describing the document as authors write it.
 *
 * @example
 * programJsonSchema().properties.tiers.type
 * //=> 'array'
 */
export function programJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(programSchema, {
    io: 'input',
    unrepresentable: 'any',
    metadata: new NamedDefinitions(),
  });
  return {
    ...schema,
    $id: 'https://siso.dev/schemas/partner-engine/program.schema.json',
    title: 'Partner programme',
  };
}
