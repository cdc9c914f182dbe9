// The KPI report in each of its formats: one row per KPI (its value, unit, target, met / not met
// and what it rests on), then the tier retention of each quarter; every format carries the
// reproducibility line. The figures are the library's (simulation/kpis.ts); this file lays them out.
import type { KpiReport } from '../simulation/kpis.js';
import { barChart, htmlPage } from './html/index.js';
import type { StampedReproducibility } from './inputs-digest.js';
import { type Alignment, type Cell, csvTable, markdownTable, type TextTable } from './tabular.js';

export type KpiFormat = 'table' | 'json' | 'csv' | 'md' | 'html';

export const KPI_HEAD = ['kpi', 'value', 'unit', 'target', 'status', 'based on'];
export const KPI_CSV_HEAD = ['id', ...KPI_HEAD];
const ALIGNMENTS: Alignment[] = ['left', 'right', 'left', 'left', 'left', 'left'];
const QUARTER_HEAD = ['quarter', 'above the entry tier at its start', 'maintained or advanced', 'share %'];
const QUARTER_ALIGN: Alignment[] = ['left', 'right', 'right', 'right'];

/** One row per KPI, in the report's order. */
export function kpiRows(report: KpiReport): Cell[][] {
  return report.kpis.map((kpi) => [kpi.name, kpi.value, kpi.unit, kpi.target ?? '-', kpi.status, kpi.basis]);
}

function quarterRows(report: KpiReport): Cell[][] {
  return report.quarters.map((quarter) => [quarter.quarter, quarter.held, quarter.maintained, quarter.share]);
}

/** A one-line heading: the programme, the as-of time and the number of partners. */
export function kpiTitle(report: KpiReport): string {
  return `KPIs of programme ${report.programId} as of ${report.asOf ?? '(no events)'}, ${report.partners} partners`;
}

/** Revenue per partner-month by tier next to the seed's figures, as a bar chart. */
function revenueChart(report: KpiReport): string {
  const revenue = report.kpis.filter((kpi) => kpi.id.startsWith('revenue-per-partner-month:'));
  return barChart({
    title: `Revenue per partner per month by tier (${revenue[0]?.unit ?? ''})`,
    categories: revenue.map((kpi) => kpi.id.slice('revenue-per-partner-month:'.length)),
    series: [
      { name: 'measured', values: revenue.map((kpi) => kpi.value) },
      { name: 'seed target', values: revenue.map((kpi) => kpi.target?.replace(/^>= /, '') ?? 'n/a') },
    ],
  });
}

function kpiHtml(report: KpiReport, reproducibility: StampedReproducibility): string {
  return htmlPage({
    title: kpiTitle(report),
    reproducibility: reproducibility.line,
    sections: [
      {
        heading: 'KPIs against the seed\u2019s targets',
        blocks: [{ kind: 'table', table: { head: KPI_HEAD, rows: kpiRows(report), alignments: ALIGNMENTS } }],
      },
      {
        heading: 'Revenue per partner per month',
        blocks: [{ kind: 'markup', markup: revenueChart(report) }],
      },
      {
        heading: 'Tier retention by quarter',
        blocks: [
          report.quarters.length === 0
            ? { kind: 'text', text: 'No complete quarter yet.' }
            : {
                kind: 'table',
                table: { head: QUARTER_HEAD, rows: quarterRows(report), alignments: QUARTER_ALIGN },
              },
        ],
      },
    ],
  });
}

/**
 * The report as text in a format; `table` draws with the given text-table function (the CLI's).
 *
 * @example
 * formatKpiReport(report, 'csv', textTable, reproducibility).split('\r\n')[1]
 * //=> 'id,kpi,value,unit,target,status,based on' (after the "# events sha256:…" line)
 */
export function formatKpiReport(
  report: KpiReport,
  format: KpiFormat,
  textTable: TextTable,
  reproducibility: StampedReproducibility,
): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ ...report, reproducibility }, null, 2);
    case 'csv':
      // A comment line, then one record per KPI with its stable id first.
      return `# ${reproducibility.line}\r\n${csvTable(
        KPI_CSV_HEAD,
        report.kpis.map((kpi) => [
          kpi.id,
          kpi.name,
          kpi.value,
          kpi.unit,
          kpi.target ?? '',
          kpi.status,
          kpi.basis,
        ]),
      )}`;
    case 'md':
      return [
        `## ${kpiTitle(report)}`,
        '',
        `\`${reproducibility.line}\``,
        '',
        markdownTable(KPI_HEAD, kpiRows(report), ALIGNMENTS),
        '',
        '### Tier retention by quarter',
        '',
        report.quarters.length === 0
          ? 'No complete quarter yet.'
          : markdownTable(QUARTER_HEAD, quarterRows(report), QUARTER_ALIGN),
      ].join('\n');
    case 'html':
      return kpiHtml(report, reproducibility);
    case 'table':
      return [
        kpiTitle(report),
        reproducibility.line,
        textTable(KPI_HEAD, kpiRows(report), ALIGNMENTS),
        '',
        'Tier retention by quarter',
        report.quarters.length === 0
          ? '(no complete quarter)'
          : textTable(QUARTER_HEAD, quarterRows(report), QUARTER_ALIGN),
      ].join('\n');
    default: {
      const unknown: never = format;
      throw new Error(`internal: format ${String(unknown)}`);
    }
  }
}
