// The simulation report as a document: the summary, a table per breakdown (baseline and each
// candidate side by side), winners and losers, the guards' verdicts, an explained partner, the
// charts of the HTML report, and the CSV's records (one per figure: candidate, measure, key,
// baseline, value, delta).
import { percent } from '../../simulation/shares.js';
import type { CandidateReport, SimulationReport } from '../../simulation/simulate.js';
import { barChart, lineChart } from '../html/index.js';
import { reproducibilityLine } from '../reproducibility.js';
import { figureColumns, type ReportChart, type ReportDocument, type ReportTable } from './document.js';
import { explainedPartnerTables, guardTable, simulationRecords, winnersTable } from './simulation-details.js';

/**
 * The document of a simulation report.
 *
 * @example
 * simulationDocument(simulate({ events, baseline, candidates: [active24] })).title
 * //=> 'Simulation: 1 candidate against baseline (siso@2025.1)'
 */
export function simulationDocument(report: SimulationReport): ReportDocument {
  const { baseline, candidates } = report;
  const count = candidates.length === 1 ? '1 candidate' : `${candidates.length} candidates`;
  return {
    title: `Simulation: ${count} against ${baseline.name} (${baseline.program})`,
    reproducibility: reproducibilityLine(report.reproducibility),
    summary: summaryLines(report),
    tables: [
      summaryTable(report),
      costTable(
        'Cost by kind',
        'kind',
        baseline.byKind.map((row) => [row.kind, row.cost]),
        candidates,
        (candidate) => candidate.byKind.map((row) => [row.kind, row.candidate, row.delta]),
      ),
      costTable(
        'Cost by tier (the earner’s tier when paid)',
        'tier',
        baseline.byTier.map((row) => [row.tier, row.cost]),
        candidates,
        (candidate) => candidate.byTier.map((row) => [row.tier, row.candidate, row.delta]),
      ),
      monthTable(report),
      countTable(report),
      ...winnersTable(report),
      ...guardTable(report),
      ...explainedPartnerTables(report),
    ],
    charts: charts(report),
    csv: {
      head: ['candidate', 'measure', 'key', 'baseline', 'value', 'delta'],
      records: simulationRecords(report),
    },
  };
}

function summaryLines(report: SimulationReport): string[] {
  const { baseline, currency } = report;
  const lines = [
    `${baseline.name === 'baseline' ? 'Baseline' : `Baseline ${baseline.name}`} (${baseline.program}): total cost ${baseline.total} ${currency} on revenue ${baseline.revenue} (${percent(baseline.costShare)}), as of ${report.asOf ?? 'no events'}.`,
  ];
  for (const candidate of report.candidates) {
    const guards =
      candidate.guards.length === 0
        ? ''
        : ` Guards: ${candidate.guards.filter((guard) => guard.passed).length} of ${candidate.guards.length} hold.`;
    lines.push(
      `${candidate.name}: total ${candidate.total} ${currency}, ${signed(candidate.delta)} (${signedPercent(candidate.deltaShare)}) against the baseline; cost share ${percent(candidate.costShare)}; ${candidate.partners.better} partners better off, ${candidate.partners.worse} worse off.${guards}`,
    );
    const refused = candidate.rejected.reduce((sum, row) => sum + row.events, 0);
    if (refused > baseline.rejected.reduce((sum, row) => sum + row.events, 0))
      lines.push(
        `${candidate.name} refused ${refused} events (${candidate.rejected.map((row) => `${row.code} ${row.events}`).join(', ')}): its figures leave them out.`,
      );
  }
  return lines;
}

function signed(amount: string): string {
  return amount.startsWith('-') ? amount : `+${amount}`;
}

function signedPercent(share: string | null): string {
  return share === null || share.startsWith('-') ? percent(share) : `+${percent(share)}`;
}

function summaryTable(report: SimulationReport): ReportTable {
  const { baseline } = report;
  const rows = [
    [
      baseline.name,
      baseline.program,
      baseline.total,
      '',
      '',
      baseline.revenue,
      percent(baseline.costShare),
      '',
      '',
    ],
    ...report.candidates.map((candidate) => [
      candidate.name,
      candidate.program,
      candidate.total,
      candidate.delta,
      percent(candidate.deltaShare),
      candidate.revenue,
      percent(candidate.costShare),
      candidate.partners.better,
      candidate.partners.worse,
    ]),
  ];
  const head = [
    'programme',
    'version',
    'total cost',
    'delta',
    'delta %',
    'revenue',
    'cost share',
    'better off',
    'worse off',
  ];
  return {
    title: `Summary (${report.currency})`,
    head,
    rows,
    alignments: ['left', 'left', ...figureColumns(7).map(() => 'right' as const)],
  };
}

type Keyed = ReadonlyArray<readonly [string, string]>;
type KeyedDelta = ReadonlyArray<readonly [string, string, string]>;

/** Rows by key: the baseline's figure, then each candidate's figure and delta. */
function costTable(
  title: string,
  key: string,
  baseline: Keyed,
  candidates: readonly CandidateReport[],
  rowsOf: (candidate: CandidateReport) => KeyedDelta,
): ReportTable {
  const byCandidate = candidates.map(
    (candidate) => new Map(rowsOf(candidate).map(([name, value, delta]) => [name, [value, delta]])),
  );
  const keys = [
    ...new Set([...baseline.map(([name]) => name), ...byCandidate.flatMap((rows) => [...rows.keys()])]),
  ];
  const before = new Map(baseline);
  const rows = keys.map((name) => [
    name,
    before.get(name) ?? '',
    ...byCandidate.flatMap((rows) => rows.get(name) ?? ['', '']),
  ]);
  const head = [key, 'baseline', ...candidates.flatMap((candidate) => [candidate.name, 'delta'])];
  return { title, head, rows, alignments: figureColumns(head.length) };
}

function monthTable(report: SimulationReport): ReportTable {
  const byCandidate = report.candidates.map(
    (candidate) => new Map(candidate.byMonth.map((row) => [row.month, row])),
  );
  const rows = report.baseline.byMonth.map((month) => [
    month.month,
    month.revenue,
    month.cost,
    percent(month.costShare),
    ...byCandidate.flatMap((rows) => {
      const row = rows.get(month.month);
      return row ? [row.candidate, row.delta, percent(row.candidateShare)] : ['', '', ''];
    }),
  ]);
  const head = [
    'month',
    'revenue',
    'baseline',
    'share',
    ...report.candidates.flatMap((candidate) => [candidate.name, 'delta', 'share']),
  ];
  return {
    title: 'Cost by month, and as a share of revenue',
    head,
    rows,
    alignments: figureColumns(head.length),
  };
}

function countTable(report: SimulationReport): ReportTable {
  const { baseline, candidates } = report;
  const rows: Array<Array<string | number>> = [
    ...baseline.tiers.map((row, index) => [
      `partners at ${row.tier} at the end`,
      row.partners,
      ...candidates.map((candidate) => candidate.tiers[index]?.candidate ?? ''),
    ]),
    [
      'promotions',
      baseline.movements.promotions,
      ...candidates.map((candidate) => candidate.movements.promotions.candidate),
    ],
    [
      'demotions',
      baseline.movements.demotions,
      ...candidates.map((candidate) => candidate.movements.demotions.candidate),
    ],
    [
      'put at risk',
      baseline.movements.atRisk,
      ...candidates.map((candidate) => candidate.movements.atRisk.candidate),
    ],
    [
      'waitlisted',
      baseline.movements.waitlisted,
      ...candidates.map((candidate) => candidate.movements.waitlisted.candidate),
    ],
    ...baseline.waitlists.flatMap((row, index) => [
      [
        `${row.tier} waitlist at the end`,
        row.final,
        ...candidates.map((candidate) => candidate.waitlists[index]?.final.candidate ?? ''),
      ],
      [
        `${row.tier} waitlist at its longest`,
        row.peak,
        ...candidates.map((candidate) => candidate.waitlists[index]?.peak.candidate ?? ''),
      ],
    ]),
  ];
  const head = ['partners', 'baseline', ...candidates.map((candidate) => candidate.name)];
  return { title: 'Tiers, movements and waitlists', head, rows, alignments: figureColumns(head.length) };
}

function charts(report: SimulationReport): ReportChart[] {
  const { currency, baseline, candidates } = report;
  const tiers = baseline.byTier.map((row) => row.tier);
  const months = baseline.byMonth.map((row) => row.month);
  const figure = <Row>(rows: readonly Row[], key: (row: Row) => string, value: (row: Row) => string) => {
    const byKey = new Map(rows.map((row) => [key(row), value(row)]));
    return (name: string) => byKey.get(name) ?? '0';
  };
  const tierSeries = [
    { name: baseline.name, values: baseline.byTier.map((row) => row.cost) },
    ...candidates.map((candidate) => ({
      name: candidate.name,
      values: tiers.map(
        figure(
          candidate.byTier,
          (row) => row.tier,
          (row) => row.candidate,
        ),
      ),
    })),
  ];
  const monthSeries = [
    { name: baseline.name, values: baseline.byMonth.map((row) => row.cost) },
    ...candidates.map((candidate) => ({
      name: candidate.name,
      values: months.map(
        figure(
          candidate.byMonth,
          (row) => row.month,
          (row) => row.candidate,
        ),
      ),
    })),
  ];
  const deltaSeries = candidates.map((candidate) => ({
    name: candidate.name,
    values: months.map(
      figure(
        candidate.byMonth,
        (row) => row.month,
        (row) => row.delta,
      ),
    ),
  }));
  return [
    {
      title: `Cost by tier, baseline and candidates (${currency})`,
      svg: barChart({ title: `Cost by tier (${currency})`, categories: tiers, series: tierSeries }),
    },
    {
      title: `Cost by month (${currency})`,
      svg: lineChart({ title: `Cost by month (${currency})`, xLabels: months, series: monthSeries }),
    },
    {
      title: `Extra cost by month against the baseline (${currency})`,
      svg: barChart({
        title: `Candidate minus baseline, by month (${currency})`,
        categories: months,
        series: deltaSeries,
      }),
    },
  ];
}
