// SVG charts drawn as text, for a self-contained HTML report (no script, no network): bars by
// category for several series, lines over an ordered axis, and a band (P10 to P90 as an area,
// P50 as a line) for a distribution over time. Values come as the report's own strings ("1234.50",
// "0.2213") or numbers; they are turned into numbers only to place shapes, and each shape's
// tooltip shows the value as given. All text is escaped. The SVG is inline in HTML, so it needs no
// namespace attribute (and the page names no URL at all).
import { escapeHtml } from './escape.js';
import { tickLabel, type ValueScale, valueScale } from './scale.js';

/** A value to draw: money or a share as the report prints it, or a plain number. */
export type ChartValue = string | number;

export interface ChartSeries {
  readonly name: string;
  /** One value per category or x label, in their order. */
  readonly values: readonly ChartValue[];
}

export interface BarChartOptions {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
}

export interface LineChartOptions {
  readonly title: string;
  readonly xLabels: readonly string[];
  readonly series: readonly ChartSeries[];
}

/** One distribution over the x labels: the 10th, 50th and 90th percentiles at each. */
export interface ChartBand {
  readonly name: string;
  readonly p10: readonly ChartValue[];
  readonly p50: readonly ChartValue[];
  readonly p90: readonly ChartValue[];
}

export interface BandChartOptions {
  readonly title: string;
  readonly xLabels: readonly string[];
  readonly bands: readonly ChartBand[];
}

/** The colours of the series, in order (repeating past the last); readable on white and in print. */
export const SERIES_COLOURS = ['#2f6fb0', '#e07b39', '#3a9d5d', '#b8443c', '#7b5ea7', '#6d6d6d'] as const;

const WIDTH = 760;
const HEIGHT = 320;
const PLOT = { left: 70, right: WIDTH - 16, top: 52, bottom: HEIGHT - 44 } as const;
/** At most this many x labels are written; the others are left out evenly. */
const X_LABELS_AT_MOST = 12;

export function colourOf(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? '#000000';
}

/**
 * Grouped vertical bars: one group per category, one bar per series.
 *
 * @example
 * barChart({ title: 'Cost by tier', categories: ['starter', 'active'],
 *            series: [{ name: 'baseline', values: ['120.00', '300.00'] }] })
 * //=> '<svg viewBox="0 0 760 320" … role="img" aria-label="Cost by tier">…</svg>'
 */
export function barChart(options: BarChartOptions): string {
  const { categories, series } = options;
  const scale = valueScale(series.flatMap((each) => each.values.map(toNumber)));
  const groupWidth = (PLOT.right - PLOT.left) / Math.max(1, categories.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, series.length);
  const bars = series.flatMap((each, seriesIndex) =>
    categories.map((category, categoryIndex) => {
      const value = each.values[categoryIndex] ?? 0;
      const x = PLOT.left + categoryIndex * groupWidth + groupWidth * 0.1 + seriesIndex * barWidth;
      const top = yOf(scale, Math.max(0, toNumber(value)));
      const bottom = yOf(scale, Math.min(0, toNumber(value)));
      const tip = `${each.name}, ${category}: ${value}`;
      return `<rect x="${fixed(x)}" y="${fixed(top)}" width="${fixed(barWidth)}" height="${fixed(bottom - top)}" fill="${colourOf(seriesIndex)}"><title>${escapeHtml(tip)}</title></rect>`;
    }),
  );
  const labels = categories.map((category, index) =>
    xLabel(PLOT.left + (index + 0.5) * groupWidth, category),
  );
  return svg(options.title, [...frame(scale), ...bars, ...labels, legend(series.map((each) => each.name))]);
}

/**
 * One line per series over ordered x labels (months, swept values), a dot at each value.
 *
 * @example
 * lineChart({ title: 'Cost by month', xLabels: ['2025-01', '2025-02'],
 *             series: [{ name: 'baseline', values: ['100.00', '180.00'] }] })
 * //=> '<svg …><polyline …/>…</svg>'
 */
export function lineChart(options: LineChartOptions): string {
  const { xLabels, series } = options;
  const scale = valueScale(series.flatMap((each) => each.values.map(toNumber)));
  const lines = series.flatMap((each, seriesIndex) => {
    const colour = colourOf(seriesIndex);
    const points = each.values.map((value, index) => ({ x: xOf(index, xLabels.length), value }));
    const path = points.map(({ x, value }) => `${fixed(x)},${fixed(yOf(scale, toNumber(value)))}`);
    const dots = points.map(
      ({ x, value }, index) =>
        `<circle cx="${fixed(x)}" cy="${fixed(yOf(scale, toNumber(value)))}" r="3" fill="${colour}"><title>${escapeHtml(`${each.name}, ${xLabels[index] ?? ''}: ${value}`)}</title></circle>`,
    );
    return [
      `<polyline points="${path.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`,
      ...dots,
    ];
  });
  return svg(options.title, [
    ...frame(scale),
    ...lines,
    ...axisLabels(xLabels),
    legend(series.map((each) => each.name)),
  ]);
}

/**
 * Per band, the area between P10 and P90 (translucent) and the P50 line over it.
 *
 * @example
 * bandChart({ title: 'Cost, next 3 months', xLabels: ['2026-01', '2026-02', '2026-03'],
 *             bands: [{ name: 'baseline', p10: [90, 95, 99], p50: [100, 104, 110], p90: [112, 118, 125] }] })
 * //=> '<svg …><polygon … fill-opacity="0.22"/><polyline …/>…</svg>'
 */
export function bandChart(options: BandChartOptions): string {
  const { xLabels, bands } = options;
  const scale = valueScale(bands.flatMap((band) => [...band.p10, ...band.p90].map(toNumber)));
  const shapes = bands.flatMap((band, bandIndex) => {
    const colour = colourOf(bandIndex);
    const at = (values: readonly ChartValue[]) =>
      values.map(
        (value, index) => `${fixed(xOf(index, xLabels.length))},${fixed(yOf(scale, toNumber(value)))}`,
      );
    const area = [...at(band.p90), ...at(band.p10).reverse()];
    const tips = band.p50.map(
      (value, index) =>
        `<circle cx="${fixed(xOf(index, xLabels.length))}" cy="${fixed(yOf(scale, toNumber(value)))}" r="3" fill="${colour}"><title>${escapeHtml(`${band.name}, ${xLabels[index] ?? ''}: P10 ${band.p10[index] ?? ''}, P50 ${value}, P90 ${band.p90[index] ?? ''}`)}</title></circle>`,
    );
    return [
      `<polygon points="${area.join(' ')}" fill="${colour}" fill-opacity="0.22" stroke="none"/>`,
      `<polyline points="${at(band.p50).join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`,
      ...tips,
    ];
  });
  return svg(options.title, [
    ...frame(scale),
    ...shapes,
    ...axisLabels(xLabels),
    legend(bands.map((band) => `${band.name} (P10–P90, P50)`)),
  ]);
}

function svg(title: string, parts: readonly string[]): string {
  const heading = `<text x="${PLOT.left}" y="22" class="chart-title">${escapeHtml(title)}</text>`;
  return [
    `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(title)}">`,
    heading,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** Gridlines with their labels, and the zero line drawn darker. */
function frame(scale: ValueScale): string[] {
  return scale.ticks.map((tick) => {
    const y = fixed(yOf(scale, tick));
    const stroke = tick === 0 ? '#888888' : '#e2e2e2';
    return `<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${y}" y2="${y}" stroke="${stroke}"/><text x="${PLOT.left - 6}" y="${y}" class="tick" text-anchor="end" dominant-baseline="middle">${escapeHtml(tickLabel(tick))}</text>`;
  });
}

function axisLabels(labels: readonly string[]): string[] {
  const every = Math.ceil(labels.length / X_LABELS_AT_MOST);
  return labels.flatMap((label, index) =>
    index % every === 0 || index === labels.length - 1 ? [xLabel(xOf(index, labels.length), label)] : [],
  );
}

function xLabel(x: number, text: string): string {
  return `<text x="${fixed(x)}" y="${PLOT.bottom + 18}" class="tick" text-anchor="middle">${escapeHtml(text)}</text>`;
}

function legend(names: readonly string[]): string {
  let x = PLOT.left;
  const items = names.map((name, index) => {
    const item = `<rect x="${fixed(x)}" y="32" width="12" height="12" fill="${colourOf(index)}"/><text x="${fixed(x + 16)}" y="42" class="legend">${escapeHtml(name)}</text>`;
    x += 28 + name.length * 7;
    return item;
  });
  return `<g class="legend">${items.join('')}</g>`;
}

function xOf(index: number, count: number): number {
  if (count <= 1) return (PLOT.left + PLOT.right) / 2;
  return PLOT.left + 12 + (index * (PLOT.right - PLOT.left - 24)) / (count - 1);
}

function yOf(scale: ValueScale, value: number): number {
  const share = (value - scale.minimum) / (scale.maximum - scale.minimum);
  return PLOT.bottom - share * (PLOT.bottom - PLOT.top);
}

function toNumber(value: ChartValue): number {
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : 0;
}

/** Coordinates to two decimals: the same text on every machine, and a smaller file. */
export function fixed(value: number): string {
  return String(Math.round(value * 100) / 100);
}
