// Ids and names from events and programmes may hold control characters (an escape sequence, a
// line feed): every report shows them as their code, so none recolours a terminal, forges a
// line or breaks a page.
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/reports/finance/document.js';
import { markdownReport, textReport } from '../../src/reports/finance/formats.js';
import { escapeHtml } from '../../src/reports/html/escape.js';

const red = 'p1\u001b[31m';
const document: ReportDocument = {
  title: `Partner ${red}`,
  reproducibility: 'programme x, events y',
  summary: ['line\nforged'],
  tables: [
    { title: `Team of ${red}`, head: ['id'], rows: [[red]], alignments: ['left'], notes: [`note ${red}`] },
  ],
  charts: [],
  csv: { head: [], records: [] },
};

describe('control characters in reports', () => {
  it('are shown as their code in text, in titles, summaries, tables and notes alike', () => {
    const text = textReport(document);
    expect(text.includes('\u001b')).toBe(false);
    expect(text.split('\n')[0]).toBe('Partner p1\\x1B[31m');
    expect(text).toContain('line\\x0Aforged');
    expect(text).toContain('note p1\\x1B[31m');
  });

  it('are shown as their code in Markdown, a line feed as a space', () => {
    const markdown = markdownReport(document);
    expect(markdown.includes('\u001b')).toBe(false);
    expect(markdown.split('\n')[0]).toBe('# Partner p1\\\\x1B\\[31m');
    expect(markdown).toContain('- line forged');
  });

  it('are shown as their code in HTML, tab and line feed kept', () => {
    expect(escapeHtml(`<b>${red}</b>\tx\ny`)).toBe('&lt;b&gt;p1\\x1B[31m&lt;/b&gt;\tx\ny');
  });
});
