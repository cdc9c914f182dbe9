// The shell of a self-contained HTML report: one file with its CSS inline, no script and nothing
// fetched, so it opens the same offline, attached to an e-mail or archived. A page is a title, the
// reproducibility line and sections of escaped text, tables and inline SVG charts.
import { escapeHtml } from './escape.js';

/** A block of a section: a paragraph of text, a table, or markup already made safe (a chart). */
export type PageBlock =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'table'; readonly table: HtmlTable }
  | { readonly kind: 'markup'; readonly markup: string };

export interface PageSection {
  readonly heading: string;
  readonly blocks: readonly PageBlock[];
}

export interface HtmlTable {
  readonly head: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
  /** Per column; `right` for numbers and money. */
  readonly alignments?: ReadonlyArray<'left' | 'right'>;
  /** Whether each row's first cell names the row (a `<th scope="row">`), as a tier or a partner does. */
  readonly rowHeaders?: boolean;
  /**
   * Whether each body cell carries its column's heading (`data-label`), so a narrow screen's
   * style can show the rows as cards of labelled lines instead of squeezing the columns.
   */
  readonly labelled?: boolean;
}

export interface HtmlPageOptions {
  readonly title: string;
  /** The report's reproducibility line (see reports/reproducibility.ts). */
  readonly reproducibility: string;
  readonly sections: readonly PageSection[];
}

const STYLE = `
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f;
  margin: 0 auto; max-width: 1120px; padding: 24px 32px 48px; background: #ffffff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 1px solid #dddddd; padding-bottom: 4px; }
p.reproducibility { font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; color: #555555;
  word-break: break-all; margin: 0 0 16px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 10px; border-bottom: 1px solid #e6e6e6; text-align: left; vertical-align: top; }
th { background: #f4f5f7; font-weight: 600; }
td.right, th.right { text-align: right; }
svg { display: block; margin: 8px 0 16px; max-width: 100%; height: auto; }
svg text { font: 12px system-ui, sans-serif; fill: #333333; }
svg text.chart-title { font-size: 15px; font-weight: 600; }
`;

/**
 * A whole HTML document.
 *
 * @example
 * htmlPage({ title: 'Simulation', reproducibility: 'events sha256:… as of …',
 *            sections: [{ heading: 'Summary', blocks: [{ kind: 'text', text: 'Cost +1.2 %' }] }] })
 * //=> '<!DOCTYPE html>\n<html lang="en">…<h1>Simulation</h1>…</html>\n'
 */
export function htmlPage(options: HtmlPageOptions): string {
  return htmlDocument({
    title: options.title,
    style: STYLE,
    body: [
      `<h1>${escapeHtml(options.title)}</h1>`,
      `<p class="reproducibility">${escapeHtml(options.reproducibility)}</p>`,
      ...options.sections.map(sectionHtml),
    ].join('\n'),
  });
}

export interface HtmlDocumentOptions {
  /** The document's title (escaped here). */
  readonly title: string;
  /** The page's whole style sheet, inlined. */
  readonly style: string;
  /** The body's markup, already made safe. */
  readonly body: string;
}

/**
 * The shell every self-contained page shares: English, UTF-8, scaled to the device's width, its
 * style inline, no script.
 *
 * @example
 * htmlDocument({ title: 'Ana', style: 'body { margin: 0; }', body: '<h1>Ana</h1>' })
 * //=> '<!DOCTYPE html>\n<html lang="en">\n<head>…<title>Ana</title>…<body>\n<h1>Ana</h1>\n</body>\n</html>\n'
 */
export function htmlDocument(options: HtmlDocumentOptions): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${options.style}</style>`,
    '</head>',
    '<body>',
    options.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function sectionHtml(section: PageSection): string {
  return [`<h2>${escapeHtml(section.heading)}</h2>`, ...section.blocks.map(blockHtml)].join('\n');
}

function blockHtml(block: PageBlock): string {
  switch (block.kind) {
    case 'text':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'table':
      return tableHtml(block.table);
    case 'markup':
      return block.markup;
    default: {
      const never: never = block;
      return never;
    }
  }
}

/**
 * A table with its cells escaped.
 *
 * @example
 * tableHtml({ head: ['tier', 'cost'], rows: [['active', '12.00']], alignments: ['left', 'right'] })
 * //=> '<table>\n<thead><tr><th scope="col">tier</th><th scope="col" class="right">cost</th></tr></thead>\n<tbody>…'
 */
export function tableHtml(table: HtmlTable): string {
  const cell = (tag: 'th' | 'td', text: string | number, column: number, attributes = '') => {
    const alignment = table.alignments?.[column] === 'right' ? ' class="right"' : '';
    return `<${tag}${attributes}${alignment}>${escapeHtml(String(text))}</${tag}>`;
  };
  const head = table.head.map((text, column) => cell('th', text, column, ' scope="col"')).join('');
  const label = (column: number) =>
    table.labelled ? ` data-label="${escapeHtml(table.head[column] ?? '')}"` : '';
  const rowCell = (text: string | number, column: number) =>
    table.rowHeaders && column === 0
      ? cell('th', text, column, ` scope="row"${label(column)}`)
      : cell('td', text, column, label(column));
  const rows = table.rows.map((row) => `<tr>${row.map(rowCell).join('')}</tr>`);
  const open = table.labelled ? '<table class="labelled">' : '<table>';
  return [open, `<thead><tr>${head}</tr></thead>`, '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
}
