import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BacklogSeriesResponse,
  ChartPeriodQuery,
  ChartSeriesQuery,
  ErrorResponse,
  EscalationRungsResponse,
  HotlineSummaryResponse,
  TransferFlowsResponse,
} from '@hotline/contracts';
import {
  backlogSeries,
  escalationRungs,
  hotlineSummary,
  pickLang,
  transferFlows,
} from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';
import { formatOf, periodStamp, sendTable, jsonOrTable } from '../reports/export-table.js';
import {
  BACKLOG_COLUMNS,
  HOTLINE_COLUMNS,
  RUNG_COLUMNS,
  TRANSFER_COLUMNS,
} from './oversight-chart-columns.js';

const ERRORS = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const TAGS = ['oversight'];
const SECURITY = [{ officialToken: [] }];

/** The query with the language of the rows' names: `?lang=` (exports), else Accept-Language. */
const namesIn = (q: ChartPeriodQuery, acceptLanguage: string | undefined) => ({
  ...q,
  lang: pickLang(q.lang, acceptLanguage),
});

/**
 * The dashboard's charts the reports do not give: the backlog over time, breaches
 * and escalations by rung, transfers between units, and the leader view of each hotline. JSON,
 * or `?format=csv|xlsx` (also `/export`), scoped like every oversight read.
 */
export const oversightChartRoutes =
  (deps: {
    db: Database;
    timeZone: string;
    sessions?: OfficialResolver;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook(
      'preHandler',
      officialGuard({ db: deps.db, ...(deps.sessions ? { sessions: deps.sessions } : {}) }),
    );
    const tz = deps.timeZone;
    const both = (url: string) => [url, `${url}/export`];

    for (const path of both('/v1/oversight/backlog-series')) {
      app.get(
        path,
        {
          schema: {
            summary: 'Open cases at the end of each day, week or month, by age',
            tags: TAGS,
            security: SECURITY,
            querystring: ChartSeriesQuery,
            response: { 200: jsonOrTable(BacklogSeriesResponse), ...ERRORS },
          },
        },
        async (request, reply) => {
          const q = request.query;
          const interval = q.interval ?? 'week';
          const series = await backlogSeries(
            deps,
            officialOf(request),
            { from: q.from, to: q.to, interval, includeDrills: q.includeDrills === true },
            new Date(),
            tz,
          );
          const format = formatOf(path, q.format);
          if (!format) return series;
          const name = `ton-dong-${interval}_${periodStamp(q.from, q.to)}`;
          return sendTable(reply, format, name, BACKLOG_COLUMNS, series.points);
        },
      );
    }

    for (const path of both('/v1/oversight/escalation-rungs')) {
      app.get(
        path,
        {
          schema: {
            summary: 'SLA breaches per target and escalations per rung, per day, week or month',
            tags: TAGS,
            security: SECURITY,
            querystring: ChartSeriesQuery,
            response: { 200: jsonOrTable(EscalationRungsResponse), ...ERRORS },
          },
        },
        async (request, reply) => {
          const q = request.query;
          const interval = q.interval ?? 'week';
          const series = await escalationRungs(
            deps,
            officialOf(request),
            { from: q.from, to: q.to, interval, includeDrills: q.includeDrills === true },
            new Date(),
            tz,
          );
          const format = formatOf(path, q.format);
          if (!format) return series;
          const name = `vi-pham-chuyen-cap-${interval}_${periodStamp(q.from, q.to)}`;
          return sendTable(reply, format, name, RUNG_COLUMNS, series.points);
        },
      );
    }

    for (const path of both('/v1/oversight/transfer-flows')) {
      app.get(
        path,
        {
          schema: {
            summary: 'Transfers between units in a period, busiest pairs first',
            tags: TAGS,
            security: SECURITY,
            querystring: ChartPeriodQuery,
            response: { 200: jsonOrTable(TransferFlowsResponse), ...ERRORS },
          },
        },
        async (request, reply) => {
          const q = request.query;
          const flows = await transferFlows(
            deps,
            officialOf(request),
            namesIn(q, request.headers['accept-language']),
            tz,
          );
          const format = formatOf(path, q.format);
          if (!format) return flows;
          const name = `chuyen-giua-don-vi_${periodStamp(q.from, q.to)}`;
          return sendTable(reply, format, name, TRANSFER_COLUMNS, flows.flows);
        },
      );
    }

    for (const path of both('/v1/oversight/hotlines')) {
      app.get(
        path,
        {
          schema: {
            summary: 'Leader view: each hotline I may watch, with its cases',
            tags: TAGS,
            security: SECURITY,
            querystring: ChartPeriodQuery,
            response: { 200: jsonOrTable(HotlineSummaryResponse), ...ERRORS },
          },
        },
        async (request, reply) => {
          const q = request.query;
          const summary = await hotlineSummary(
            deps,
            officialOf(request),
            namesIn(q, request.headers['accept-language']),
            new Date(),
            tz,
          );
          const format = formatOf(path, q.format);
          if (!format) return summary;
          const name = `duong-day-nong_${periodStamp(q.from, q.to)}`;
          return sendTable(reply, format, name, HOTLINE_COLUMNS, summary.hotlines);
        },
      );
    }
  };
