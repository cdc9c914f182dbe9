// A finance report before it is written out: a title, the reproducibility line, a few summary
// sentences, tables, charts, and the records its CSV holds. Each format (table, Markdown, HTML,
// CSV) writes the same document; the figures are all the library's, none is computed here.
import type { ColumnAlignment } from '../../cli/text-table.js';

export interface ReportTable {
  readonly title: string;
  readonly head: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
  readonly alignments: readonly ColumnAlignment[];
  /** Lines printed under the table (the derivations of an explained entry, say). */
  readonly notes?: readonly string[];
}

/** A chart for the HTML report: already drawn, as inline SVG. */
export interface ReportChart {
  readonly title: string;
  readonly svg: string;
}

export interface ReportDocument {
  readonly title: string;
  readonly reproducibility: string;
  readonly summary: readonly string[];
  readonly tables: readonly ReportTable[];
  readonly charts: readonly ReportChart[];
  /** The CSV's columns and one row per record. */
  readonly csv: {
    readonly head: readonly string[];
    readonly records: ReadonlyArray<ReadonlyArray<string | number>>;
  };
}

/** `left` for the first column, `right` for the figures after it. */
export function figureColumns(count: number): ColumnAlignment[] {
  return Array.from({ length: count }, (_, index) => (index === 0 ? 'left' : 'right'));
}
