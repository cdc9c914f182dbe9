// One table of a report in the formats finance opens: CSV (RFC 4180, through csv-stringify: a
// header row, CRLF line ends, fields quoted when they hold a comma, a quote or a line end) and
// Markdown (pipes and line ends in a cell escaped, so a cell never breaks the table).
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number;
export type Alignment = 'left' | 'right';
/** Draws a plain text table (the CLI passes its own, so reports stay free of terminal code). */
export type TextTable = (
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  alignments: readonly Alignment[],
) => string;

/**
 * A table as RFC 4180 CSV with a header row.
 *
 * @example
 * csvTable(['kpi', 'value'], [['Activation rate', '75.0'], ['Note, with comma', 'n/a']])
 * //=> 'kpi,value\r\nActivation rate,75.0\r\n"Note, with comma",n/a\r\n'
 */
export function csvTable(head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  // csv-stringify quotes a field holding CRLF, not one with a bare CR or LF: those are quoted too.
  return stringify([[...head], ...rows.map((row) => row.map(String))], {
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
}

/**
 * A table in GitHub-flavoured Markdown; `right` columns are aligned right. Each cell is written
 * by `cell` (by default: pipes and backslashes escaped, line ends as `<br>`).
 *
 * @example
 * markdownTable(['tier', 'value'], [['a|b', '1.00']], ['left', 'right'])
 * //=> '| tier | value |\n| --- | ---: |\n| a\\|b | 1.00 |'
 */
export function markdownTable(
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  alignments: readonly ('left' | 'right')[] = [],
  cell: (text: string) => string = markdownCell,
): string {
  const line = (cells: readonly Cell[]) => `| ${cells.map((value) => cell(String(value))).join(' | ')} |`;
  const rule = head.map((_, column) => (alignments[column] === 'right' ? '---:' : '---'));
  return [line(head), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

function markdownCell(cell: string): string {
  return cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
