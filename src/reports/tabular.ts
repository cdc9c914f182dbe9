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
 * A table as RFC 4180 CSV with a header row. A text cell a spreadsheet would run as a formula
 * (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return: a partner id from a CRM such as
 * `=HYPERLINK(…)`) is written with a `'` before it, which spreadsheets show as text; a number,
 * `-12.50` or `-4.2 %` among them, is written as it is.
 *
 * @example
 * csvTable(['kpi', 'value'], [['Activation rate', '75.0'], ['Note, with comma', 'n/a']])
 * //=> 'kpi,value\r\nActivation rate,75.0\r\n"Note, with comma",n/a\r\n'
 * csvTable(['partner'], [['=1+1']])
 * //=> "partner\r\n'=1+1\r\n"
 */
export function csvTable(head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  // csv-stringify quotes a field holding CRLF, not one with a bare CR or LF: those are quoted too.
  return stringify([head.map(csvCell), ...rows.map((row) => row.map(csvCell))], {
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
}

/** What starts a formula in a spreadsheet cell. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as the reports write one: a sign, digits with a point, and maybe a per cent sign. */
const NUMBER_TEXT = /^[+-]?\d+(\.\d+)?( ?%)?$/;

function csvCell(cell: Cell): string {
  const text = String(cell);
  return typeof cell === 'string' && FORMULA_START.test(text) && !NUMBER_TEXT.test(text) ? `'${text}` : text;
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
