import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, OversightQuery, OversightResponse } from '@hotline/contracts';
import { listOversight, pickLang, type OversightItem } from '@hotline/core';
import type { Database, OversightList } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';
import {
  hours,
  localTime,
  sendTable,
  type Column,
  formatOf,
  jsonOrTable,
} from '../reports/export-table.js';
import { CHANNEL_NAMES } from '../reports/report-columns.js';

const ERRORS = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

const LISTS: [string, OversightList, string, string][] = [
  ['overdue', 'overdue', 'Open cases past their resolution deadline, latest first', 'qua-han'],
  ['at-risk', 'at_risk', 'Open cases at risk of missing their deadline', 'sap-qua-han'],
  [
    'escalations',
    'escalations',
    'Open escalated cases: latest rung, to whom, since when',
    'chuyen-cap-tren',
  ],
  [
    'transferred',
    'transferred',
    'Cases transferred more than once, with the units they passed',
    'chuyen-nhieu-lan',
  ],
];

const STATUS_NAMES: Record<string, string> = {
  received: 'Mới tiếp nhận',
  triaged: 'Đã phân loại',
  assigned: 'Đã giao',
  in_progress: 'Đang xử lý',
  awaiting_citizen: 'Chờ bổ sung',
  reopened: 'Mở lại',
  resolved: 'Đã giải quyết',
  closed: 'Đã đóng',
  rejected: 'Từ chối',
  merged: 'Đã gộp',
  withdrawn: 'Đã rút',
};
const SLA_NAMES: Record<string, string> = {
  on_track: 'Trong hạn',
  at_risk: 'Sắp quá hạn',
  breached: 'Quá hạn',
};

/** The columns of an oversight export: no citizen personal data. */
function oversightColumns(timeZone: string): Column<OversightItem>[] {
  return [
    { header: 'Mã tra cứu', value: (i) => i.trackingCode, width: 14 },
    { header: 'Trạng thái', value: (i) => STATUS_NAMES[i.status] ?? i.status },
    { header: 'Tình trạng hạn', value: (i) => SLA_NAMES[i.slaState] ?? i.slaState },
    { header: 'Đơn vị', value: (i) => i.unitName, width: 30 },
    { header: 'Cán bộ xử lý', value: (i) => i.assigneeName, width: 24 },
    { header: 'Lĩnh vực', value: (i) => i.categoryName, width: 20 },
    { header: 'Kênh tiếp nhận', value: (i) => CHANNEL_NAMES[i.channel] ?? i.channel },
    { header: 'Ngày tiếp nhận', value: (i) => localTime(i.receivedAt, timeZone), width: 18 },
    { header: 'Hạn xử lý', value: (i) => localTime(i.resolutionDueAt, timeZone), width: 18 },
    { header: 'Quá hạn (giờ làm việc)', value: (i) => hours(i.latenessWorkingMs) },
    { header: 'Cấp chuyển lên', value: (i) => i.escalationLevel },
    {
      header: 'Chuyển lên cho',
      value: (i) => i.escalation?.toOfficialName ?? i.escalation?.toUnitName ?? null,
      width: 24,
    },
    {
      header: 'Chuyển lên từ',
      value: (i) => localTime(i.escalation?.since ?? null, timeZone),
      width: 18,
    },
    { header: 'Số lần chuyển', value: (i) => i.transferCount },
    { header: 'Các đơn vị đã qua', value: (i) => i.unitPath.join(' → '), width: 40 },
  ];
}

/** Supervisors' lists across their scope, as JSON or exports. */
export const oversightRoutes =
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
    const columns = oversightColumns(deps.timeZone);
    for (const [slug, list, summary, fileName] of LISTS) {
      const url = `/v1/oversight/${slug}`;
      for (const path of [url, `${url}/export`]) {
        app.get(
          path,
          {
            schema: {
              summary,
              tags: ['oversight'],
              security: [{ officialToken: [] }],
              querystring: OversightQuery,
              response: { 200: jsonOrTable(OversightResponse), ...ERRORS },
            },
          },
          async (request, reply) => {
            const q = request.query;
            const page = { limit: q.limit ?? 50, offset: q.offset ?? 0 };
            const drills = { includeDrills: q.includeDrills === true };
            const format = formatOf(path, q.format);
            // An export holds the whole list unless a page is asked for.
            const asked =
              format && q.limit === undefined ? { limit: 100_000, offset: page.offset } : page;
            const result = await listOversight(
              deps,
              officialOf(request),
              list,
              // Names of units and categories in the official's language.
              { ...asked, ...drills, lang: pickLang(q.lang, request.headers['accept-language']) },
              new Date(),
            );
            if (!format) return result;
            return sendTable(reply, format, fileName, columns, result.items);
          },
        );
      }
    }
  };
