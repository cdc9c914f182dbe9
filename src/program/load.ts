// loadProgram: the one door a programme comes in by. It parses the document with the zod schema,
// runs the cross-field and rule checks, and returns a deep-frozen Program or throws ProgramError.
import type { z } from 'zod';
import type { Issue } from '../issues.js';
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
  /** Custom operators the programme's rules use, as json-rules-engine's `addOperator(name, cb)`. */
  readonly operators?: Readonly<Record<string, OperatorFunction>>;
}

const operatorsOf = new WeakMap<object, Readonly<Record<string, OperatorFunction>>>();

/** The custom operators a programme was loaded with (none for a plain document). */
export function programOperators(program: Program): Readonly<Record<string, OperatorFunction>> {
  return operatorsOf.get(program) ?? {};
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
  const parsed = programSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error.issues) };
  const operators = options.operators ?? {};
  const issues = [...checkReferences(parsed.data), ...checkProgramRules(parsed.data, operators)];
  if (issues.length > 0) return { ok: false, issues };
  const program = deepFreeze(parsed.data);
  operatorsOf.set(program, operators);
  return { ok: true, program };
}

/** Zod issues as ours; a failed union reports the branch that came closest. */
function zodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return zodIssues(closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
    }
    return [
      {
        path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
        message: issue.message,
      },
    ];
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
