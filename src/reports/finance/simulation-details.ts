// The parts of the simulation report about people and rules: the biggest winners and losers, the
// guards' verdicts with who or what breaks them, one partner's delta entry by entry with both
// derivations, and every figure of the report as a CSV record.
import type { EntrySide } from '../../simulation/partner-delta.js';
import type { SimulationReport } from '../../simulation/simulate.js';
import type { ReportTable } from './document.js';

/** Violations a table shows per guard; the JSON report has them all. */
const VIOLATIONS_SHOWN = 10;

export function winnersTable(report: SimulationReport): ReportTable[] {
  const rows = report.candidates.flatMap((candidate) =>
    [
      ...candidate.winners.map((row) => ['gains', row] as const),
      ...candidate.losers.map((row) => ['loses', row] as const),
    ].map(([side, row]) => [
      candidate.name,
      side,
      row.partnerId,
      row.baseline,
      row.candidate,
      row.delta,
      `${row.baselineTier} → ${row.candidateTier}`,
    ]),
  );
  if (rows.length === 0) return [];
  return [
    {
      title: 'Biggest winners and losers',
      head: ['candidate', '', 'partner', 'baseline', 'candidate', 'delta', 'tier at the end'],
      rows,
      alignments: ['left', 'left', 'left', 'right', 'right', 'right', 'left'],
    },
  ];
}

export function guardTable(report: SimulationReport): ReportTable[] {
  const rows = report.candidates.flatMap((candidate) =>
    candidate.guards.map((guard) => {
      const shown = guard.violations
        .slice(0, VIOLATIONS_SHOWN)
        .map((violation) => violation.partnerId ?? violation.month ?? 'the whole run');
      const more =
        guard.violations.length > VIOLATIONS_SHOWN
          ? ` and ${guard.violations.length - VIOLATIONS_SHOWN} more`
          : '';
      return [
        candidate.name,
        guard.guard,
        guard.passed ? 'holds' : 'VIOLATED',
        guard.measured,
        `${shown.join(', ')}${more}`,
      ];
    }),
  );
  if (rows.length === 0) return [];
  const notes = report.candidates.flatMap((candidate) =>
    candidate.guards.flatMap((guard) =>
      guard.violations
        .slice(0, VIOLATIONS_SHOWN)
        .map((violation) => `${candidate.name}, ${guard.guard}: ${violation.message}`),
    ),
  );
  return [
    {
      title: 'Guards',
      head: ['candidate', 'guard', 'verdict', 'measured', 'broken by'],
      rows,
      alignments: ['left', 'left', 'left', 'left', 'left'],
      notes,
    },
  ];
}

function side(entry: EntrySide | null): string[] {
  if (entry === null) return ['—', '', '', '', ''];
  return [entry.amount, entry.rate, entry.tier, entry.programVersion, entry.eventId];
}

export function explainedPartnerTables(report: SimulationReport): ReportTable[] {
  return report.candidates.flatMap((candidate): ReportTable[] => {
    const explained = candidate.partner;
    if (!explained) return [];
    const rows = explained.changes.map((change) => [
      change.entryId,
      change.change,
      change.delta,
      ...side(change.baseline),
      ...side(change.candidate),
    ]);
    const notes = explained.changes.flatMap((change) => [
      `${change.entryId}, baseline: ${change.baseline?.explanation ?? 'no such entry'}`,
      `${change.entryId}, ${candidate.name}: ${change.candidate?.explanation ?? 'no such entry'}`,
    ]);
    return [
      {
        title: `Why ${explained.partnerId}'s pay changes by ${explained.delta} under ${candidate.name} (${explained.baseline} → ${explained.candidate}; ${explained.unchanged} entries unchanged)`,
        head: [
          'entry',
          'change',
          'delta',
          'baseline',
          'rate',
          'tier',
          'version',
          'event',
          candidate.name,
          'rate',
          'tier',
          'version',
          'event',
        ],
        rows,
        alignments: [
          'left',
          'left',
          'right',
          'right',
          'right',
          'left',
          'left',
          'left',
          'right',
          'right',
          'left',
          'left',
          'left',
        ],
        notes,
      },
    ];
  });
}

type CsvRecord = ReadonlyArray<string | number>;

/** Every figure as candidate, measure, key, baseline, value, delta. */
export function simulationRecords(report: SimulationReport): CsvRecord[] {
  const { baseline } = report;
  const records: CsvRecord[] = [
    ['', 'reproducibility', 'events sha256', '', report.reproducibility.events, ''],
    ...report.reproducibility.programs.map((program) => [
      program.name,
      'reproducibility',
      `${program.program} sha256`,
      '',
      program.sha256,
      '',
    ]),
    ['', 'reproducibility', 'as of', '', report.asOf ?? '', ''],
  ];
  for (const candidate of report.candidates) {
    const name = candidate.name;
    records.push(
      [name, 'total', '', baseline.total, candidate.total, candidate.delta],
      [name, 'revenue', '', baseline.revenue, candidate.revenue, ''],
      [name, 'cost share', '', baseline.costShare ?? '', candidate.costShare ?? '', ''],
      ...candidate.byKind.map((row) => [
        name,
        'cost by kind',
        row.kind,
        row.baseline,
        row.candidate,
        row.delta,
      ]),
      ...candidate.byTier.map((row) => [
        name,
        'cost by tier',
        row.tier,
        row.baseline,
        row.candidate,
        row.delta,
      ]),
      ...candidate.byMonth.map((row) => [
        name,
        'cost by month',
        row.month,
        row.baseline,
        row.candidate,
        row.delta,
      ]),
      ...candidate.byMonth.map((row) => [
        name,
        'cost share by month',
        row.month,
        row.baselineShare ?? '',
        row.candidateShare ?? '',
        '',
      ]),
      ...candidate.tiers.map((row) => [
        name,
        'partners at the end',
        row.tier,
        row.baseline,
        row.candidate,
        row.candidate - row.baseline,
      ]),
      ...Object.entries(candidate.movements).map(([movement, row]) => [
        name,
        'movements',
        movement,
        row.baseline,
        row.candidate,
        row.candidate - row.baseline,
      ]),
      ...[...candidate.winners, ...candidate.losers].map((row) => [
        name,
        'partner',
        row.partnerId,
        row.baseline,
        row.candidate,
        row.delta,
      ]),
      ...candidate.guards.map((guard) => [
        name,
        'guard',
        guard.guard,
        '',
        guard.passed ? 'holds' : 'violated',
        guard.measured,
      ]),
      ...(candidate.partner?.changes ?? []).map((change) => [
        name,
        `entry of ${candidate.partner?.partnerId ?? ''}`,
        change.entryId,
        change.baseline?.amount ?? '',
        change.candidate?.amount ?? '',
        change.delta,
      ]),
    );
  }
  return records;
}
