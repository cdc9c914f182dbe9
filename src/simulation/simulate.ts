// simulate: the same events under a baseline programme and each candidate, and what every
// candidate would cost against the baseline: totals and deltas, by kind, tier and month, cost as a
// share of revenue, where partners end up, the biggest winners and losers, the guards' verdicts,
// and one partner's delta explained entry by entry. `simulate` runs in this thread;
// `simulateInWorkers` runs the programmes side by side on worker threads, with the same result.
import { programDigest, type Reproducibility } from '../reports/reproducibility.js';
import { type CandidateComparison, compareOutcomes } from './comparison.js';
import { SimulationError } from './errors.js';
import { checkGuard, type GuardResult } from './guards.js';
import { prepareEvents, shareEvents } from './ordered-events.js';
import type { MonthFigures, RunOutcome } from './outcome.js';
import { explainPartnerDelta, type PartnerExplanation } from './partner-delta.js';
import { planSimulation, type SimulateOptions, type SimulationPlan } from './plan.js';
import { type PoolOptions, runInPool } from './pool.js';
import { type ProgramRun, runProgram } from './run-program.js';
import { shareOf } from './shares.js';

/**
 * The baseline programme's run in a simulation report: its cost in total and by kind, tier and
 * month, and where its partners end up.
 */
export interface BaselineReport
  extends Pick<
    RunOutcome,
    | 'program'
    | 'total'
    | 'revenue'
    | 'byKind'
    | 'byTier'
    | 'tiers'
    | 'movements'
    | 'waitlists'
    | 'rejected'
    | 'entries'
  > {
  /** The baseline's name in the report (default `baseline`). */
  readonly name: string;
  /** Total cost as a share of revenue ("0.2213" is 22.13 %), or null without revenue. */
  readonly costShare: string | null;
  /** Cost and revenue by month, each month's cost also as a share of its revenue. */
  readonly byMonth: ReadonlyArray<
    MonthFigures & {
      /** The month's cost as a share of its revenue, or null without revenue. */
      readonly costShare: string | null;
    }
  >;
}

/**
 * One candidate in a simulation report: its run set against the baseline's, and the guards'
 * verdicts on it.
 */
export interface CandidateReport extends CandidateComparison {
  /** Each guard's verdict on the candidate, in the order the guards were given. */
  readonly guards: readonly GuardResult[];
  /** The partner's delta entry by entry, when one was asked for. */
  readonly partner?: PartnerExplanation;
}

/**
 * What `simulate` returns: the baseline's run, each candidate's against it, and whether every guard
 * held.
 */
export interface SimulationReport {
  /** The instant the baseline's run went up to: the as-of time given, else its last accepted event's. */
  readonly asOf: string | null;
  /** The ISO 4217 currency every programme is in. */
  readonly currency: string;
  /**
   * What the report was made of (programme and event digests), to run it again and get the same
   * bytes.
   */
  readonly reproducibility: Reproducibility;
  /** The baseline programme's run. */
  readonly baseline: BaselineReport;
  /** Each candidate, in the order given. */
  readonly candidates: readonly CandidateReport[];
  /** Every guard of every candidate held. */
  readonly passed: boolean;
}

/**
 * Simulates candidate programmes against a baseline over the same events, in this thread.
 *
 * @throws {SimulationError} for an invalid programme, guard or as-of time, before anything runs.
 * @example
 * const report = simulate({ events, baseline: sisoProgram, candidates: [activeAt24] });
 * report.baseline.total           //=> '1180.00'
 * report.candidates[0].delta      //=> '60.00'
 */
export function simulate(options: SimulateOptions): SimulationReport {
  const plan = planSimulation(options);
  const events = prepareEvents(plan.events, plan.baseline.currency);
  const runs = [plan.baseline, ...plan.candidates].map((program) =>
    runProgram(program, events, runOptions(plan)),
  );
  return reportOf(plan, events, runs);
}

/** Options of `simulateInWorkers`: those of `simulate` and of the worker pool. */
export interface SimulateInWorkersOptions extends SimulateOptions, PoolOptions {}

/**
 * The same simulation with each programme replayed on a worker thread (at most one per core),
 * every worker reading the one shared copy of the events.
 *
 * @example
 * const report = await simulateInWorkers({ events, baseline, candidates, workers: 2 });
 */
export async function simulateInWorkers(options: SimulateInWorkersOptions): Promise<SimulationReport> {
  const plan = planSimulation(options);
  const events = shareEvents(plan.events, plan.baseline.currency);
  const runs = await runInPool(events.data, [plan.baseline, ...plan.candidates], runOptions(plan), options);
  return reportOf(plan, events, runs);
}

function runOptions(plan: SimulationPlan) {
  return { asOf: plan.asOf, timeZone: plan.baseline.timeZone, partnerId: plan.partner };
}

/** The report of runs made for a plan: the baseline's first, then each candidate's. */
export function reportOf(
  plan: SimulationPlan,
  events: { readonly digest: string; readonly count: number },
  runs: readonly ProgramRun[],
): SimulationReport {
  const [baselineRun, ...candidateRuns] = runs;
  if (!baselineRun || candidateRuns.length !== plan.candidates.length)
    throw new Error(`internal: ${runs.length} runs for ${plan.candidates.length + 1} programmes`);
  const baseline = baselineRun.outcome;
  const { decimals } = plan.baseline.currency;
  if (plan.partner !== undefined && !baseline.partners.some((partner) => partner.id === plan.partner))
    throw new SimulationError(
      'INVALID_ARGUMENT',
      'partner',
      `partner "${plan.partner}" is not among the ${baseline.partners.length} partners who joined in the events`,
    );
  const candidates = candidateRuns.map((run, index): CandidateReport => {
    const comparison = compareOutcomes(baseline, run.outcome, {
      name: plan.names[index + 1] ?? `candidate ${index + 1}`,
      decimals,
      top: plan.top,
    });
    const guards = plan.guards.map((guard) =>
      checkGuard(guard, { baseline, candidate: run.outcome, comparison, decimals }),
    );
    const partner =
      plan.partner === undefined
        ? undefined
        : explainPartnerDelta(plan.partner, baselineRun.partnerEntries, run.partnerEntries, decimals);
    return { ...comparison, guards, ...(partner ? { partner } : {}) };
  });
  return {
    asOf: baseline.asOf,
    currency: baseline.currency,
    reproducibility: {
      events: events.digest,
      eventCount: events.count,
      programs: [plan.baseline, ...plan.candidates].map((program, index) =>
        programDigest(plan.names[index] ?? '', program),
      ),
      asOf: baseline.asOf,
    },
    baseline: baselineReport(plan.names[0] ?? 'baseline', baseline),
    candidates,
    passed: candidates.every((candidate) => candidate.guards.every((guard) => guard.passed)),
  };
}

function baselineReport(name: string, outcome: RunOutcome): BaselineReport {
  const { program, total, revenue, byKind, byTier, tiers, movements, waitlists, rejected, entries } = outcome;
  return {
    name,
    program,
    total,
    revenue,
    costShare: shareOf(total, revenue),
    byKind,
    byTier,
    byMonth: outcome.byMonth.map((month) => ({
      ...month,
      costShare: shareOf(month.cost, month.revenue),
    })),
    tiers,
    movements,
    waitlists,
    rejected,
    entries,
  };
}
