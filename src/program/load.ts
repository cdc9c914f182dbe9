// loadProgram: the one door a programme comes in by. It parses the document with the zod schema,
// runs the cross-field and rule checks, and returns a deep-frozen Program or throws ProgramError.
import type { z } from 'zod';
import type { Issue } from '../issues.js';
import { nestingIssue } from '../rules/nesting.js';
import type { OperatorFunction } from '../rules/operators.js';
import { ProgramError } from './errors.js';
import { checkReferences } from './references.js';
import { checkProgramRules } from './rules.js';
import { type ProgramDocument, programSchema } from './schema.js';

/** Deeply read-only view of a value. */
export type DeepReadonly<T> = T extends (infer E)[]
  ? ReadonlyArray<DeepReadonly<E>>
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A validated, frozen programme. Plain data: `JSON.stringify` gives the document back. */
export type Program = DeepReadonly<ProgramDocument>;

export interface LoadProgramOptions {
  /**
   * Custom operators the programme's rules use, as json-rules-engine's `addOperator(name, cb)`;
   * the programme returned carries them (see `programOperators`).
   */
  readonly operators?: Readonly<Record<string, OperatorFunction>>;
}

type Operators = Readonly<Record<string, OperatorFunction>>;

// Where a programme carries its custom operators: under a symbol, so JSON.stringify, the schema
// and structuredClone never meet a function, and enumerable, so a spread or Object.assign copy
// keeps them. A copy that loses them fails loudly when it compiles (checkRuleOperators).
// Symbol.for, so the ESM and CommonJS builds of the library read each other's programmes.
const OPERATORS = Symbol.for('@siso/partner-engine/operators');

/**
 * The custom operators a programme carries (none for a plain document).
 *
 * @example
 * programOperators(loadProgram(document, { operators: { divisibleBy } }))
 * //=> { divisibleBy }
 */
export function programOperators(program: Program): Operators {
  const carrier = program as Partial<Record<typeof OPERATORS, Operators>>;
  return (Object.hasOwn(carrier, OPERATORS) ? carrier[OPERATORS] : undefined) ?? {};
}

/**
 * The programme carrying these custom operators too (by name, over those it had), still frozen;
 * the programme given is not changed. For a copy that lost its operators (structuredClone, JSON).
 *
 * @example
 * programOperators(withOperators(structuredClone(program), { divisibleBy }))
 * //=> { divisibleBy }
 */
export function withOperators(program: Program, operators: Operators): Program {
  if (Object.keys(operators).length === 0) return program;
  const carried = Object.freeze({ ...programOperators(program), ...operators });
  return Object.freeze({ ...program, [OPERATORS]: carried });
}

/**
 * Validates a programme document and returns it typed and frozen.
 *
 * @throws {ProgramError} code `INVALID_PROGRAM`, with every issue and its path.
 * @example
 * const program = loadProgram(JSON.parse(readFileSync('siso.json', 'utf8')));
 * program.tiers[1].baseRate
 * //=> '0.22'
 */
export function loadProgram(input: unknown, options: LoadProgramOptions = {}): Program {
  const result = validateProgram(input, options);
  if (!result.ok) throw new ProgramError(result.issues);
  return result.program;
}

export type ValidateProgramResult = { ok: true; program: Program } | { ok: false; issues: Issue[] };

/**
 * Like `loadProgram`, but returns the issues instead of throwing.
 *
 * @example
 * validateProgram({ id: 'x' }).ok
 * //=> false
 */
export function validateProgram(input: unknown, options: LoadProgramOptions = {}): ValidateProgramResult {
  // Before the schema: zod's parse recurses, and a rule nested thousands deep would overflow it.
  const tooDeep = nestingIssue(input);
  if (tooDeep !== undefined) return { ok: false, issues: [tooDeep] };
  const parsed = programSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error.issues) };
  const operators = options.operators ?? {};
  const issues = [...checkReferences(parsed.data), ...checkProgramRules(parsed.data, operators)];
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, program: withOperators(frozenCopy(parsed.data), operators) };
}

/**
 * Zod issues as ours. A failed union reports the branch that came closest, or its own message
 * when no branch did; an unknown key is reported at the key itself (`tier`, not the root).
 */
function zodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    if (issue.code === 'invalid_union' && issue.errors.length > 0) return unionIssues(issue, path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown field ${JSON.stringify(key)} (a misspelt name? program.schema.json lists the fields)`,
      }));
    }
    return [{ path, message: issue.message }];
  });
}

const ZOD_DEFAULT_UNION_MESSAGE = 'Invalid input';

function unionIssues(issue: z.core.$ZodIssueInvalidUnion, path: Array<string | number>): Issue[] {
  const sizes = issue.errors.map((branch) => branch.length);
  const fewest = Math.min(...sizes);
  const tied = sizes.filter((size) => size === fewest).length > 1;
  if (tied && issue.message !== ZOD_DEFAULT_UNION_MESSAGE) return [{ path, message: issue.message }];
  const closest = issue.errors[sizes.indexOf(fewest)] ?? [];
  return zodIssues(closest.map((inner) => ({ ...inner, path: [...path, ...inner.path] })));
}

// A copy, not the parsed value frozen in place: zod passes a rule's constant values (arrays,
// objects) through by reference, so freezing in place would freeze the caller's document.
function frozenCopy<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, inner]) => [key, frozenCopy(inner)]);
  return Object.freeze(Object.fromEntries(entries)) as T;
}
