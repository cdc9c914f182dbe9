// Writes program.schema.json from the zod schema (npm run schema). A test fails when the shipped
// file is stale.
import { writeFileSync } from 'node:fs';
import { programJsonSchema } from '../src/program/json-schema.js';

writeFileSync(
  new URL('../program.schema.json', import.meta.url),
  `${JSON.stringify(programJsonSchema(), null, 2)}\n`,
);
console.log('wrote program.schema.json');
