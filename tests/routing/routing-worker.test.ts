import { and, count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@hotline/config';
import { tables } from '@hotline/db';
import { waitFor } from '@hotline/testing';
import { startWorker, type RunningWorker } from '@hotline/worker';
import {
  adminRequest,
  getJson,
  postJson,
  startSystem,
  type TestSystem,
} from '../support/system.js';
import { addOfficials, addUnit, routingEvents } from './routing-fixtures.js';

/** Routing rules through the real pipeline: HTTP intake → outbox → BullMQ → routing worker. */
describe('routing rules in the worker', () => {
  let sys: TestSystem;
  let secondWorker: RunningWorker | null = null;
  beforeAll(async () => {
    sys = await startSystem({ label: 'routing_worker' });
  });
  afterAll(async () => {
    await secondWorker?.close();
    await sys.close();
  });

  const caseByCode = async (code: string) => {
    const [row] = await sys.database.db
      .select()
      .from(tables.cases)
      .where(eq(tables.cases.trackingCode, code.replace('-', '')));
    return row!;
  };
  const submit = async (body: object) => {
    const res = await postJson(sys.baseUrl, '/v1/cases', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body!.trackingCode as string;
  };
  const routed = (code: string) =>
    waitFor(async () => ((await caseByCode(code)).unitId ? caseByCode(code) : undefined), {
      what: `case ${code} routed`,
    });

  it('a case about "đất đai" goes to the unit of the "dat dai" rule and to one of its handlers', async () => {
    const { db } = sys.database;
    const unitId = await addUnit(db, { code: 'so-tnmt', name: 'Sở Tài nguyên và Môi trường' });
    const handlers = await addOfficials(db, unitId, 2, 'tnmt');
    const rule = await adminRequest(sys.baseUrl, 'POST', '/v1/admin/routing-rules', {
      name: 'Đất đai',
      conditions: { words: ['dat dai'] },
      targetUnitCode: 'so-tnmt',
      strategy: 'round_robin',
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);

    const code = await submit({
      categoryCode: 'xay-dung',
      text: 'Tranh chấp Đất đai giữa hai hộ ở thôn 3, đề nghị giải quyết.',
      communeCode: sys.province.communeCode,
    });
    const row = await routed(code);
    expect(row.unitId).toBe(unitId);
    expect(handlers).toContain(row.assigneeId);
    expect(row.status).toBe('assigned');
    expect(await routingEvents(db, row.id)).toEqual([
      { type: 'routed', unitId, reason: 'rule', ruleId: rule.body!.id },
      { type: 'assigned', assigneeId: row.assigneeId },
    ]);
    const view = await getJson(sys.baseUrl, `/v1/cases/${code}`);
    expect(view.body.unit).toEqual({ code: 'so-tnmt', name: 'Sở Tài nguyên và Môi trường' });

    // "datdai" is not the words "dat dai": the fallback (triage, unassigned) takes it.
    const other = await routed(
      await submit({ categoryCode: 'xay-dung', text: 'Khu datdai bị lấn chiếm trái phép.' }),
    );
    expect(other.unitId).toBe(sys.province.triageUnitId);
    expect(other.assigneeId).toBeNull();
    expect(other.status).toBe('received');
  });

  it('two workers route 100 cases round robin over 4 handlers: exactly 25 each', async () => {
    const { db } = sys.database;
    const unitId = await addUnit(db, { code: 'ban-gpmb', name: 'Ban Giải phóng mặt bằng' });
    const handlers = await addOfficials(db, unitId, 4, 'gpmb');
    await addOfficials(db, unitId, 1, 'gpmb-absent', { isAbsent: true });
    const rule = await adminRequest(sys.baseUrl, 'POST', '/v1/admin/routing-rules', {
      name: 'Giải phóng mặt bằng',
      position: 1,
      conditions: { words: ['giai phong mat bang'] },
      targetUnitCode: 'ban-gpmb',
      strategy: 'round_robin',
    });
    expect(rule.status).toBe(201);
    secondWorker = startWorker(sys.config, createLogger(sys.config));

    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        submit({
          categoryCode: 'xay-dung',
          text: `Chậm chi trả tiền giải phóng mặt bằng, hộ số ${i}.`,
        }),
      ),
    );
    const assignedIn = async () => {
      const [row] = await db
        .select({ n: count() })
        .from(tables.cases)
        .where(and(eq(tables.cases.unitId, unitId), isNotNull(tables.cases.assigneeId)));
      return row!.n;
    };
    await waitFor(async () => ((await assignedIn()) >= 100 ? true : undefined), {
      timeoutMs: 20_000,
      what: '100 cases assigned',
    });
    const rows = await db
      .select({ assigneeId: tables.cases.assigneeId, n: count() })
      .from(tables.cases)
      .where(eq(tables.cases.unitId, unitId))
      .groupBy(tables.cases.assigneeId);
    const counts = new Map(rows.map((r) => [r.assigneeId, r.n]));
    expect(handlers.map((h) => counts.get(h))).toEqual([25, 25, 25, 25]);
    expect(rows).toHaveLength(4);
  });
});
