// Horizontal stacked bars drawn as text: one bar per category (a tier), one segment per series (a
// status), each category's name above its bar and its total after it, so the drawing reads the
// same scaled down to a phone's width. Counts, not money: the bars share one scale, the largest
// total filling the width. All text is escaped.
import type { ChartSeries } from './charts.js';
import { colourOf, fixed } from './charts.js';
import { escapeHtml } from './escape.js';

export interface StackedBarOptions {
  readonly title: string;
  readonly categories: readonly string[];
  /** One value per category, in their order: whole counts or numbers as text. */
  readonly series: readonly ChartSeries[];
  /** A colour per series, in order; the report colours otherwise. */
  readonly colours?: readonly string[];
}

const WIDTH = 360;
const BAR_WIDTH = 300;
const ROW_HEIGHT = 44;
const LEGEND_HEIGHT = 30;

/**
 * One stacked bar per category.
 *
 * @example
 * stackedBarChart({ title: 'Partners by tier', categories: ['Starter', 'Active'],
 *                   series: [{ name: 'good', values: [3, 1] }, { name: 'at risk', values: [0, 1] }] })
 * //=> '<svg viewBox="0 0 360 118" … role="img" aria-label="Partners by tier">…</svg>'
 */
export function stackedBarChart(options: StackedBarOptions): string {
  const { categories, series } = options;
  const colour = (index: number) => options.colours?.[index] ?? colourOf(index);
  const countAt = (seriesIndex: number, category: number) =>
    Math.max(0, Number(series[seriesIndex]?.values[category] ?? 0) || 0);
  const totals = categories.map((_, category) =>
    series.reduce((sum, _each, seriesIndex) => sum + countAt(seriesIndex, category), 0),
  );
  const scale = BAR_WIDTH / Math.max(1, ...totals);
  const rows = categories.map((category, index) => {
    const top = LEGEND_HEIGHT + index * ROW_HEIGHT;
    let x = 0;
    const segments = series.map((each, seriesIndex) => {
      const width = countAt(seriesIndex, index) * scale;
      const segment = `<rect x="${fixed(x)}" y="${top + 20}" width="${fixed(width)}" height="16" fill="${colour(seriesIndex)}"><title>${escapeHtml(`${category}, ${each.name}: ${countAt(seriesIndex, index)}`)}</title></rect>`;
      x += width;
      return segment;
    });
    return [
      `<text x="0" y="${top + 14}">${escapeHtml(category)}</text>`,
      `<rect x="0" y="${top + 20}" width="${BAR_WIDTH}" height="16" fill="#eceef1"/>`,
      ...segments,
      `<text x="${BAR_WIDTH + 8}" y="${top + 33}">${totals[index] ?? 0}</text>`,
    ].join('');
  });
  const height = LEGEND_HEIGHT + categories.length * ROW_HEIGHT;
  return [
    `<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
    legend(
      series.map((each) => each.name),
      colour,
    ),
    ...rows,
    '</svg>',
  ].join('\n');
}

function legend(names: readonly string[], colour: (index: number) => string): string {
  let x = 0;
  const items = names.map((name, index) => {
    const item = `<rect x="${fixed(x)}" y="6" width="12" height="12" fill="${colour(index)}"/><text x="${fixed(x + 16)}" y="17">${escapeHtml(name)}</text>`;
    x += 30 + name.length * 7.5;
    return item;
  });
  return `<g class="legend">${items.join('')}</g>`;
}
