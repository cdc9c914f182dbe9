// The KPI report in each of its formats: one row per KPI (its value, unit, target, met / not met
// and what it rests on), then the tier retention of each quarter. The figures are the library's
// (simulation/kpis.ts); this file only lays them out.
import type { KpiReport } from '../simulation/kpis.js';
import { type Cell, csvTable, markdownTable } from './tabular.js';

export type KpiFormat = 'table' | 'json' | 'csv' | 'md';

export const KPI_HEAD = ['kpi', 'value', 'unit', 'target', 'status', 'based on'] as const;
const ALIGNMENTS = ['left', 'right', 'left', 'left', 'left', 'left'] as const;
const QUARTER_HEAD = [
  'quarter',
  'above the entry tier at its start',
  'maintained or advanced',
  'share %',
] as const;

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

/**
 * The report as text in a format; `table` draws with the given text-table function (the CLI's).
 *
 * @example
 * formatKpiReport(report, 'csv', textTable).split('\r\n')[0]
 * //=> 'id,kpi,value,unit,target,status,based on'
 */
export function formatKpiReport(
  report: KpiReport,
  format: KpiFormat,
  textTable: (
    head: readonly string[],
    rows: readonly (readonly Cell[])[],
    alignments: readonly ('left' | 'right')[],
  ) => string,
): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2);
    case 'csv':
      // One record per KPI, with its stable id first for a program reading it back.
      return csvTable(
        ['id', ...KPI_HEAD],
        report.kpis.map((kpi) => [
          kpi.id,
          kpi.name,
          kpi.value,
          kpi.unit,
          kpi.target ?? '',
          kpi.status,
          kpi.basis,
        ]),
      );
    case 'md':
      return [
        `## ${kpiTitle(report)}`,
        '',
        markdownTable(KPI_HEAD, kpiRows(report), ALIGNMENTS),
        '',
        '### Tier retention by quarter',
        '',
        markdownTable(QUARTER_HEAD, quarterRows(report), ['left', 'right', 'right', 'right']),
      ].join('\n');
    case 'table':
      return [
        kpiTitle(report),
        textTable(KPI_HEAD, kpiRows(report), ALIGNMENTS),
        '',
        'Tier retention by quarter',
        report.quarters.length === 0
          ? '(no complete quarter)'
          : textTable(QUARTER_HEAD, quarterRows(report), ['left', 'right', 'right', 'right']),
      ].join('\n');
    default: {
      const unknown: never = format;
      throw new Error(`internal: format ${String(unknown)}`);
    }
  }
}
