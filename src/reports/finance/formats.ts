// A finance report document written out: aligned text tables for a terminal, Markdown, one
// self-contained HTML file (summary, charts, tables; no script, nothing fetched) and CSV
// (RFC 4180 by csv-stringify: a header row, one row per record, quoted where needed).
import { printable, textTable } from '../../cli/text-table.js';
import { htmlPage, type PageBlock } from '../html/index.js';
import { csvTable, markdownTable } from '../tabular.js';
import type { ReportDocument, ReportTable } from './document.js';

export const REPORT_FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * The document as aligned text tables, each under its title.
 *
 * @example
 * textReport(document).split('\n')[0]
 * //=> 'Simulation: 1 candidate against baseline'
 */
export function textReport(document: ReportDocument): string {
  // Titles, summary lines and notes hold ids and names from events and programmes: each control
  // character is shown as its code, so none moves the cursor, recolours the terminal or forges a line.
  const line = (text: string) => printable(text);
  const parts = [line(document.title), document.reproducibility, '', ...document.summary.map(line)];
  for (const table of document.tables) {
    parts.push('', line(table.title), textTable(table.head, table.rows, table.alignments));
    if (table.notes) parts.push(...table.notes.map(line));
  }
  return `${parts.join('\n')}\n`;
}

/**
 * The document as Markdown: a heading per table, GitHub tables with `|` escaped.
 *
 * @example
 * markdownReport(document).startsWith('# Simulation')
 * //=> true
 */
export function markdownReport(document: ReportDocument): string {
  const parts = [`# ${markdownText(document.title)}`, '', `\`${document.reproducibility}\``, ''];
  parts.push(...document.summary.map((line) => `- ${markdownText(line)}`));
  for (const table of document.tables) {
    parts.push(
      '',
      `## ${markdownText(table.title)}`,
      '',
      markdownTable(table.head, table.rows, table.alignments, markdownText),
    );
    if (table.notes) parts.push('', ...table.notes.map((note) => `- ${markdownText(note)}`));
  }
  return `${parts.join('\n')}\n`;
}

/** Text that Markdown shows as it is: no table breaks, no stray emphasis, no HTML. */
function markdownText(text: string): string {
  const flat = printable(text.replace(/\r?\n/g, ' '));
  return flat.replace(/[\\|*_`<>[\]]/g, (character) => `\\${character}`);
}

/**
 * The document as one HTML file: the summary, the charts, then the tables.
 *
 * @example
 * htmlReport(document).includes('<svg')
 * //=> true
 */
export function htmlReport(document: ReportDocument): string {
  const tableBlocks = (table: ReportTable): PageBlock[] => [
    { kind: 'table', table: { head: table.head, rows: table.rows, alignments: table.alignments } },
    ...(table.notes ?? []).map((text): PageBlock => ({ kind: 'text', text })),
  ];
  return htmlPage({
    title: document.title,
    reproducibility: document.reproducibility,
    sections: [
      { heading: 'Summary', blocks: document.summary.map((text) => ({ kind: 'text', text })) },
      ...document.charts.map((chart) => ({
        heading: chart.title,
        blocks: [{ kind: 'markup' as const, markup: chart.svg }],
      })),
      ...document.tables.map((table) => ({ heading: table.title, blocks: tableBlocks(table) })),
    ],
  });
}

/**
 * The document's records as CSV: RFC 4180, CRLF line ends, a header row.
 *
 * @example
 * csvReport(document).split('\r\n')[0]
 * //=> 'candidate,measure,key,baseline,value,delta'
 */
export function csvReport(document: ReportDocument): string {
  return csvTable(document.csv.head, document.csv.records);
}
