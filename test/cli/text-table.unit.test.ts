// Long tables are drawn in blocks of rows so the time grows with the rows, not their square: the
// text must be what cli-table3 draws for the whole table at once.
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { type ColumnAlignment, textTable } from '../../src/cli/text-table.js';

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
