import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BreakdownQuery,
  ErrorResponse,
  ReportQuery,
  ReportResponse,
  SeriesQuery,
  SeriesResponse,
} from '@hotline/contracts';
import { pickLang, reportFigures, reportSeries, type ReportGrouping } from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';
import { formatOf, periodStamp, sendTable, jsonOrTable } from './export-table.js';
import { reportColumns, reportRowsForExport, SERIES_COLUMNS } from './report-columns.js';

const ERRORS = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const FILE_NAMES: Record<ReportGrouping, string> = {
  unit: 'bao-cao-don-vi',
  official: 'bao-cao-can-bo',
  channel: 'bao-cao-theo-kenh',
  category: 'bao-cao-theo-linh-vuc',
};

/** Supervisors' figures: per unit, per official, by channel or category, over time. */
export const reportRoutes =
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
    const schema = (summary: string, querystring: typeof ReportQuery | typeof BreakdownQuery) => ({
      summary,
      tags: ['reports'],
      security: [{ officialToken: [] }],
      querystring,
      response: { 200: jsonOrTable(ReportResponse), ...ERRORS },
    });
    const grouped: [string, ReportGrouping, string][] = [
      ['/v1/reports/units', 'unit', 'Figures per unit for a period'],
      ['/v1/reports/officials', 'official', 'Figures per official (assignee) for a period'],
    ];
    for (const [url, by, summary] of grouped) {
      for (const path of [url, `${url}/export`]) {
        app.get(path, { schema: schema(summary, ReportQuery) }, async (request, reply) => {
          const q = request.query;
          const report = await reportFigures(
            deps,
            officialOf(request),
            {
              from: q.from,
              to: q.to,
              by,
              includeDrills: q.includeDrills === true,
              // Names of the rows (units) in the official's language; the figures are the same.
              lang: pickLang(q.lang, request.headers['accept-language']),
            },
            new Date(),
            deps.timeZone,
          );
          const format = formatOf(path, q.format);
          if (!format) return report;
          return sendTable(
            reply,
            format,
            `${FILE_NAMES[by]}_${periodStamp(q.from, q.to)}`,
            reportColumns(by),
            reportRowsForExport(by, report.rows, report.total),
          );
        });
      }
    }
    for (const path of ['/v1/reports/breakdown', '/v1/reports/breakdown/export']) {
      app.get(
        path,
        { schema: schema('Figures by channel or category for a period', BreakdownQuery) },
        async (request, reply) => {
          const q = request.query as BreakdownQuery;
          const report = await reportFigures(
            deps,
            officialOf(request),
            { ...q, lang: pickLang(q.lang, request.headers['accept-language']) },
            new Date(),
            deps.timeZone,
          );
          const format = formatOf(path, q.format);
          if (!format) return report;
          return sendTable(
            reply,
            format,
            `${FILE_NAMES[q.by]}_${periodStamp(q.from, q.to)}`,
            reportColumns(q.by),
            reportRowsForExport(q.by, report.rows, report.total),
          );
        },
      );
    }
    for (const path of ['/v1/reports/series', '/v1/reports/series/export']) {
      app.get(
        path,
        {
          schema: {
            summary: 'Received, resolved, on time, breaches and escalations per day, week or month',
            tags: ['reports'],
            security: [{ officialToken: [] }],
            querystring: SeriesQuery,
            response: { 200: jsonOrTable(SeriesResponse), ...ERRORS },
          },
        },
        async (request, reply) => {
          const q = request.query;
          const interval = q.interval ?? 'day';
          const series = await reportSeries(
            deps,
            officialOf(request),
            { from: q.from, to: q.to, interval, includeDrills: q.includeDrills === true },
            new Date(),
            deps.timeZone,
          );
          const format = formatOf(path, q.format);
          if (!format) return series;
          return sendTable(
            reply,
            format,
            `chuoi-thoi-gian-${interval}_${periodStamp(q.from, q.to)}`,
            SERIES_COLUMNS,
            series.points,
          );
        },
      );
    }
  };
