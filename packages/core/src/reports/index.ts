export {
  reportFigures,
  type Report,
  type ReportRow,
  type ReportGrouping,
} from './report-figures.js';
export { reportSeries, type SeriesPoint } from './report-series.js';
export type { Figures } from './figures.js';
export type { SeriesInterval } from './period.js';
export { rebuildReportFacts, rebuildMissingReportFacts } from './rebuild-report-facts.js';
