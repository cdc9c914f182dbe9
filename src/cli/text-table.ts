// Plain text tables (box drawing, no colours, so the output is the same on every terminal), drawn
// by cli-table3. Its layout compares every cell with every earlier one (for row spans), which is
// quadratic in the rows: 10,000 partners took minutes. A long table is therefore drawn in blocks
// of rows at the widest block's column widths and the blocks' rows joined under one head.
import Table from 'cli-table3';

/** How each column of a text table is aligned: `left` for words, `right` for numbers and money. */
export type ColumnAlignment = 'left' | 'right';

type Row = ReadonlyArray<string | number>;

/** Rows drawn at once: small enough that cli-table3's layout stays fast. */
const BLOCK_ROWS = 50;

/**
 * A plain text table, in time proportional to its rows.
 *
 * @example
 * textTable(['tier', 'rate'], [['starter', '20%']], ['left', 'right'])
 * //=> '┌─────────┬──────┐\n│ tier    │ rate │\n├─────────┼──────┤\n│ starter │  20% │\n└─────────┴──────┘'
 */
export function textTable(
  head: readonly string[],
  given: readonly Row[],
  alignments: readonly ColumnAlignment[] = [],
): string {
  const rows = given.map((row) => row.map((cell) => (typeof cell === 'string' ? printable(cell) : cell)));
  if (rows.length <= BLOCK_ROWS || head.length === 0) return drawn(head, rows, alignments);
  const drawings = drawnInBlocks(head, rows, alignments).map((drawing) => drawing.split('\n'));
  // Each block is: top border, the head's lines, the line under the head, its rows, bottom border.
  const headLines = 2 + Math.max(...head.map((cell) => cell.split('\n').length));
  const [firstBlock = []] = drawings;
  return [
    ...firstBlock.slice(0, headLines),
    ...drawings.flatMap((lines) => lines.slice(headLines, -1)),
    ...firstBlock.slice(-1),
  ].join('\n');
}

/** Each block of rows drawn as a table of its own, all at the same column widths. */
function drawnInBlocks(
  head: readonly string[],
  rows: readonly Row[],
  alignments: readonly ColumnAlignment[],
) {
  const blocks: Row[][] = [];
  for (let start = 0; start < rows.length; start += BLOCK_ROWS)
    blocks.push(rows.slice(start, start + BLOCK_ROWS));
  const widths = plainWidths([head, ...rows]);
  if (widths !== null) return blocks.map((block) => drawn(head, block, alignments, widths));
  // Other text is measured as cli-table3 measures it (wide characters take two columns): by
  // drawing each block alone; only a block narrower than the widest somewhere is drawn again.
  const alone = blocks.map((block) => drawn(head, block, alignments));
  const own = alone.map(columnWidths);
  const widest = own.reduce((max, block) => max.map((width, column) => Math.max(width, block[column] ?? 0)));
  return alone.map((drawing, index) =>
    (own[index] ?? []).every((width, column) => width === widest[column])
      ? drawing
      : drawn(head, blocks[index] ?? [], alignments, widest),
  );
}

/**
 * The column widths (text and one space each side) when every cell is printable ASCII on one
 * line, where a character is a column; else null.
 */
function plainWidths(rows: readonly Row[]): number[] | null {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [column, cell] of row.entries()) {
      const text = String(cell);
      if (!/^[\x20-\x7e]*$/.test(text)) return null;
      widths[column] = Math.max(widths[column] ?? 0, text.length + 2);
    }
  }
  return widths;
}

function drawn(
  head: readonly string[],
  rows: readonly Row[],
  alignments: readonly ColumnAlignment[],
  widths?: readonly number[],
): string {
  const table = new Table({
    head: [...head],
    colAligns: [...alignments],
    style: { head: [], border: [], compact: true },
    ...(widths === undefined ? {} : { colWidths: [...widths] }),
  });
  table.push(...rows.map((row) => [...row]));
  return table.toString();
}

/** The width of each column of a drawing, read from its top border ("┌───┬──┐"). */
function columnWidths(drawing: string): number[] {
  return drawing
    .slice(1, drawing.indexOf('\n') - 1)
    .split('┬')
    .map((segment) => segment.length);
}

// C0 and C1 control characters and DEL: an id holding an escape sequence, a carriage return or a
// line feed must not move the cursor, recolour the terminal or forge a row.
const CONTROL = /\p{Cc}/gu;

/**
 * Text as a terminal shows it safely: each control character written as its code, `\x1B`.
 *
 * @example
 * printable('p1\u001b[31m')
 * //=> 'p1\\x1B[31m'
 */
export function printable(text: string): string {
  return text.replace(CONTROL, controlCode);
}

/** A control character as its code, `\\x1B`: how every output shows one. */
export function controlCode(character: string): string {
  return `\\x${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
