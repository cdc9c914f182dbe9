// CSV read back with csv-parse (RFC 4180: a quoted field may hold commas, line breaks and doubled
// quotes), independently of csv-stringify, which writes the reports.
import { parse } from 'csv-parse/sync';

/**
 * The records of a CSV text, each an array of fields, exactly as written (no trimming, no casts).
 *
 * @example
 * parseCsv('a,"b,c"\r\n"say ""hi""",d\r\n')
 * //=> [['a', 'b,c'], ['say "hi"', 'd']]
 */
export function parseCsv(text: string): string[][] {
  return parse(text) as string[][];
}

/** Leading comment lines (`# …`, such as a report's reproducibility line) and the CSV after them. */
export function splitComments(text: string): { comments: string[]; csv: string } {
  const comments: string[] = [];
  let rest = text;
  while (rest.startsWith('#')) {
    const end = rest.indexOf('\r\n');
    comments.push(rest.slice(0, end < 0 ? undefined : end));
    rest = end < 0 ? '' : rest.slice(end + 2);
  }
  return { comments, csv: rest };
}

/** The records after the header row (and any leading comment lines), keyed by the header's names. */
export function csvRecords(text: string): Record<string, string>[] {
  const [head = [], ...rows] = parseCsv(splitComments(text).csv);
  return rows.map((row) => Object.fromEntries(head.map((name, column) => [name, row[column] ?? ''])));
}
