// HTML reports: the page shell and the SVG charts every finance report draws with. Re-exports only.
export {
  type BandChartOptions,
  type BarChartOptions,
  bandChart,
  barChart,
  type ChartBand,
  type ChartSeries,
  type ChartValue,
  colourOf,
  type LineChartOptions,
  lineChart,
  SERIES_COLOURS,
} from './charts.js';
export { escapeHtml } from './escape.js';
export {
  type HtmlPageOptions,
  type HtmlTable,
  htmlPage,
  type PageBlock,
  type PageSection,
  tableHtml,
} from './page.js';
export { tickLabel, type ValueScale, valueScale } from './scale.js';
