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
  fixed,
  type LineChartOptions,
  lineChart,
  SERIES_COLOURS,
} from './charts.js';
export { escapeHtml } from './escape.js';
export {
  type HtmlDocumentOptions,
  type HtmlPageOptions,
  type HtmlTable,
  htmlDocument,
  htmlPage,
  type PageBlock,
  type PageSection,
  tableHtml,
} from './page.js';
export { tickLabel, type ValueScale, valueScale } from './scale.js';
export { type StackedBarOptions, stackedBarChart } from './stacked-bars.js';
