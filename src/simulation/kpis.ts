// kpis: the seed's success metrics, measured on a replayed history and set against the seed's
// targets (met / not met), plus activation and time to first deal. Every figure is defined in
// docs/finance-forecast.md; a figure with nothing to measure is "n/a", never NaN.
import type { Program } from '../program/load.js';
import { type History, type HistoryOptions, readHistory } from './history.js';
import {
  activationRate,
  eliteRetention,
  featureAdoption,
  quarterlyRetention,
  timeToFirstDeal,
  timeToTierTwo,
  trainingCompletion,
} from './kpi-progression.js';
import { revenuePerPartnerMonth } from './kpi-revenue.js';

/** met / not met against the target; n/a: nothing to measure; no target: the seed sets none. */
export type KpiStatus = 'met' | 'not met' | 'n/a' | 'no target';

/** One success metric of a programme's history: its value, its target and whether it is met. */
export interface Kpi {
  /** A stable id: `time-to-tier-2`, `revenue-per-partner-month:active`, … */
  readonly id: string;
  /** The KPI's name for people, e.g. "Activation rate". */
  readonly name: string;
  /** Fixed places: days and percentages with 1, money with the currency's; or "n/a". */
  readonly value: string;
  /** The value's unit: `days`, `%`, or money per month such as `USD/month`. */
  readonly unit: 'days' | '%' | string;
  /** The target as the seed writes it ("< 60", "> 90", ">= 199.00"), or null for none. */
  readonly target: string | null;
  /** Met, not met, nothing to measure, or no target. */
  readonly status: KpiStatus;
  /** What the value rests on, in words: "15 of 16 partners", "12 partner-months". */
  readonly basis: string;
}

/** One calendar quarter of the tier retention figure. */
export interface QuarterRetention {
  /** The quarter's key, e.g. "2025-Q1". */
  readonly quarter: string;
  /** Partners above the entry tier when the quarter began. */
  readonly held: number;
  /** Of them, those holding that tier or a higher one when it ended. */
  readonly maintained: number;
  /** maintained / held in % with one place, or "n/a" when nobody was held. */
  readonly share: string;
}

/**
 * What `kpis` returns: each KPI of a history, and the quarter-by-quarter figures of tier retention.
 */
export interface KpiReport {
  /** The programme's id. */
  readonly programId: string;
  /** The instant the history was read up to, or null for a history with no accepted event. */
  readonly asOf: string | null;
  /** How many partners joined in the history. */
  readonly partners: number;
  /** Every KPI, in the order docs/finance-forecast.md lists them. */
  readonly kpis: readonly Kpi[];
  /** Tier retention, one row per complete calendar quarter. */
  readonly quarters: readonly QuarterRetention[];
}

/** Options of `kpis`: `asOf`, the instant to read the history up to (default: its last event). */
export type KpiOptions = HistoryOptions;

/**
 * The KPIs of an event stream under a programme, as of `options.asOf` (default: the last event).
 *
 * @throws {RangeError} when `asOf` is not an ISO-8601 date-time with an offset or Z.
 * @example
 * kpis(events, sisoProgram).kpis.find((kpi) => kpi.id === 'activation-rate')
 * //=> { id: 'activation-rate', name: 'Activation rate', value: '75.0', unit: '%', target: null,
 * //     status: 'no target', basis: '3 of 4 partners who joined closed a deal' }
 */
export function kpis(events: readonly unknown[], program: Program, options: KpiOptions = {}): KpiReport {
  return kpisOf(readHistory(events, program, options));
}

/** The KPIs of a history already read. */
export function kpisOf(history: History): KpiReport {
  const retention = quarterlyRetention(history);
  return {
    programId: history.program.id,
    asOf: history.replay.asOf,
    partners: history.partners.size,
    kpis: [
      timeToTierTwo(history),
      retention.kpi,
      featureAdoption(history),
      trainingCompletion(history),
      eliteRetention(history),
      ...revenuePerPartnerMonth(history),
      activationRate(history),
      timeToFirstDeal(history),
    ],
    quarters: retention.quarters,
  };
}
