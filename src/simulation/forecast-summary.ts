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
  readonly p10: string;
  readonly p50: string;
  readonly p90: string;
}

export interface ForecastProgramme {
  readonly programId: string;
  /** 'baseline', or 'candidate 1', 'candidate 2', … in the order given. */
  readonly role: string;
  readonly cost: Percentiles;
  /** Cost as a share of revenue, in % with one place. */
  readonly costShare: Percentiles;
  /** Cost minus the baseline's on the same future (null for the baseline). */
  readonly delta: Percentiles | null;
}

/** One seed's future: its revenue and each programme's cost, in the order of `programmes`. */
export interface ForecastRun {
  readonly seed: number;
  readonly revenue: string;
  readonly costs: readonly string[];
  readonly costShares: readonly string[];
  /** Per programme, the cost of each month of the forecast (in the order of `byMonth`). */
  readonly monthlyCosts: readonly (readonly string[])[];
}

/** One month of the forecast: each programme's cost so far (from the start to the month's end). */
export interface ForecastMonth {
  /** The calendar month, such as `2026-01` (the first and last may be part of one). */
  readonly month: string;
  readonly to: string;
  /** Per programme, in the order of `programmes`: P10 / P50 / P90 of the cumulative cost. */
  readonly cumulativeCost: readonly Percentiles[];
}

/** The calibration as the report shows it: rates with two places, money, shares in %. */
export interface CalibrationSummary {
  readonly months: number;
  readonly joinsPerMonth: string;
  readonly sponsoredShare: string;
  readonly refundRate: string;
  readonly refundedShare: string;
  readonly refundDays: number;
  readonly tiers: ReadonlyArray<{
    readonly tier: string;
    readonly partnerMonths: number;
    readonly deals: number;
    readonly dealsPerPartnerMonth: string;
    readonly meanDealSize: string;
  }>;
  readonly modules: ReadonlyArray<{
    readonly moduleId: string;
    readonly completedShare: string;
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
