// The JSON Schema editors use to autocomplete programmes, generated from the zod schema so the
// two can never disagree. scripts/write-schema.ts writes it to program.schema.json.
import { z } from 'zod';
import { programSchema } from './schema.js';

/**
 * The programme's JSON Schema (draft 2020-12), describing the document as authors write it.
 *
 * @example
 * programJsonSchema().properties.tiers.type
 * //=> 'array'
 */
export function programJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(programSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://siso.dev/schemas/partner-engine/program.schema.json',
    title: 'Partner programme',
  };
}
