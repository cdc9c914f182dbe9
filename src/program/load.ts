// loadProgram: the one door a programme comes in by. It parses the document with the zod schema,
// runs the cross-field and rule checks, and returns a deep-frozen Program or throws ProgramError.
import type { Issue } from '../issues.js';
import type { OperatorFunction } from '../rules/operators.js';
import { ProgramError } from './errors.js';
import { analyseProgram } from './lint/analyse.js';
import { type RawFinding, RUNNABLE_LINT_CODES } from './lint/findings.js';
import type { ProgramDocument } from './schema.js';

/** Deeply read-only view of a value. */
export type DeepReadonly<T> = T extends (infer E)[]
  ? ReadonlyArray<DeepReadonly<E>>
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A validated, frozen programme. Plain data: `JSON.stringify` gives the document back.
 *
 * @example
 * sisoProgram.currency
 * //=> { code: 'USD', decimals: 2 }
 * JSON.parse(JSON.stringify(sisoProgram)).tiers[1].baseRate   // plain data
 * //=> '0.22'
 */
export interface Program extends DeepReadonly<ProgramDocument> {}

/** Options of `loadProgram` and `validateProgram`. */
export interface LoadProgramOptions {
  /**
   * Custom operators the programme's rules use, as json-rules-engine's `addOperator(name, cb)`;
   * the programme returned carries them (see `programOperators`).
   */
  readonly operators?: Readonly<Record<string, OperatorFunction>>;
}

/**
 * Custom operators by name, as json-rules-engine's `addOperator(name, callback)` takes them.
 *
 * @inline
 */
type Operators = Readonly<Record<string, OperatorFunction>>;

// Where a programme carries its custom operators: under a symbol, so JSON.stringify, the schema
// and structuredClone never meet a function, and enumerable, so a spread or Object.assign copy
// keeps them. A copy that loses them fails loudly when it compiles (checkRuleOperators).
// Symbol.for, so the ESM and CommonJS builds of the library read each other's programmes.
const OPERATORS = Symbol.for('@siso/partner-engine/operators');

// The programmes validateProgram returned (and withOperators made of them): deep-frozen, so they
// are still valid, and compileProgram takes them as they are.
const LOADED = new WeakSet<object>();

/**
 * The custom operators a programme carries (none for a plain document).
 *
 * @example
 * programOperators(loadProgram(document, { operators: { divisibleBy } }))
 * //=> { divisibleBy }
 */
export function programOperators(program: Program): Operators {
  if (typeof program !== 'object' || program === null) return {};
  const carrier = program as Partial<Record<typeof OPERATORS, Operators>>;
  try {
    return (Object.hasOwn(carrier, OPERATORS) ? carrier[OPERATORS] : undefined) ?? {};
  } catch {
    // A host's proxy that throws when asked: none carried; checking the document reports it.
    return {};
  }
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
  const carrier = Object.freeze({ ...program, [OPERATORS]: carried });
  if (LOADED.has(program)) LOADED.add(carrier);
  return carrier;
}

/**
 * The programme `compileProgram` may run: the very object when it came from `loadProgram` (or
 * `withOperators` on one), else the document checked in full, with the operators it carries. A
 * document given to `createEngine` without `loadProgram` (parsed JSON, a spread copy) whose shape,
 * references or rules are wrong is refused rather than run: a base rate of `5` must not pay 500 %.
 * The linter's findings on what a rule can do (a tier nobody reaches) do not stop it: the document
 * runs as written, which is how such a finding is shown.
 *
 * @throws {ProgramError} code `INVALID_PROGRAM`, with every issue and its path.
 * @example
 * checkedProgram(sisoProgram) === sisoProgram
 * //=> true
 * checkedProgram({ ...sisoProgram, holdPeriodDays: -1 })
 * //=> throws ProgramError (holdPeriodDays: must be a whole number, 0 or more)
 */
export function checkedProgram(input: Program): Program {
  if (LOADED.has(input)) return input;
  const operators = programOperators(input);
  const { findings, document } = analyseProgram(input, operators);
  const fatal = findings.filter(
    (found) => found.severity === 'error' && !RUNNABLE_LINT_CODES.has(found.code),
  );
  if (fatal.length > 0 || document === undefined) throw new ProgramError(fatal.map(toIssue));
  return withOperators(frozenCopy(document), operators);
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

/** What `validateProgram` returns: the programme, or every issue found, as a value. */
export type ValidateProgramResult =
  | {
      /** The document is a valid programme. */
      ok: true;
      /** The programme, validated and frozen, as `loadProgram` returns it. */
      program: Program;
    }
  | {
      /** The document is refused. */
      ok: false;
      /** Every issue found, each with its path. */
      issues: Issue[];
    };

/**
 * Like `loadProgram`, but returns the issues instead of throwing: every stage's (schema,
 * cross-field, rules, and the linter's certain errors; see `lintProgram` for its warnings too).
 *
 * @example
 * validateProgram({ id: 'x' }).ok
 * //=> false
 */
export function validateProgram(input: unknown, options: LoadProgramOptions = {}): ValidateProgramResult {
  const operators = options.operators ?? {};
  const { findings, document } = analyseProgram(input, operators);
  const issues = findings.filter((found) => found.severity === 'error').map(toIssue);
  if (issues.length > 0 || document === undefined) return { ok: false, issues };
  const program = withOperators(frozenCopy(document), operators);
  LOADED.add(program);
  return { ok: true, program };
}

function toIssue(found: RawFinding): Issue {
  const { path, message, code, suggestion } = found;
  return suggestion === undefined ? { path, message, code } : { path, message, code, suggestion };
}

// A copy, not the parsed value frozen in place: zod passes a rule's constant values (arrays,
// objects) through by reference, so freezing in place would freeze the caller's document.
function frozenCopy<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, inner]) => [key, frozenCopy(inner)]);
  return Object.freeze(Object.fromEntries(entries)) as T;
}
