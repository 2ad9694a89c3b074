import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCase, routeCase, submitCase, transferCase } from '@hotline/core';
import { tables } from '@hotline/db';
import type { Principal } from '@hotline/domain';
import { addOfficial, bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';

// A known history on the default calendar (Mon–Fri 07:30–11:30, 13:30–17:00, +07:00), in
// November–December 2025 (no holidays), checked figure by figure.
const at = (s: string) => new Date(`${s}+07:00`);
const H = 3_600_000;
const PERIOD = 'from=2025-11-24&to=2025-12-14';

describe('oversight lists and reports', () => {
  let sys: TestSystem;
  let supervisor: Record<string, string>;
  let deptHandler: Record<string, string>;
  const ids: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    sys = await startSystem({ label: 'reports', withWorker: false });
    const db = sys.database.db;
    const p = sys.province;
    const [district] = await db
      .select()
      .from(tables.adminUnits)
      .where(eq(tables.adminUnits.code, 'huyen-a'));
    const official = async (unitId: string, roles: ('handler' | 'unit_leader')[]) => {
      const officialId = await addOfficial(db, unitId, roles);
      const who: Principal = {
        kind: 'official',
        officialId,
        roles,
        scopeUnitIds: new Set([unitId]),
      };
      return { officialId, who };
    };
    const tHandler = await official(p.triageUnitId, ['handler']);
    const tLeader = await official(p.triageUnitId, ['unit_leader']);
    const dHandler = await official(p.departmentUnitId, ['handler']);
    const dLeader = await official(p.departmentUnitId, ['unit_leader']);
    const operatorId = await addOfficial(db, p.triageUnitId, ['operator']);
    const operator: Principal = { kind: 'official', officialId: operatorId, roles: ['operator'] };
    const supervisorId = await addOfficial(db, p.triageUnitId, ['supervisor']);
    supervisor = await bearerFor(sys.baseUrl, supervisorId);
    deptHandler = await bearerFor(sys.baseUrl, dHandler.officialId);
    const citizen: Principal = { kind: 'citizen' };
    const system: Principal = { kind: 'system', process: 'test' };
    const deps = { db };

    const submit = async (when: string) => {
      const { caseId, trackingCode } = await submitCase(
        { sql: sys.database.raw, randomBytes },
        {
          body: {
            categoryCode: 'xay-dung',
            text: `Công trình xây dựng không phép ở Km 3, lúc ${when}.`,
            citizen: { name: 'Nguyễn Văn Dân', phone: '0912345678' },
          },
          channel: 'web',
          actor: { kind: 'citizen' },
        },
        at(when),
      );
      await routeCase(deps, caseId, new Date(at(when).getTime() + 1000));
      codes[caseId] = trackingCode;
      return caseId;
    };
    type Step = [Parameters<typeof changeCase>[2], Principal, string];
    const walk = async (caseId: string, steps: Step[]) => {
      for (const [change, who, when] of steps)
        await changeCase(deps, caseId, change, who, at(when));
    };

    // A: first response after 2 h, resolved on time after 7.5 working hours, rated 5.
    ids.A = await submit('2025-11-24T09:00:00');
    await walk(ids.A, [
      [{ type: 'assigned', assigneeId: tHandler.officialId }, tLeader.who, '2025-11-24T09:10:00'],
      [{ type: 'accepted' }, tHandler.who, '2025-11-24T09:20:00'],
      [{ type: 'replied', text: 'Đã tiếp nhận.' }, tHandler.who, '2025-11-24T11:00:00'],
      [{ type: 'resolved', resolutionText: 'Đã xử lý.' }, tHandler.who, '2025-11-25T09:00:00'],
      [{ type: 'rated', rating: 5 }, citizen, '2025-11-25T10:00:00'],
    ]);
    // B: first response after 3.5 h; resolved a day late (due 8 Dec 17:00) after 81.5 h; rated 2; reopened.
    ids.B = await submit('2025-11-24T10:00:00');
    await walk(ids.B, [
      [{ type: 'assigned', assigneeId: tHandler.officialId }, tLeader.who, '2025-11-24T10:10:00'],
      [{ type: 'accepted' }, tHandler.who, '2025-11-24T10:20:00'],
      [{ type: 'replied', text: 'Đang kiểm tra.' }, tHandler.who, '2025-11-24T15:30:00'],
      [{ type: 'resolved', resolutionText: 'Đã xử lý.' }, tHandler.who, '2025-12-09T09:00:00'],
      [{ type: 'rated', rating: 2 }, citizen, '2025-12-09T10:00:00'],
      [{ type: 'reopened', reason: 'Chưa xử lý triệt để' }, citizen, '2025-12-10T09:00:00'],
    ]);
    // C: passed triage → district → department; first response after 1.5 h; on time after 8.5 h; rated 4.
    ids.C = await submit('2025-11-25T09:00:00');
    await transferCase(
      deps,
      ids.C,
      district!.id,
      'Không thuộc thẩm quyền',
      operator,
      at('2025-11-25T09:10:00'),
    );
    await transferCase(
      deps,
      ids.C,
      p.departmentUnitId,
      'Chuyển Sở',
      operator,
      at('2025-11-25T09:20:00'),
    );
    await walk(ids.C, [
      [{ type: 'assigned', assigneeId: dHandler.officialId }, dLeader.who, '2025-11-25T09:30:00'],
      [{ type: 'accepted' }, dHandler.who, '2025-11-25T09:40:00'],
      [{ type: 'replied', text: 'Đã tiếp nhận.' }, dHandler.who, '2025-11-25T10:30:00'],
      [{ type: 'resolved', resolutionText: 'Đã xử lý.' }, dHandler.who, '2025-11-26T10:00:00'],
      [{ type: 'rated', rating: 4 }, citizen, '2025-11-26T11:00:00'],
    ]);
    // D: never worked; breached and escalated to the triage leader on 10 Dec.
    ids.D = await submit('2025-11-26T09:00:00');
    await walk(ids.D, [
      [
        { type: 'sla_breached', target: 'resolution', dueAt: '2025-12-10T10:00:00.000Z' },
        system,
        '2025-12-10T17:00:00',
      ],
      [
        {
          type: 'escalated',
          level: 1,
          toOfficialId: tLeader.officialId,
          toUnitId: p.triageUnitId,
          reason: 'deadline_passed',
        },
        system,
        '2025-12-10T17:00:00',
      ],
    ]);
  }, 60_000);
  afterAll(async () => {
    await sys?.close();
  });

  const get = async (path: string, headers = supervisor) => {
    const res = await fetch(`${sys.baseUrl}${path}`, { headers });
    return res;
  };
  const json = async <T>(path: string, headers = supervisor): Promise<T> => {
    const res = await get(path, headers);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };

  it('figures for the province: on-time rate, medians and p90 in working time, satisfaction, reopen rate', async () => {
    const report = await json<{
      rows: { key: string; received: number }[];
      total: Record<string, unknown>;
    }>(`/v1/reports/units?${PERIOD}`);
    expect(report.total).toMatchObject({
      received: 4,
      resolved: 3,
      resolvedOnTime: 2,
      firstResponses: 3,
      firstResponseMedianMs: 2 * H,
      firstResponseP90Ms: Math.round(3.2 * H),
      resolutionMedianMs: 8.5 * H,
      resolutionP90Ms: Math.round(66.9 * H),
      openBacklog: 2,
      backlogAge: { d0to2: 0, d3to7: 0, d8to15: 0, d16to30: 2, over30: 0 },
      ratings: 3,
      reopened: 1,
    });
    // On time 2 (A, C) ÷ (3 resolved + D open past its deadline at the end); B, reopened on
    // 10 Dec, has a new deadline after the period.
    expect(report.total).toMatchObject({ resolvedLate: 1, openOverdue: 1, transferredOut: 2 });
    expect(report.total.onTimeRate).toBeCloseTo(2 / 4, 10);
    expect(report.total.satisfactionAverage).toBeCloseTo(11 / 3, 10);
    expect(report.total.satisfiedShare).toBeCloseTo(2 / 3, 10);
    expect(report.total.reopenRate).toBeCloseTo(1 / 3, 10);
    const byUnit = new Map(report.rows.map((r) => [r.key, r]));
    // C came to the triage unit first and was passed on: its receipt stays with triage, its
    // resolution and rating belong to the department that resolved it.
    expect(byUnit.get(sys.province.triageUnitId)).toMatchObject({
      received: 4,
      transferredOut: 1,
      resolved: 2,
      resolvedOnTime: 1,
      resolvedLate: 1,
      openOverdue: 1,
      onTimeRate: 1 / 3,
      onTimeRank: 2,
      resolutionMedianMs: 44.5 * H,
    });
    expect(byUnit.get(sys.province.departmentUnitId)).toMatchObject({
      received: 0,
      resolved: 1,
      resolvedOnTime: 1,
      onTimeRate: 1,
      onTimeRank: 1,
      resolutionMedianMs: 8.5 * H,
      satisfactionAverage: 4,
    });
    const district = report.rows.find(
      (r) => r.key !== sys.province.triageUnitId && r.key !== sys.province.departmentUnitId,
    );
    expect(district).toMatchObject({ received: 0, transferredOut: 1, onTimeRank: null });
  });

  it('a handler’s report covers only his unit', async () => {
    const report = await json<{ rows: { key: string }[]; total: Record<string, unknown> }>(
      `/v1/reports/units?${PERIOD}`,
      deptHandler,
    );
    expect(report.rows.map((r) => r.key)).toEqual([sys.province.departmentUnitId]);
    expect(report.total).toMatchObject({ received: 0, resolved: 1, resolvedOnTime: 1 });
    const officials = await json<{ rows: { received: number }[] }>(
      `/v1/reports/officials?${PERIOD}`,
      deptHandler,
    );
    expect(officials.rows).toHaveLength(1);
    const overdue = await json<{ total: number }>('/v1/oversight/overdue', deptHandler);
    expect(overdue.total).toBe(0);
  });

  it('breakdown by channel and a series in Asia/Ho_Chi_Minh days and weeks', async () => {
    const byChannel = await json<{ rows: { key: string; received: number; resolved: number }[] }>(
      `/v1/reports/breakdown?${PERIOD}&by=channel`,
    );
    expect(byChannel.rows).toEqual([
      expect.objectContaining({ key: 'web', received: 4, resolved: 3 }),
    ]);
    type Point = {
      bucket: string;
      received: number;
      resolved: number;
      resolvedOnTime: number;
      breaches: number;
      escalations: number;
    };
    const days = await json<{ points: Point[] }>(`/v1/reports/series?${PERIOD}&interval=day`);
    expect(days.points).toHaveLength(21);
    const day = new Map(days.points.map((p) => [p.bucket, p]));
    expect(day.get('2025-11-24')).toMatchObject({ received: 2, resolved: 0 });
    expect(day.get('2025-11-25')).toMatchObject({ received: 1, resolved: 1, resolvedOnTime: 1 });
    expect(day.get('2025-12-09')).toMatchObject({ resolved: 1, resolvedOnTime: 0 });
    expect(day.get('2025-12-10')).toMatchObject({ breaches: 1, escalations: 1 });
    const weeks = await json<{ points: Point[] }>(`/v1/reports/series?${PERIOD}&interval=week`);
    expect(
      weeks.points.map((p) => [p.bucket, p.received, p.resolved, p.resolvedOnTime, p.breaches]),
    ).toEqual([
      ['2025-11-24', 4, 2, 2, 0],
      ['2025-12-01', 0, 0, 0, 0],
      ['2025-12-08', 0, 1, 0, 1],
    ]);
  });

  it('lists: overdue by lateness, escalations with their rung, cases passed around', async () => {
    type Item = {
      caseId: string;
      latenessWorkingMs: number;
      escalationLevel: number;
      escalation: { level: number; toOfficialId: string | null } | null;
      unitPath: string[];
    };
    const overdue = await json<{ items: Item[]; total: number }>('/v1/oversight/overdue');
    expect(overdue.items.map((i) => i.caseId)).toEqual([ids.D, ids.B]);
    expect(overdue.items[0]!.latenessWorkingMs).toBeGreaterThan(
      overdue.items[1]!.latenessWorkingMs,
    );
    const page = await json<{ items: Item[]; total: number }>(
      '/v1/oversight/overdue?limit=1&offset=1',
    );
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.items.map((i) => i.caseId)).toEqual([ids.B]);
    // The rung recorded for D (no worker runs here, so no later rung is added).
    const escalations = await json<{ items: Item[] }>('/v1/oversight/escalations');
    const d = escalations.items.find((i) => i.caseId === ids.D);
    expect(d?.escalation).toMatchObject({
      level: 1,
      reason: 'deadline_passed',
      toUnitName: 'Trung tâm tiếp nhận',
      since: '2025-12-10T10:00:00.000Z',
    });
    expect(d?.escalation?.level).toBe(d?.escalationLevel);
    expect(escalations.items.every((i) => i.escalation !== null)).toBe(true);
    expect(escalations.items.map((i) => i.caseId)).not.toContain(ids.A);
    const transferred = await json<{ items: Item[] }>('/v1/oversight/transferred');
    expect(transferred.items.map((i) => [i.caseId, i.unitPath])).toEqual([
      [ids.C, ['Trung tâm tiếp nhận', 'Huyện A', 'Sở Xây dựng']],
    ]);
    const atRisk = await json<{ items: Item[] }>('/v1/oversight/at-risk');
    expect(atRisk.items).toEqual([]);
    expect((await get('/v1/oversight/overdue', {})).status).toBe(401);
  });

  it('exports a report as CSV with a BOM and Vietnamese headers, without personal data', async () => {
    const res = await get(`/v1/reports/units?${PERIOD}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="bao-cao-don-vi_2025-11-24_2025-12-14.csv"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    const header = lines[0]!;
    // The rate with the numbers behind it and the unit's place in the ranking.
    expect(header.slice(0, 11)).toEqual([
      'Đơn vị',
      'Tiếp nhận',
      'Chuyển đi',
      'Đã giải quyết',
      'Giải quyết đúng hạn',
      'Giải quyết trễ hạn',
      'Giải quyết khi không có hạn',
      'Đang quá hạn cuối kỳ',
      'Tỷ lệ đúng hạn',
      'Xếp hạng đúng hạn',
      'Phản hồi lần đầu - trung vị (giờ làm việc)',
    ]);
    const rows = new Map(lines.slice(1).map((l) => [l[0], l]));
    expect(rows.get('Trung tâm tiếp nhận')?.slice(1, 10)).toEqual([
      '4',
      '1',
      '2',
      '1',
      '1',
      '0',
      '1',
      '33.33%',
      '2',
    ]);
    expect(rows.get('Sở Xây dựng')?.slice(1, 10)).toEqual([
      '0',
      '0',
      '1',
      '1',
      '0',
      '0',
      '0',
      '100.00%',
      '1',
    ]);
    expect(rows.get('Tổng cộng')?.slice(1, 10)).toEqual([
      '4',
      '2',
      '3',
      '2',
      '1',
      '0',
      '1',
      '50.00%',
      '',
    ]);

    const listRes = await get('/v1/oversight/overdue/export');
    expect(listRes.headers.get('content-disposition')).toBe('attachment; filename="qua-han.csv"');
    const list = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await listRes.arrayBuffer());
    expect(list.startsWith('\uFEFFMã tra cứu,')).toBe(true);
    expect(list).toContain(codes[ids.D]);
    expect(list).not.toMatch(/Nguyễn Văn Dân|912345678|Km 3/);
  });

  it('exports a list as XLSX that exceljs reads back', async () => {
    const res = await get('/v1/oversight/overdue?format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="qua-han.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Mã tra cứu');
    expect(header).toContain('Hạn xử lý');
    expect(sheet.getRow(2).getCell(1).value).toBe(codes[ids.D]);
    // A date cell holding the province's wall-clock time (XLSX dates have no zone).
    expect(sheet.getRow(2).getCell(9).value).toEqual(new Date('2025-12-10T17:00:00Z'));
    expect(sheet.getRow(2).getCell(9).numFmt).toBe('hh:mm dd/mm/yyyy');
    expect(sheet.rowCount).toBe(3);

    const report = await get(`/v1/reports/series/export?${PERIOD}&interval=week&format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await report.arrayBuffer());
    const rows = book.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toEqual([
      [
        'Kỳ (từ ngày)',
        'Tiếp nhận',
        'Đã giải quyết',
        'Giải quyết đúng hạn',
        'Vi phạm thời hạn',
        'Chuyển cấp trên',
      ],
      [new Date('2025-11-24T00:00:00Z'), 4, 2, 2, 0, 0],
      [new Date('2025-12-01T00:00:00Z'), 0, 0, 0, 0, 0],
      [new Date('2025-12-08T00:00:00Z'), 0, 1, 0, 1, 1],
    ]);
  });
});
