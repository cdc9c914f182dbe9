// The forecast report in each of its formats: the percentiles of each programme's cost, cost
// share and difference from the baseline; the calibration the futures were drawn with; in CSV,
// one record per seed and programme; in HTML, the cost month by month as a band chart. Every
// format carries the reproducibility line. The figures are the library's (simulation/forecast.ts).
import type { ForecastReport, Percentiles } from '../simulation/forecast.js';
import { bandChart, htmlPage } from './html/index.js';
import type { StampedReproducibility } from './inputs-digest.js';
import { type Alignment, type Cell, csvTable, markdownTable, type TextTable } from './tabular.js';

export type ForecastFormat = 'table' | 'json' | 'csv' | 'md' | 'html';

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

/** Each programme's cost so far at each month's end: P10 to P90 as a band, P50 as its line. */
function costBand(report: ForecastReport): string {
  return bandChart({
    title: `Cost so far, ${report.currency}, P10 to P90 over ${report.seeds} seeds`,
    xLabels: report.byMonth.map((month) => month.month),
    bands: report.programmes.map((programme, index) => ({
      name: programme.role === 'baseline' ? 'baseline' : `${programme.role} (${programme.programId})`,
      p10: report.byMonth.map((month) => month.cumulativeCost[index]?.p10 ?? 'n/a'),
      p50: report.byMonth.map((month) => month.cumulativeCost[index]?.p50 ?? 'n/a'),
      p90: report.byMonth.map((month) => month.cumulativeCost[index]?.p90 ?? 'n/a'),
    })),
  });
}

function forecastHtml(report: ForecastReport, reproducibility: StampedReproducibility): string {
  const summary = { head: SUMMARY_HEAD, rows: summaryRows(report), alignments: SUMMARY_ALIGN };
  return htmlPage({
    title: forecastTitle(report),
    reproducibility: reproducibility.line,
    sections: [
      {
        heading: 'Cost, cost share and difference from the baseline',
        blocks: [
          { kind: 'table', table: summary },
          { kind: 'text', text: `Revenue P10 / P50 / P90: ${triple(report.revenue).join(' / ')}` },
        ],
      },
      { heading: 'Cost month by month', blocks: [{ kind: 'markup', markup: costBand(report) }] },
      {
        heading: 'Calibration',
        blocks: [
          { kind: 'text', text: calibrationLine(report) },
          { kind: 'table', table: { head: TIER_HEAD, rows: tierRows(report), alignments: TIER_ALIGN } },
        ],
      },
    ],
  });
}

/**
 * The report as text in a format; `table` draws with the given text-table function (the CLI's).
 *
 * @example
 * formatForecastReport(report, 'csv', textTable, reproducibility).split('\r\n')[1]
 * //=> 'seed,programme,role,revenue,cost,cost share %,delta' (after the "# events sha256:…" line)
 */
export function formatForecastReport(
  report: ForecastReport,
  format: ForecastFormat,
  textTable: TextTable,
  reproducibility: StampedReproducibility,
): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ ...report, reproducibility }, null, 2);
    case 'csv':
      return `# ${reproducibility.line}\r\n${csvTable(FORECAST_CSV_HEAD, runRows(report))}`;
    case 'md':
      return [
        `## ${forecastTitle(report)}`,
        '',
        `\`${reproducibility.line}\``,
        '',
        markdownTable(SUMMARY_HEAD, summaryRows(report), SUMMARY_ALIGN),
        '',
        `Revenue P10 / P50 / P90: ${triple(report.revenue).join(' / ')}`,
        '',
        `### ${calibrationLine(report)}`,
        '',
        markdownTable(TIER_HEAD, tierRows(report), TIER_ALIGN),
      ].join('\n');
    case 'html':
      return forecastHtml(report, reproducibility);
    case 'table':
      return [
        forecastTitle(report),
        reproducibility.line,
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
