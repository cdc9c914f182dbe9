// A small RFC 4180 reader for tests (the project has csv-stringify but no CSV parser): fields
// split at commas, a quoted field may hold commas, CRLF and doubled quotes; records end at CRLF.
const FIELD = /("(?:[^"]|"")*"|[^,\r\n"]*)(,|\r\n|$)/gy;

export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  FIELD.lastIndex = 0;
  while (FIELD.lastIndex < text.length) {
    const match = FIELD.exec(text);
    if (!match) throw new Error(`not CSV at offset ${FIELD.lastIndex}`);
    const [, raw = '', end] = match;
    record.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (end !== ',') {
      records.push(record);
      record = [];
    }
  }
  return records;
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
