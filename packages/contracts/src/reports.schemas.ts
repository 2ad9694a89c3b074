import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

const FORMAT = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')], {
    description: 'json (default), csv (UTF-8 with BOM) or xlsx',
  }),
);
const DATE = (description: string) => SafeString({ minLength: 10, maxLength: 40, description });
const NULLABLE_NUMBER = Type.Union([Type.Number(), Type.Null()]);
const NULLABLE_STRING = Type.Union([SafeString(), Type.Null()]);
/** Drills (diễn tập) are left out of every figure and list unless asked for. */
/**
 * `?lang=`: the language of the names of units, hotlines and categories in the rows (else
 * Accept-Language, else Vietnamese). Exports are plain links, so the console puts it there.
 */
export const NAMES_LANG = Type.Optional(
  Type.Union([Type.Literal('vi'), Type.Literal('en')], {
    description: 'vi or en; absent: from Accept-Language, else vi',
  }),
);

export const INCLUDE_DRILLS = Type.Optional(
  Type.Boolean({ description: 'Count drill units, categories and hotlines too (default false)' }),
);

/** `GET /v1/oversight/*`: a page of an oversight list. */
export const OversightQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'default 50' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    format: FORMAT,
    includeDrills: INCLUDE_DRILLS,
    lang: NAMES_LANG,
  },
  { additionalProperties: false },
);
export type OversightQuery = Static<typeof OversightQuery>;

export const OversightItem = Type.Object({
  caseId: SafeString({ format: 'uuid' }),
  trackingCode: SafeString(),
  status: SafeString(),
  slaState: SafeString(),
  unitId: NULLABLE_STRING,
  unitName: NULLABLE_STRING,
  assigneeName: NULLABLE_STRING,
  categoryName: SafeString(),
  channel: SafeString(),
  receivedAt: SafeString({ format: 'date-time' }),
  resolutionDueAt: NULLABLE_STRING,
  latenessWorkingMs: NULLABLE_NUMBER,
  escalationLevel: Type.Integer(),
  transferCount: Type.Integer(),
  escalation: Type.Union([
    Type.Object({
      level: Type.Integer(),
      toOfficialId: NULLABLE_STRING,
      toOfficialName: NULLABLE_STRING,
      toUnitId: NULLABLE_STRING,
      toUnitName: NULLABLE_STRING,
      reason: NULLABLE_STRING,
      since: SafeString({ format: 'date-time' }),
    }),
    Type.Null(),
  ]),
  unitPath: Type.Array(SafeString()),
});

export const OversightResponse = Type.Object({
  items: Type.Array(OversightItem),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

/** A report's period: local dates (Asia/Ho_Chi_Minh, `to` inclusive) or instants. */
export const ReportQuery = Type.Object(
  {
    from: DATE('Start: YYYY-MM-DD (local day) or an ISO date-time'),
    to: DATE('End: YYYY-MM-DD (inclusive) or an ISO date-time (exclusive)'),
    format: FORMAT,
    includeDrills: INCLUDE_DRILLS,
    lang: NAMES_LANG,
  },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;

export const BreakdownQuery = Type.Object(
  {
    from: DATE('Start'),
    to: DATE('End'),
    by: Type.Union([Type.Literal('channel'), Type.Literal('category')]),
    format: FORMAT,
    includeDrills: INCLUDE_DRILLS,
    lang: NAMES_LANG,
  },
  { additionalProperties: false },
);
export type BreakdownQuery = Static<typeof BreakdownQuery>;

export const SeriesQuery = Type.Object(
  {
    from: DATE('Start'),
    to: DATE('End'),
    interval: Type.Optional(
      Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], {
        default: 'day',
      }),
    ),
    format: FORMAT,
    includeDrills: INCLUDE_DRILLS,
    lang: NAMES_LANG,
  },
  { additionalProperties: false },
);
export type SeriesQuery = Static<typeof SeriesQuery>;

const FIGURES = {
  received: Type.Integer({ description: 'Cases that came to it first (first routing)' }),
  transferredOut: Type.Integer({ description: 'Cases it transferred to another unit' }),
  resolved: Type.Integer(),
  resolvedOnTime: Type.Integer({
    description: 'Resolved on or before the resolution deadline in force then',
  }),
  resolvedLate: Type.Integer({ description: 'Resolved after the deadline in force then' }),
  resolvedWithoutDeadline: Type.Integer({
    description: 'Resolved with no deadline in force: never counted on time',
  }),
  openOverdue: Type.Integer({
    description: 'Open at the end of the period (or now) past the deadline in force',
  }),
  onTimeRate: Type.Union([Type.Number(), Type.Null()], {
    description:
      'resolvedOnTime ÷ (resolved + openOverdue); null when both are 0. Each fact is credited to the unit holding the case then.',
  }),
  firstResponses: Type.Integer(),
  firstResponseMedianMs: NULLABLE_NUMBER,
  firstResponseP90Ms: NULLABLE_NUMBER,
  resolutionMedianMs: NULLABLE_NUMBER,
  resolutionP90Ms: NULLABLE_NUMBER,
  openBacklog: Type.Integer(),
  backlogAge: Type.Object({
    d0to2: Type.Integer(),
    d3to7: Type.Integer(),
    d8to15: Type.Integer(),
    d16to30: Type.Integer(),
    over30: Type.Integer(),
  }),
  ratings: Type.Integer(),
  satisfactionAverage: NULLABLE_NUMBER,
  satisfiedShare: NULLABLE_NUMBER,
  reopened: Type.Integer(),
  reopenRate: NULLABLE_NUMBER,
};

export const ReportResponse = Type.Object({
  from: SafeString({ format: 'date-time' }),
  to: SafeString({ format: 'date-time' }),
  by: SafeString(),
  rows: Type.Array(
    Type.Object({
      key: NULLABLE_STRING,
      name: NULLABLE_STRING,
      onTimeRank: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
        description: 'Place by on-time rate (equal rates share it); null: nothing to judge',
      }),
      ...FIGURES,
    }),
  ),
  total: Type.Object(FIGURES),
});

export const SeriesResponse = Type.Object({
  from: SafeString({ format: 'date-time' }),
  to: SafeString({ format: 'date-time' }),
  interval: SafeString(),
  points: Type.Array(
    Type.Object({
      bucket: SafeString(),
      start: SafeString({ format: 'date-time' }),
      received: Type.Integer(),
      resolved: Type.Integer(),
      resolvedOnTime: Type.Integer(),
      breaches: Type.Integer(),
      escalations: Type.Integer(),
    }),
  ),
});
