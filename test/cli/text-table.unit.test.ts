// Long tables are drawn in blocks of rows so the time grows with the rows, not their square: the
// text must be what cli-table3 draws for the whole table at once.
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { type ColumnAlignment, printable, textTable } from '../../src/cli/text-table.js';

const head = ['id', 'tier', 'deals', 'revenue'];
const alignments: ColumnAlignment[] = ['left', 'left', 'right', 'right'];

/** cli-table3 drawing every row at once, as textTable did before it drew in blocks. */
function wholeTable(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const table = new Table({ head, colAligns: alignments, style: { head: [], border: [], compact: true } });
  table.push(...rows.map((row) => [...row]));
  return table.toString();
}

describe('textTable', () => {
  it('draws a long table exactly as one cli-table3 table, widest cell in a late block', () => {
    const rows = Array.from({ length: 345 }, (_, index) => [`p${index}`, 'starter', index, `${index}.00`]);
    rows[301] = ['a-much-longer-partner-id', 'performer', 123_456, '98765432.10'];
    rows[7] = ['', '-', 0, ''];
    expect(textTable(head, rows, alignments)).toBe(wholeTable(rows));
  });

  it('measures wide characters as cli-table3 does', () => {
    const rows = Array.from({ length: 150 }, (_, index) => [
      index === 140 ? '日本の取引先' : `p${index}`,
      'é',
      1,
      '1.00',
    ]);
    expect(textTable(head, rows, alignments)).toBe(wholeTable(rows));
  });

  it('draws a short table in one piece', () => {
    expect(textTable(['tier', 'rate'], [['starter', '20%']], ['left', 'right'])).toBe(
      '┌─────────┬──────┐\n│ tier    │ rate │\n├─────────┼──────┤\n│ starter │  20% │\n└─────────┴──────┘',
    );
  });
});

describe('cells holding control characters', () => {
  it('shows them as codes, so an id cannot move the cursor, recolour the terminal or forge a row', () => {
    const table = textTable(['id'], [['p1\u001b[31m'], ['p2\r\nforged']]);
    expect(table).toContain('p1\\x1B[31m');
    expect(table).toContain('p2\\x0D\\x0Aforged');
    // No control character is left on any line (the table's own line breaks aside).
    expect(table.split('\n').some((line) => /\p{Cc}/u.test(line))).toBe(false);
    expect(printable('caf\u00e9 \u2013 ok')).toBe('caf\u00e9 \u2013 ok');
  });
});
