// forecast: what the next N months may cost under a baseline programme and candidates. The
// history is replayed once under each programme; S seeded futures, calibrated to the history's
// own rates, continue from those states; each future is run under every programme, so the
// programmes are compared on the same futures. Reports P10 / P50 / P90 (nearest rank) of cost,
// cost share of revenue and each candidate's difference from the baseline.
import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import { createEngine, type Engine } from '../create-engine.js';
import type { EngineState } from '../engine/state.js';
import { Decimal } from '../money/decimal.js';
import { formatMoney } from '../money/format.js';
import type { Program } from '../program/load.js';
import { type Calibration, calibrate } from './calibration.js';
import { costsByMonth, generateFuture } from './forecast-future.js';
import {
  type CalibrationSummary,
  type ForecastMonth,
  type ForecastProgramme,
  type ForecastRun,
  monthSummaries,
  type Percentiles,
  percentiles,
  programmeSummaries,
  shareText,
  summarise,
} from './forecast-summary.js';
import { type History, readHistory } from './history.js';

export type {
  CalibrationSummary,
  ForecastMonth,
  ForecastProgramme,
  ForecastRun,
  Percentiles,
} from './forecast-summary.js';

/** The most months a forecast projects. */
export const MAX_FORECAST_MONTHS = 120;
/** The most seeded futures a forecast runs. */
export const MAX_FORECAST_SEEDS = 1_000;

/**
 * Options of `forecast`: the history, the programmes, and how far and how many futures to project.
 */
export interface ForecastOptions {
  /** The history: the contract's events, raw or parsed. */
  readonly events: readonly unknown[];
  /** The programme in force: the history is replayed under it, and the futures calibrated to it. */
  readonly baseline: Program;
  /** Programmes to compare with the baseline on the same futures. */
  readonly candidates?: readonly Program[];
  /** How many months to project, from the history's as-of time (1 to 120). */
  readonly months: number;
  /** How many seeded futures (1 to 1,000): seeds `seed`, `seed + 1`, … */
  readonly seeds: number;
  /** The first seed. Default 1. */
  readonly seed?: number;
  /** Where the history ends (ISO-8601 with an offset or Z). Default: its last event. */
  readonly asOf?: string;
}

/**
 * What `forecast` returns: the calibration read from the history, and each programme's cost over
 * the seeded futures as P10 / P50 / P90.
 */
export interface ForecastReport {
  /** Where the history ends and the forecast starts (ISO-8601, UTC). */
  readonly from: string;
  /** Where the forecast ends (ISO-8601, UTC): `months` after `from`. */
  readonly to: string;
  /** How many months were projected. */
  readonly months: number;
  /** How many seeded futures were run. */
  readonly seeds: number;
  /** The first seed (the futures used `seed`, `seed + 1`, ...). */
  readonly seed: number;
  /** The baseline's ISO 4217 currency code. */
  readonly currency: string;
  /** The history's own rates the futures are drawn from. */
  readonly calibration: CalibrationSummary;
  /** The futures' revenue (deal amounts less refunds), as percentiles. */
  readonly revenue: Percentiles;
  /** The baseline, then each candidate in the order given. */
  readonly programmes: readonly ForecastProgramme[];
  /** The cost month by month, for a band chart. */
  readonly byMonth: readonly ForecastMonth[];
  /** Each seed's future, in seed order. */
  readonly runs: readonly ForecastRun[];
}

/**
 * Thrown for options a forecast cannot run with; `path` names the option.
 *
 * @example
 * try {
 *   forecast({ events, baseline: sisoProgram, months: 0, seeds: 20 });
 * } catch (error) {
 *   if (error instanceof ForecastError) [error.code, error.path];
 *   //=> ['INVALID_FORECAST', 'months']
 * }
 */
export class ForecastError extends Error {
  /** Always `INVALID_FORECAST`. */
  readonly code = 'INVALID_FORECAST';
  constructor(
    /** The option at fault, such as `months` or `seeds`. */
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'ForecastError';
  }
}

/**
 * Projects the history forward under the baseline and each candidate.
 *
 * @throws {ForecastError} `INVALID_FORECAST` for unusable months, seeds or seed, a history with
 *   no event or no complete month, or a future past the engine's supported range.
 * @example
 * const report = forecast({ events, baseline: sisoProgram, candidates: [richer], months: 6, seeds: 20 });
 * report.programmes[1].delta
 * //=> { p10: '1840.12', p50: '2210.40', p90: '2650.05' }
 */
export function forecast(options: ForecastOptions): ForecastReport {
  const { months, seeds, seed = 1 } = checkOptions(options);
  const programs = [options.baseline, ...(options.candidates ?? [])];
  const history = readHistory(
    options.events,
    options.baseline,
    options.asOf === undefined ? {} : { asOf: options.asOf },
  );
  if (history.asOf === null || history.firstAt === null)
    throw new ForecastError('events', 'the history has no accepted event to forecast from');
  const calibration = calibrateOrThrow(history);
  const endMs = addMonths(new TZDate(history.asOf, options.baseline.timeZone), months).getTime();
  const starts = programs.map((program, index) => historyState(program, index, history, options.events));
  const runs: ForecastRun[] = [];
  for (let index = 0; index < seeds; index += 1)
    runs.push(runOne(history, calibration, starts, seed + index, endMs));
  return {
    from: new Date(history.asOf).toISOString(),
    to: new Date(endMs).toISOString(),
    months,
    seeds,
    seed,
    currency: options.baseline.currency.code,
    calibration: summarise(calibration, options.baseline.currency.decimals),
    revenue: percentiles(
      runs.map((run) => new Decimal(run.revenue)),
      (value) => value.toFixed(options.baseline.currency.decimals),
    ),
    programmes: programmeSummaries(programs, runs, options.baseline.currency.decimals),
    byMonth: monthSummaries(history, endMs, runs, options.baseline.currency.decimals),
    runs,
  };
}

function checkOptions(options: ForecastOptions) {
  const { months, seeds, seed = 1 } = options;
  if (!Number.isSafeInteger(months) || months < 1 || months > MAX_FORECAST_MONTHS)
    throw new ForecastError(
      'months',
      `months must be a whole number from 1 to ${MAX_FORECAST_MONTHS}; got ${months}`,
    );
  if (!Number.isSafeInteger(seeds) || seeds < 1 || seeds > MAX_FORECAST_SEEDS)
    throw new ForecastError(
      'seeds',
      `seeds must be a whole number from 1 to ${MAX_FORECAST_SEEDS}; got ${seeds}`,
    );
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(seed + seeds))
    throw new ForecastError('seed', `seed must be a whole number; got ${seed}`);
  for (const [index, candidate] of (options.candidates ?? []).entries()) {
    if (candidate.currency.code !== options.baseline.currency.code)
      throw new ForecastError(
        `candidates[${index}]`,
        `candidate ${index + 1} is in ${candidate.currency.code}, the baseline in ${options.baseline.currency.code}`,
      );
  }
  return { months, seeds, seed };
}

function calibrateOrThrow(history: History): Calibration {
  try {
    return calibrate(history);
  } catch (error) {
    if (error instanceof RangeError) throw new ForecastError('events', error.message);
    throw error;
  }
}

interface Start {
  readonly engine: Engine;
  readonly state: EngineState;
}

/**
 * The state a programme's replay of the history ends in, at the baseline's as-of time (so every
 * programme's future starts at the same instant); the baseline's was replayed already.
 */
function historyState(program: Program, index: number, history: History, events: readonly unknown[]): Start {
  const engine = createEngine(program);
  if (index === 0) return { engine, state: history.replay.state };
  return { engine, state: engine.replay(events, { asOf: new Date(history.asOf ?? 0).toISOString() }).state };
}

function runOne(
  history: History,
  calibration: Calibration,
  starts: readonly Start[],
  seed: number,
  endMs: number,
): ForecastRun {
  const [baseline] = starts;
  if (!baseline) throw new Error('internal: no baseline');
  const future = generateFuture({
    history,
    calibration,
    engine: baseline.engine,
    state: baseline.state,
    seed,
    endMs,
  });
  const decimals = history.program.currency.decimals;
  const to = new Date(endMs).toISOString();
  const revenue = revenueOf(future.events);
  // The baseline's costs came with the future; each candidate replays it from its own state.
  const monthly = [
    future.baselineByMonth,
    ...starts
      .slice(1)
      .map(({ engine, state }) =>
        costsByMonth(future.months, engine.replay(future.events, { state, asOf: to }).ledger),
      ),
  ];
  const costs = monthly.map((months) => months.reduce((sum, cost) => sum.plus(cost), new Decimal(0)));
  return {
    seed,
    revenue: formatMoney(revenue, decimals),
    costs: costs.map((cost) => formatMoney(cost, decimals)),
    costShares: costs.map((cost) => shareText(cost, revenue)),
    monthlyCosts: monthly.map((months) => months.map((cost) => formatMoney(cost, decimals))),
  };
}

function revenueOf(events: readonly Record<string, unknown>[]): Decimal {
  let revenue = new Decimal(0);
  for (const event of events) {
    if (event.type === 'deal.closed') revenue = revenue.plus(String(event.amount));
    if (event.type === 'deal.refunded') revenue = revenue.minus(String(event.amount));
  }
  return revenue;
}
