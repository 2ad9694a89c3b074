import Type, { type Static } from 'typebox';
import { INCLUDE_DRILLS, NAMES_LANG } from './reports.schemas.js';
import { SafeString } from './safe-string.js';

// The supervisors' dashboard charts that the reports do not give: the backlog over time,
// breaches and escalations by rung, transfers between units, and each hotline's cases (the
// leader view). Counted in SQL from case_events within the official's scope; no personal data.

const FORMAT = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')], {
    description: 'json (default), csv (UTF-8 with BOM) or xlsx',
  }),
);
const DATE = (description: string) => SafeString({ minLength: 10, maxLength: 40, description });
const INTERVAL = Type.Optional(
  Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], {
    description: 'Default week',
  }),
);
const COUNT = Type.Integer({ minimum: 0 });
const NULLABLE_COUNT = Type.Union([COUNT, Type.Null()]);
const NULLABLE_STRING = Type.Union([SafeString(), Type.Null()]);

/** A chart's period: local dates (Asia/Ho_Chi_Minh, `to` inclusive) or instants. */
export const ChartPeriodQuery = Type.Object(
  {
    from: DATE('Start: YYYY-MM-DD (local day) or an ISO date-time'),
    to: DATE('End: YYYY-MM-DD (inclusive) or an ISO date-time (exclusive)'),
    format: FORMAT,
    includeDrills: INCLUDE_DRILLS,
    lang: NAMES_LANG,
  },
  { additionalProperties: false },
);
export type ChartPeriodQuery = Static<typeof ChartPeriodQuery>;

/** A chart's period cut into days, weeks (from Monday) or months. */
export const ChartSeriesQuery = Type.Object(
  { ...ChartPeriodQuery.properties, interval: INTERVAL },
  { additionalProperties: false },
);
export type ChartSeriesQuery = Static<typeof ChartSeriesQuery>;

/** `GET /v1/oversight/backlog-series`: open cases at the end of each bucket, by age. */
export const BacklogSeriesResponse = Type.Object({
  from: SafeString({ format: 'date-time' }),
  to: SafeString({ format: 'date-time' }),
  interval: SafeString(),
  points: Type.Array(
    Type.Object({
      bucket: SafeString({ description: 'First local date of the bucket' }),
      start: SafeString({ format: 'date-time' }),
      at: Type.Union([SafeString({ format: 'date-time' }), Type.Null()], {
        description:
          'When the backlog was counted: the bucket’s end, or now (buckets not yet begun are left out)',
      }),
      open: NULLABLE_COUNT,
      d0to2: NULLABLE_COUNT,
      d3to7: NULLABLE_COUNT,
      d8to15: NULLABLE_COUNT,
      d16to30: NULLABLE_COUNT,
      over30: NULLABLE_COUNT,
    }),
  ),
});
export type BacklogSeriesResponse = Static<typeof BacklogSeriesResponse>;

/** `GET /v1/oversight/escalation-rungs`: breaches per target and escalations per rung. */
export const EscalationRungsResponse = Type.Object({
  from: SafeString({ format: 'date-time' }),
  to: SafeString({ format: 'date-time' }),
  interval: SafeString(),
  points: Type.Array(
    Type.Object({
      bucket: SafeString(),
      start: SafeString({ format: 'date-time' }),
      breachesAcceptance: COUNT,
      breachesFirstResponse: COUNT,
      breachesResolution: COUNT,
      rung1: Type.Integer({ minimum: 0, description: 'Escalations to the unit’s leader' }),
      rung2: Type.Integer({ minimum: 0, description: 'To the parent unit’s leader' }),
      rung3: Type.Integer({ minimum: 0, description: 'To the hotline owner (rung 3 and above)' }),
      forTransfers: Type.Integer({
        minimum: 0,
        description: 'Escalations for too many transfers (to the units’ common leader)',
      }),
    }),
  ),
});
export type EscalationRungsResponse = Static<typeof EscalationRungsResponse>;

/** `GET /v1/oversight/transfer-flows`: transfers from one unit to another in the period. */
export const TransferFlowsResponse = Type.Object({
  from: SafeString({ format: 'date-time' }),
  to: SafeString({ format: 'date-time' }),
  flows: Type.Array(
    Type.Object({
      fromUnitId: SafeString(),
      fromUnitName: NULLABLE_STRING,
      toUnitId: SafeString(),
      toUnitName: NULLABLE_STRING,
      transfers: COUNT,
      cases: Type.Integer({ minimum: 0, description: 'Distinct cases' }),
    }),
  ),
  total: Type.Object({ transfers: COUNT, cases: COUNT }),
});
export type TransferFlowsResponse = Static<typeof TransferFlowsResponse>;

/** `GET /v1/oversight/hotlines`: each hotline the official may watch, and its cases. */
export const HotlineSummaryResponse = Type.Object({
  from: SafeString({ format: 'date-time' }),
  to: SafeString({ format: 'date-time' }),
  hotlines: Type.Array(
    Type.Object({
      hotlineId: SafeString(),
      number: SafeString({ description: 'E.164' }),
      displayNumber: SafeString(),
      name: SafeString(),
      ownerName: SafeString(),
      unitName: SafeString(),
      isActive: Type.Boolean(),
      isMine: Type.Boolean({ description: 'The signed-in official owns it' }),
      received: Type.Integer({ minimum: 0, description: 'Received in the period' }),
      resolved: Type.Integer({ minimum: 0, description: 'Resolved in the period' }),
      open: Type.Integer({ minimum: 0, description: 'Open now' }),
      overdue: Type.Integer({ minimum: 0, description: 'Open and past the deadline now' }),
      atRisk: Type.Integer({ minimum: 0, description: 'Open and at risk now' }),
      escalated: Type.Integer({ minimum: 0, description: 'Open and escalated now' }),
    }),
  ),
});
export type HotlineSummaryResponse = Static<typeof HotlineSummaryResponse>;

/** `GET /v1/admin/units/:code/merge-preview`: what a merge of the unit would move. */
export const UnitMergePreview = Type.Object({
  officials: Type.Integer({ minimum: 0 }),
  hotlines: Type.Integer({ minimum: 0 }),
  childUnits: Type.Integer({ minimum: 0 }),
  routingRules: Type.Integer({ minimum: 0 }),
  openCases: Type.Integer({ minimum: 0 }),
});
export type UnitMergePreview = Static<typeof UnitMergePreview>;
