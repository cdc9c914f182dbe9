// What a simulation runs, checked before anything runs: every programme loaded (a bad one named by
// its place, `candidates[1]`), one currency for all (costs in two currencies do not compare), the
// as-of time, the guards, and the events parsed and ordered once for every run.
import { EARLIEST_INSTANT_MS, LATEST_INSTANT_MS } from '../events/instants.js';
import { formatPath } from '../issues.js';
import { type Program, validateProgram } from '../program/load.js';
import type { ProgramInput } from '../program/schema.js';
import { SimulationError } from './errors.js';
import { checkGuardForm, type Guard, parseGuard } from './guards.js';

/** A programme as loadProgram returns it, or a document loadProgram accepts. */
export type ProgramLike = Program | ProgramInput;

/**
 * Options of `simulate`: the events, the baseline and candidate programmes, and what to judge and
 * report.
 */
export interface SimulateOptions {
  /** Raw JSON events or parsed ones, in any order (replay's order is used). */
  readonly events: readonly unknown[];
  /** The programme the candidates are compared with. */
  readonly baseline: ProgramLike;
  /** The programmes to try (from 1 to 100), each run over the same events. */
  readonly candidates: readonly ProgramLike[];
  /** ISO-8601 with an offset or Z; default: the last accepted event, as replay. */
  readonly asOf?: string;
  /** Guards each candidate is judged by: typed, or in the text form (`"partner-loss <= 5%"`). */
  readonly guards?: ReadonlyArray<Guard | string>;
  /** Explain this partner's delta entry by entry. */
  readonly partner?: string;
  /** What the reports call the programmes; default `baseline` and `candidate 1`, `candidate 2`… */
  readonly names?: {
    /** The baseline's name. */
    readonly baseline?: string;
    /** The candidates' names, in order. */
    readonly candidates?: readonly string[];
  };
  /** Winners and losers listed per candidate; default 10. */
  readonly top?: number;
}

export interface SimulationPlan {
  readonly baseline: Program;
  readonly candidates: readonly Program[];
  readonly names: readonly string[];
  readonly asOf: string | undefined;
  readonly guards: readonly Guard[];
  readonly partner: string | undefined;
  readonly top: number;
  /** The events as given: `simulate` prepares them in this thread, the pool shares them. */
  readonly events: readonly unknown[];
}

/** Candidates a simulation (or cells a sweep) takes at most: each is a whole replay. */
export const MAX_CANDIDATES = 100;

/**
 * Checks a simulation's options and prepares its events.
 *
 * @throws {SimulationError} INVALID_PROGRAM, INVALID_GUARD or INVALID_ARGUMENT, with its path.
 */
export function planSimulation(options: SimulateOptions): SimulationPlan {
  if (!Array.isArray(options.events))
    throw new SimulationError('INVALID_ARGUMENT', 'events', 'events must be an array of events');
  if (options.candidates.length === 0 || options.candidates.length > MAX_CANDIDATES)
    throw new SimulationError(
      'INVALID_ARGUMENT',
      'candidates',
      `give from 1 to ${MAX_CANDIDATES} candidate programmes, got ${options.candidates.length}`,
    );
  const baseline = programAt(options.baseline, 'baseline');
  const candidates = options.candidates.map((each, index) => programAt(each, `candidates[${index}]`));
  for (const [index, candidate] of candidates.entries())
    sameCurrency(baseline, candidate, `candidates[${index}]`);
  const guards = (options.guards ?? []).map((guard, index) => {
    const path = `guards[${index}]`;
    if (typeof guard === 'string') return parseGuard(guard, path);
    checkGuardForm(guard, path);
    return guard;
  });
  const names = [
    options.names?.baseline ?? 'baseline',
    ...candidates.map((_, index) => options.names?.candidates?.[index] ?? `candidate ${index + 1}`),
  ];
  const top = options.top ?? 10;
  if (!Number.isSafeInteger(top) || top < 0)
    throw new SimulationError('INVALID_ARGUMENT', 'top', `top must be a whole number, got ${top}`);
  return {
    baseline,
    candidates,
    names,
    asOf: checkedAsOf(options.asOf),
    guards,
    partner: options.partner,
    top,
    events: options.events,
  };
}

/**
 * A programme loaded, or a SimulationError naming where it is and its first issues.
 *
 * @example
 * programAt({ ...document, tiers: [] }, 'candidates[0]')
 * //=> throws SimulationError INVALID_PROGRAM: 'candidates[0] is not a valid programme: tiers: …'
 */
export function programAt(input: unknown, path: string): Program {
  const result = validateProgram(input);
  if (result.ok) return result.program;
  const issues = result.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  throw new SimulationError(
    'INVALID_PROGRAM',
    path,
    `${path} is not a valid programme: ${issues.join('; ')}`,
  );
}

function sameCurrency(baseline: Program, candidate: Program, path: string): void {
  const [a, b] = [baseline.currency, candidate.currency];
  if (a.code === b.code && a.decimals === b.decimals) return;
  throw new SimulationError(
    'INVALID_PROGRAM',
    `${path}.currency`,
    `${path} pays in ${b.code} (${b.decimals} places) and the baseline in ${a.code} (${a.decimals}): costs in two currencies cannot be compared`,
  );
}

/** The as-of time in UTC with milliseconds, or a SimulationError. */
export function checkedAsOf(asOf: string | undefined): string | undefined {
  if (asOf === undefined) return undefined;
  const instant = Date.parse(asOf);
  if (!/T.*(Z|[+-]\d\d:\d\d)$/.test(asOf) || Number.isNaN(instant))
    throw new SimulationError(
      'INVALID_ARGUMENT',
      'asOf',
      `asOf must be an ISO-8601 date-time with an offset or Z; got "${asOf}"`,
    );
  if (instant < EARLIEST_INSTANT_MS || instant > LATEST_INSTANT_MS)
    throw new SimulationError(
      'INVALID_ARGUMENT',
      'asOf',
      `asOf ${asOf} is outside the supported range 2000 to 2099`,
    );
  return new Date(instant).toISOString();
}
