import { describe, expect, it } from 'vitest';
import { sisoProgram } from '../../src/program/siso.js';
import { csvReport, htmlReport, markdownReport, textReport } from '../../src/reports/finance/formats.js';
import { simulationDocument } from '../../src/reports/finance/simulation-document.js';
import { simulate } from '../../src/simulation/simulate.js';
import { sisoWithRate } from '../simulation/givens.js';
import { parseCsv as readCsv } from '../support/csv.js';
import { dealRun, events } from '../support/scenario.js';

// A partner whose id holds every character the formats must escape: a comma, quotes, a pipe, a
// line break and markup. Certified, five deals of 1000.00: the same costs as onePartnerStream.
const awkward = 'a,"b"|c\n<i>';
const stream = [
  events.joined(awkward, '2025-01-01', null, 'j-1'),
  events.trained(awkward, '2025-01-02', 'certification', 't-1'),
  ...dealRun(awkward, { from: '2025-01-10T09:00:00Z', count: 5 }),
];
const report = simulate({
  events: stream,
  baseline: sisoProgram,
  candidates: [sisoWithRate('active', '0.24')],
});
const document = simulationDocument(report);

describe('finance report formats', () => {
  it('writes CSV that parses back to exactly the records', () => {
    const rows = readCsv(csvReport(document));
    expect(rows).toEqual([document.csv.head, ...document.csv.records].map((row) => row.map(String)));
    // The partner's row survives its comma, quotes and line break: 2 × 200.00 + 3 × 220.00 → + 3 × 20.00.
    expect(rows).toContainEqual(['candidate 1', 'partner', awkward, '1060.00', '1120.00', '60.00']);
  });

  it('escapes Markdown table cells', () => {
    const markdown = markdownReport(document);
    expect(markdown).toContain('| candidate 1 | gains | a,"b"\\|c \\<i\\> | 1060.00 | 1120.00 | 60.00 |');
  });

  it('escapes HTML', () => {
    const html = htmlReport(document);
    expect(html).toContain('a,&quot;b&quot;|c\n&lt;i&gt;');
    expect(html).not.toContain('<i>');
  });

  it('aligns the text tables', () => {
    const text = textReport(document);
    expect(text).toContain('│ commission     │  1060.00 │     1120.00 │ 60.00 │');
  });
});
