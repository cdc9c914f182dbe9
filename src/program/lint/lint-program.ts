// lintProgram: everything there is to say about a programme document, errors and warnings, from
// every stage at once. loadProgram refuses the errors; the warnings are for authors and CI
// (`partner-engine validate --strict`).
import { formatPath } from '../../issues.js';
import type { OperatorFunction } from '../../rules/operators.js';
import { type LoadProgramOptions, type Program, programOperators } from '../load.js';
import { analyseProgram } from './analyse.js';
import type { LintFinding, RawFinding } from './findings.js';

/**
 * Options of `lintProgram`: the custom operators the programme's rules use, as for `loadProgram`.
 */
export type LintOptions = LoadProgramOptions;

/** What lintProgram found. */
export interface LintReport {
  /** True when there is no error (warnings allowed): `loadProgram` accepts the document. */
  readonly valid: boolean;
  /** How many findings are errors. */
  readonly errors: number;
  /** How many findings are warnings. */
  readonly warnings: number;
  /** Errors first, then warnings; each in the order the stages found them (schema, cross-field, rules, linter). */
  readonly findings: readonly LintFinding[];
}

function located(found: RawFinding): LintFinding {
  const { severity, code, path, message, suggestion } = found;
  const base = { severity, code, path: formatPath(path), segments: path, message };
  return suggestion === undefined ? base : { ...base, suggestion };
}

function carriedOperators(input: unknown): Readonly<Record<string, OperatorFunction>> {
  return input !== null && typeof input === 'object' ? programOperators(input as Program) : {};
}

/**
 * Lints a programme document (or a loaded programme): every issue `loadProgram` would refuse,
 * and the warnings it lets through, each with a severity, a stable code, a path and a message
 * (and a suggestion where there is a likely fix).
 *
 * @example
 * lintProgram(withQualify(1, { all: [{ fact: 'countedDeals', operator: 'greaterThanInclusive', value: 'three' }] })).findings[0]
 * //=> { severity: 'error', code: 'TYPE_MISMATCH', path: 'tiers[1].qualify.all[0].value',
 * //     message: 'countedDeals is a number and "three" is not one: … so tiers[1].qualify can never hold', … }
 * lintProgram(sisoProgram)
 * //=> { valid: true, errors: 0, warnings: 0, findings: [] }
 */
export function lintProgram(input: unknown, options: LintOptions = {}): LintReport {
  const operators = { ...carriedOperators(input), ...(options.operators ?? {}) };
  const { findings } = analyseProgram(input, operators);
  const errors = findings.filter((found) => found.severity === 'error');
  const warnings = findings.filter((found) => found.severity === 'warning');
  return {
    valid: errors.length === 0,
    errors: errors.length,
    warnings: warnings.length,
    findings: [...errors, ...warnings].map(located),
  };
}
