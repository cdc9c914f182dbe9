// The sweep report as a document: a row per value or grid cell (total, delta, cost share,
// partners worse and better off), the curve of the total over the swept values (one line per
// value of the first figure in a grid), and a CSV record per row.
import { percent } from '../../simulation/shares.js';
import type { SweepReport } from '../../simulation/sweep.js';
import { type ChartSeries, lineChart } from '../html/index.js';
import { reproducibilityLine } from '../reproducibility.js';
import type { ReportDocument } from './document.js';

/**
 * The document of a sweep report.
 *
 * @example
 * sweepDocument(sweep({ events, program, axes: [activeRate] })).title
 * //=> 'Sweep of tiers[id=active].baseRate: 3 values'
 */
export function sweepDocument(report: SweepReport): ReportDocument {
  const paths = report.axes.map((axis) => axis.path);
  const head = [...paths, 'total cost', 'delta', 'delta %', 'cost share', 'worse off', 'better off'];
  const rows = report.rows.map((row) => [
    ...row.values,
    row.total,
    row.delta,
    percent(row.deltaShare),
    percent(row.costShare),
    row.partnersWorse,
    row.partnersBetter,
  ]);
  const count =
    report.rows.length === 1 ? '1 value' : `${report.rows.length} ${paths.length === 1 ? 'values' : 'cells'}`;
  return {
    title: `Sweep of ${paths.join(' × ')}: ${count}`,
    reproducibility: `${reproducibilityLine(report.reproducibility)} · ${report.axes.map((axis) => `${axis.path} over ${axis.values.join(', ')}`).join('; ')}`,
    summary: [
      `The programme as given costs ${report.baseline.total} ${report.currency} on revenue ${report.baseline.revenue} (${percent(report.baseline.costShare)}), as of ${report.asOf ?? 'no events'}. Each row is the same events with the figures set as shown; delta is against the programme as given.`,
    ],
    tables: [
      {
        title: `Sweep (${report.currency})`,
        head,
        rows,
        alignments: head.map((_, index) => (index < paths.length ? 'left' : 'right')),
      },
    ],
    charts: [
      { title: `Total cost over the sweep (${report.currency})`, svg: curve(report, 'total') },
      { title: `Delta against the programme as given (${report.currency})`, svg: curve(report, 'delta') },
    ],
    csv: {
      head: [
        ...paths,
        'total',
        'delta',
        'delta_share',
        'revenue',
        'cost_share',
        'partners_worse',
        'partners_better',
      ],
      records: report.rows.map((row) => [
        ...row.values,
        row.total,
        row.delta,
        row.deltaShare ?? '',
        row.revenue,
        row.costShare ?? '',
        row.partnersWorse,
        row.partnersBetter,
      ]),
    },
  };
}

/** A figure of each row over the swept values; for a grid, one line per value of the first figure. */
function curve(report: SweepReport, figure: 'total' | 'delta'): string {
  const [first, second] = report.axes;
  const title = `${figure === 'total' ? 'Total cost' : 'Delta'} (${report.currency})`;
  if (!first) return '';
  if (!second)
    return lineChart({
      title,
      xLabels: first.values,
      series: [{ name: first.path, values: report.rows.map((row) => row[figure]) }],
    });
  const series: ChartSeries[] = first.values.map((value) => ({
    name: `${first.path} = ${value}`,
    values: report.rows.filter((row) => row.values[0] === value).map((row) => row[figure]),
  }));
  return lineChart({ title: `${title} over ${second.path}`, xLabels: second.values, series });
}
