// The forecast's figures as the report shows them: P10 / P50 / P90 (nearest rank) of each
// programme's cost, cost share and delta over the seeds, month by month, and the calibration
// written with fixed places.
import { Decimal } from '../money/decimal.js';
import { formatMoney } from '../money/format.js';
import type { Program } from '../program/load.js';
import type { Calibration } from './calibration.js';
import { futureMonths } from './forecast-future.js';
import type { History } from './history.js';
import { NOT_AVAILABLE, nearestRank, PERCENT_PLACES } from './statistics.js';

/** P10, P50 and P90 over the seeds, as fixed-place strings ("n/a" when nothing to measure). */
export interface Percentiles {
  /** The 10th percentile (nearest rank). */
  readonly p10: string;
  /** The median (nearest rank). */
  readonly p50: string;
  /** The 90th percentile (nearest rank). */
  readonly p90: string;
}

/**
 * One programme in a forecast: its cost, cost share and (for a candidate) difference from the
 * baseline, as percentiles over the seeds.
 */
export interface ForecastProgramme {
  /** The programme's id. */
  readonly programId: string;
  /** 'baseline', or 'candidate 1', 'candidate 2', … in the order given. */
  readonly role: string;
  /** Its cost over the forecast, as money strings. */
  readonly cost: Percentiles;
  /** Cost as a share of revenue, in % with one place. */
  readonly costShare: Percentiles;
  /** Cost minus the baseline's on the same future (null for the baseline). */
  readonly delta: Percentiles | null;
}

/** One seed's future: its revenue and each programme's cost, in the order of `programmes`. */
export interface ForecastRun {
  /** The seed the future was generated from. */
  readonly seed: number;
  /** The future's revenue: its deal amounts less its refunds, as a money string. */
  readonly revenue: string;
  /** Each programme's cost over the future, as money strings. */
  readonly costs: readonly string[];
  /**
   * Each programme's cost as a share of the future's revenue, in % with one place ("n/a" without
   * revenue).
   */
  readonly costShares: readonly string[];
  /** Per programme, the cost of each month of the forecast (in the order of `byMonth`). */
  readonly monthlyCosts: readonly (readonly string[])[];
}

/** One month of the forecast: each programme's cost so far (from the start to the month's end). */
export interface ForecastMonth {
  /** The calendar month, such as `2026-01` (the first and last may be part of one). */
  readonly month: string;
  /** The month's end, or the forecast's end for a last month cut short (ISO-8601, UTC). */
  readonly to: string;
  /** Per programme, in the order of `programmes`: P10 / P50 / P90 of the cumulative cost. */
  readonly cumulativeCost: readonly Percentiles[];
}

/** The calibration as the report shows it: rates with two places, money, shares in %. */
export interface CalibrationSummary {
  /** The complete calendar months of history the rates are measured over. */
  readonly months: number;
  /** Partners joining per month, with two places. */
  readonly joinsPerMonth: string;
  /** Joins with a sponsor, in % of the joins. */
  readonly sponsoredShare: string;
  /** Deals with at least one refund, in % of all deals. */
  readonly refundRate: string;
  /** What the refunds took back, in % of the amounts of the deals refunded. */
  readonly refundedShare: string;
  /** Median whole days from a refunded deal to its first refund. */
  readonly refundDays: number;
  /**
   * The deal rates by tier (the tier held when each month began), from which the futures draw their
   * deals.
   */
  readonly tiers: ReadonlyArray<{
    /** The tier's id. */
    readonly tier: string;
    /** Months partners began in the tier, summed over the partners. */
    readonly partnerMonths: number;
    /** Deals closed in those months. */
    readonly deals: number;
    /** deals / partnerMonths with two places ("n/a" with no partner-month in the tier). */
    readonly dealsPerPartnerMonth: string;
    /** The mean amount of those deals, as a money string ("n/a" with no deal). */
    readonly meanDealSize: string;
  }>;
  /** How soon partners completed each training module a tier requires. */
  readonly modules: ReadonlyArray<{
    /** The training module's id. */
    readonly moduleId: string;
    /** Partners who completed it, in % of the partners who joined. */
    readonly completedShare: string;
    /** Median whole days from joining to completing it (0 when nobody did). */
    readonly days: number;
  }>;
}

/** Per month of the forecast, each programme's cumulative cost over the seeds, as percentiles. */
export function monthSummaries(
  history: History,
  endMs: number,
  runs: readonly ForecastRun[],
  decimals: number,
): ForecastMonth[] {
  const months = futureMonths(history, endMs);
  const money = (value: Decimal) => formatMoney(value, decimals);
  const programmes = runs[0]?.monthlyCosts.length ?? 0;
  // cumulative[run][programme][month]
  const cumulative = runs.map((run) =>
    run.monthlyCosts.map((costs) => {
      let sum = new Decimal(0);
      return costs.map((cost) => (sum = sum.plus(cost)));
    }),
  );
  return months.map((month, index) => ({
    month: month.key,
    to: new Date(month.end).toISOString(),
    cumulativeCost: Array.from({ length: programmes }, (_, programme) =>
      percentiles(
        cumulative.map((run) => run[programme]?.[index] ?? new Decimal(0)),
        money,
      ),
    ),
  }));
}

export function share(cost: Decimal, revenue: Decimal): Decimal | null {
  return revenue.isZero() ? null : cost.times(100).dividedBy(revenue);
}

export function shareText(cost: Decimal, revenue: Decimal): string {
  const value = share(cost, revenue);
  return value === null
    ? NOT_AVAILABLE
    : value.toDecimalPlaces(PERCENT_PLACES, Decimal.ROUND_HALF_EVEN).toFixed(PERCENT_PLACES);
}

export function percentiles(values: readonly Decimal[], write: (value: Decimal) => string): Percentiles {
  const at = (percentile: number) => {
    const value = nearestRank(values, percentile);
    return value === null ? NOT_AVAILABLE : write(value);
  };
  return { p10: at(10), p50: at(50), p90: at(90) };
}

export function programmeSummaries(
  programs: readonly Program[],
  runs: readonly ForecastRun[],
  decimals: number,
): ForecastProgramme[] {
  const money = (value: Decimal) => formatMoney(value, decimals);
  const percent = (value: Decimal) =>
    value.toDecimalPlaces(PERCENT_PLACES, Decimal.ROUND_HALF_EVEN).toFixed(PERCENT_PLACES);
  return programs.map((program, index) => {
    const costs = runs.map((run) => new Decimal(run.costs[index] ?? 0));
    const shares = runs.flatMap((run) => {
      const value = share(new Decimal(run.costs[index] ?? 0), new Decimal(run.revenue));
      return value === null ? [] : [value];
    });
    const deltas = runs.map((run) => new Decimal(run.costs[index] ?? 0).minus(run.costs[0] ?? 0));
    return {
      programId: program.id,
      role: index === 0 ? 'baseline' : `candidate ${index}`,
      cost: percentiles(costs, money),
      costShare: percentiles(shares, percent),
      delta: index === 0 ? null : percentiles(deltas, money),
    };
  });
}

export function summarise(calibration: Calibration, decimals: number): CalibrationSummary {
  const rate = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2);
  const percent = (value: Decimal) =>
    value.times(100).toDecimalPlaces(PERCENT_PLACES, Decimal.ROUND_HALF_EVEN).toFixed(PERCENT_PLACES);
  return {
    months: calibration.months,
    joinsPerMonth: rate(calibration.joinsPerMonth),
    sponsoredShare: percent(calibration.sponsoredShare),
    refundRate: percent(calibration.refundRate),
    refundedShare: percent(calibration.refundedShare),
    refundDays: calibration.refundDays,
    tiers: calibration.tiers.map((tier) => ({
      tier: tier.tier,
      partnerMonths: tier.partnerMonths,
      deals: tier.deals,
      dealsPerPartnerMonth:
        tier.dealsPerPartnerMonth === null ? NOT_AVAILABLE : rate(tier.dealsPerPartnerMonth),
      meanDealSize:
        tier.deals === 0
          ? NOT_AVAILABLE
          : formatMoney(
              tier.dealAmounts
                .reduce((sum, amount) => sum.plus(amount), new Decimal(0))
                .dividedBy(tier.deals)
                .toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN),
              decimals,
            ),
    })),
    modules: calibration.modules.map((module) => ({
      moduleId: module.moduleId,
      completedShare: percent(module.completedShare),
      days: module.days,
    })),
  };
}
