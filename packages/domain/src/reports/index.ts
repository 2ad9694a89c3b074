export {
  REPORT_FACT_KINDS,
  reportFactsOf,
  type FactHolding,
  type FactMeasure,
  type ReportFact,
  type ReportFactKind,
  type ReportFactsDelta,
} from './report-facts.js';
export {
  ON_TIME_DEFINITION,
  onTimeOf,
  rankByOnTime,
  type OnTime,
  type OnTimeCounts,
} from './on-time.js';
export {
  factMeasureAt,
  measuredReportFactsOf,
  unitsMeasured,
  type SlaSources,
} from './fact-measures.js';
