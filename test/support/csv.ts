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

/** The records after the header row, as objects keyed by the header's names. */
export function csvRecords(text: string): Record<string, string>[] {
  const [head = [], ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(head.map((name, column) => [name, row[column] ?? ''])));
}
