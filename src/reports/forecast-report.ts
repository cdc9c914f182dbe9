// The forecast report in each of its formats: the percentiles of each programme's cost, cost
// share and difference from the baseline; the calibration the futures were drawn with; and, in
// CSV, one record per seed and programme. The figures are the library's (simulation/forecast.ts).
import type { ForecastReport, Percentiles } from '../simulation/forecast.js';
import { type Cell, csvTable, markdownTable } from './tabular.js';

export type ForecastFormat = 'table' | 'json' | 'csv' | 'md';
type Alignment = 'left' | 'right';
type TextTable = (
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  alignments: readonly Alignment[],
) => string;

const SUMMARY_HEAD = [
  'programme',
  'role',
  'cost P10',
  'cost P50',
  'cost P90',
  'share % P10',
  'share % P50',
  'share % P90',
  'delta P10',
  'delta P50',
  'delta P90',
];
const SUMMARY_ALIGN: Alignment[] = ['left', 'left', ...SUMMARY_HEAD.slice(2).map((): Alignment => 'right')];
const TIER_HEAD = ['tier', 'partner-months', 'deals', 'deals per partner-month', 'mean deal size'];
const TIER_ALIGN: Alignment[] = ['left', 'right', 'right', 'right', 'right'];
export const FORECAST_CSV_HEAD = ['seed', 'programme', 'role', 'revenue', 'cost', 'cost share %', 'delta'];

const triple = (percentiles: Percentiles | null): string[] =>
  percentiles === null ? ['-', '-', '-'] : [percentiles.p10, percentiles.p50, percentiles.p90];

function summaryRows(report: ForecastReport): Cell[][] {
  return report.programmes.map((programme) => [
    programme.programId,
    programme.role,
    ...triple(programme.cost),
    ...triple(programme.costShare),
    ...triple(programme.delta),
  ]);
}

function tierRows(report: ForecastReport): Cell[][] {
  return report.calibration.tiers.map((tier) => [
    tier.tier,
    tier.partnerMonths,
    tier.deals,
    tier.dealsPerPartnerMonth,
    tier.meanDealSize,
  ]);
}

/** One record per seed and programme: the future's revenue, the cost, its share and the delta. */
function runRows(report: ForecastReport): Cell[][] {
  return report.runs.flatMap((run) =>
    report.programmes.map((programme, index) => [
      run.seed,
      programme.programId,
      programme.role,
      run.revenue,
      run.costs[index] ?? '',
      run.costShares[index] ?? '',
      index === 0 ? '' : subtract(run.costs[index] ?? '0', run.costs[0] ?? '0'),
    ]),
  );
}

/** a − b for money strings with the same places, exactly (as integers of minor units). */
function subtract(a: string, b: string): string {
  const places = (a.split('.')[1] ?? '').length;
  const minor = (text: string) => BigInt(text.replace('.', ''));
  const difference = minor(a) - minor(b);
  const sign = difference < 0n ? '-' : '';
  const digits = (difference < 0n ? -difference : difference).toString().padStart(places + 1, '0');
  return places === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** "Forecast 2025-10-01 → 2026-04-01 (6 months), 20 seeds from 1, USD". */
export function forecastTitle(report: ForecastReport): string {
  return `Forecast ${report.from} to ${report.to} (${report.months} months), ${report.seeds} seeds from ${report.seed}, ${report.currency}; P10 / P50 / P90 by nearest rank`;
}

function calibrationLine(report: ForecastReport): string {
  const c = report.calibration;
  return `Calibrated on ${c.months} complete months: ${c.joinsPerMonth} joins a month (${c.sponsoredShare} % sponsored), refunds on ${c.refundRate} % of deals (${c.refundedShare} % of the amount, ${c.refundDays} days after)`;
}

/**
 * The report as text in a format; `table` draws with the given text-table function (the CLI's).
 *
 * @example
 * formatForecastReport(report, 'csv', textTable).split('\r\n')[0]
 * //=> 'seed,programme,role,revenue,cost,cost share %,delta'
 */
export function formatForecastReport(
  report: ForecastReport,
  format: ForecastFormat,
  textTable: TextTable,
): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2);
    case 'csv':
      return csvTable(FORECAST_CSV_HEAD, runRows(report));
    case 'md':
      return [
        `## ${forecastTitle(report)}`,
        '',
        markdownTable(SUMMARY_HEAD, summaryRows(report), SUMMARY_ALIGN),
        '',
        `Revenue P10 / P50 / P90: ${triple(report.revenue).join(' / ')}`,
        '',
        `### ${calibrationLine(report)}`,
        '',
        markdownTable(TIER_HEAD, tierRows(report), TIER_ALIGN),
      ].join('\n');
    case 'table':
      return [
        forecastTitle(report),
        textTable(SUMMARY_HEAD, summaryRows(report), SUMMARY_ALIGN),
        `Revenue P10 / P50 / P90: ${triple(report.revenue).join(' / ')}`,
        '',
        calibrationLine(report),
        textTable(TIER_HEAD, tierRows(report), TIER_ALIGN),
      ].join('\n');
    default: {
      const unknown: never = format;
      throw new Error(`internal: format ${String(unknown)}`);
    }
  }
}
