// A small RFC 4180 reader for the tests (no CSV parser is among the project's packages): fields
// separated by commas, records by CRLF (or LF), a field in double quotes may hold commas, line
// breaks and doubled quotes. It reads independently of csv-stringify, which writes the reports.

/**
 * The records of a CSV text, each an array of fields.
 *
 * @example
 * readCsv('a,"b,c"\r\n"say ""hi""",d\r\n')
 * //=> [['a', 'b,c'], ['say "hi"', 'd']]
 */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += character;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}
