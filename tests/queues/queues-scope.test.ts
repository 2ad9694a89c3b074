import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { caseScopeFor, type ActingOfficial } from '@hotline/core';
import { findCaseInScope, recordPersonalDataView, tables } from '@hotline/db';
import type { OfficialRole } from '@hotline/domain';
import { addOfficial, bearerFor } from '../support/officials.js';
import { getJson, startSystem, type TestSystem } from '../support/system.js';
import {
  addCase,
  addUnit,
  escalate,
  fetchQueue,
  ids,
  type CaseQueueName,
} from './queue-fixtures.js';

const QUEUES: CaseQueueName[] = ['mine', 'unit', 'unassigned', 'escalated', 'all'];

describe('GET /v1/queues/:queue: each queue, always within the official’s scope', () => {
  let sys: TestSystem;
  let parentId: string;
  let unitA: string;
  let unitB: string;
  const who: Record<string, { id: string; headers: Record<string, string> }> = {};
  const c: Record<string, string> = {};
  let hotlineId: string;
  let hotlineNumber: string;

  const official = async (name: string, unitId: string, roles: OfficialRole[]) => {
    const id = await addOfficial(sys.database.db, unitId, roles);
    who[name] = { id, headers: await bearerFor(sys.baseUrl, id) };
  };
  const as = (name: string) => who[name]!.headers;

  beforeAll(async () => {
    sys = await startSystem({ label: 'queues-scope', withWorker: false });
    const db = sys.database.db;
    const [root] = await db
      .select({ id: tables.adminUnits.id })
      .from(tables.adminUnits)
      .where(eq(tables.adminUnits.code, 'province'));
    parentId = await addUnit(db, 'phong-cha', root!.id);
    unitA = await addUnit(db, 'don-vi-a', parentId);
    unitB = await addUnit(db, 'don-vi-b', parentId);
    await official('handlerA', unitA, ['handler']);
    await official('handlerA2', unitA, ['handler']);
    await official('handlerB', unitB, ['handler']);
    await official('leaderA', unitA, ['unit_leader']);
    await official('leaderParent', parentId, ['unit_leader']);
    await official('owner', sys.province.triageUnitId, ['hotline_owner']);
    await official('supervisor', sys.province.triageUnitId, ['supervisor']);
    await official('auditor', sys.province.triageUnitId, ['auditor']);
    hotlineNumber = '+842393000999';
    const [h] = await db
      .insert(tables.hotlines)
      .values({
        number: hotlineNumber,
        displayNumber: '0239 3000 999',
        name: 'Đường dây nóng Chủ tịch',
        ownerOfficialId: who.owner!.id,
        unitId: sys.province.triageUnitId,
      })
      .returning({ id: tables.hotlines.id });
    hotlineId = h!.id;

    const add = async (name: string, fields: Parameters<typeof addCase>[1]) => {
      c[name] = (await addCase(db, fields)).id;
    };
    await add('aMine', { unitId: unitA, assigneeId: who.handlerA!.id, status: 'in_progress' });
    await add('aMineClosed', { unitId: unitA, assigneeId: who.handlerA!.id, status: 'closed' });
    await add('aOther', { unitId: unitA, assigneeId: who.handlerA2!.id });
    await add('aUnassigned', { unitId: unitA, status: 'triaged' });
    await add('aHotline', { unitId: unitA, hotlineId, status: 'triaged' });
    await add('bMine', { unitId: unitB, assigneeId: who.handlerB!.id });
    await add('bHotline', { unitId: unitB, hotlineId, status: 'triaged' });
    await add('triageHotline', {
      unitId: sys.province.triageUnitId,
      hotlineId,
      status: 'received',
    });
    await add('triage', { unitId: sys.province.triageUnitId, status: 'received' });
    await add('parentCase', { unitId: parentId, status: 'triaged' });
    // Escalations: to handlerA by name; to unit A (its leader sees it); later moved on.
    await escalate(db, c.aOther!, { level: 1, toOfficialId: who.handlerA!.id, toUnitId: unitA });
    await escalate(db, c.aUnassigned!, { level: 1, toOfficialId: null, toUnitId: unitA });
    await escalate(db, c.aMine!, { level: 1, toOfficialId: who.leaderA!.id, toUnitId: unitA });
    await escalate(db, c.aMine!, {
      level: 2,
      toOfficialId: who.leaderParent!.id,
      toUnitId: parentId,
    });
  });
  afterAll(async () => {
    await sys?.close();
  });

  it('a handler of unit A sees none of unit B’s cases, in any queue', async () => {
    const bCases = [c.bMine, c.bHotline];
    for (const queue of QUEUES) {
      const page = await fetchQueue(sys.baseUrl, as('handlerA'), queue);
      for (const item of page.items) expect(bCases).not.toContain(item.id);
    }
    const all = await fetchQueue(sys.baseUrl, as('handlerA'), 'all');
    expect(ids(all)).toEqual([c.aMine, c.aMineClosed, c.aOther, c.aUnassigned, c.aHotline].sort());
    expect(all.total).toBe(5);
    // And handler B none of A's.
    const allB = await fetchQueue(sys.baseUrl, as('handlerB'), 'all');
    expect(ids(allB)).toEqual([c.bMine, c.bHotline].sort());
  });

  it('the leader of the parent unit sees both children’s cases and his own', async () => {
    const all = await fetchQueue(sys.baseUrl, as('leaderParent'), 'all');
    expect(ids(all)).toEqual(
      [
        c.aMine,
        c.aMineClosed,
        c.aOther,
        c.aUnassigned,
        c.aHotline,
        c.bMine,
        c.bHotline,
        c.parentCase,
      ].sort(),
    );
    // His unit queue is his own unit's open cases only.
    expect(ids(await fetchQueue(sys.baseUrl, as('leaderParent'), 'unit'))).toEqual([c.parentCase]);
  });

  it('a hotline owner sees every case through his hotline, wherever it was routed', async () => {
    const all = await fetchQueue(sys.baseUrl, as('owner'), 'all');
    expect(ids(all)).toEqual([c.aHotline, c.bHotline, c.triageHotline].sort());
  });

  it('supervisors and auditors see every case', async () => {
    for (const name of ['supervisor', 'auditor']) {
      const all = await fetchQueue(sys.baseUrl, as(name), 'all', { limit: '100' });
      expect(all.total).toBe(Object.keys(c).length);
      expect(ids(all)).toEqual(Object.values(c).sort());
    }
  });

  it('mine: open cases assigned to me', async () => {
    const mine = await fetchQueue(sys.baseUrl, as('handlerA'), 'mine');
    expect(ids(mine)).toEqual([c.aMine]);
    expect(mine.items[0]!.assignee?.id).toBe(who.handlerA!.id);
    expect(mine.items[0]!.assignee?.fullName).toMatch(/^Cán bộ handler/);
  });

  it('unit and unassigned: my unit’s open cases, and those without an assignee', async () => {
    const unit = await fetchQueue(sys.baseUrl, as('handlerA'), 'unit');
    expect(ids(unit)).toEqual([c.aMine, c.aOther, c.aUnassigned, c.aHotline].sort());
    const unassigned = await fetchQueue(sys.baseUrl, as('handlerA'), 'unassigned');
    expect(ids(unassigned)).toEqual([c.aUnassigned, c.aHotline].sort());
  });

  it('escalated: the latest escalation names me, or my unit when I lead it', async () => {
    expect(ids(await fetchQueue(sys.baseUrl, as('handlerA'), 'escalated'))).toEqual([c.aOther]);
    // Unit A's leader: both escalations to unit A; aMine has moved on to the parent's leader.
    expect(ids(await fetchQueue(sys.baseUrl, as('leaderA'), 'escalated'))).toEqual(
      [c.aOther, c.aUnassigned].sort(),
    );
    const parent = await fetchQueue(sys.baseUrl, as('leaderParent'), 'escalated');
    expect(ids(parent)).toEqual([c.aMine]);
    expect(parent.items[0]!.escalationLevel).toBe(2);
    // A handler is not his unit's leader: unit-wide escalations are not his.
    expect(ids(await fetchQueue(sys.baseUrl, as('handlerA2'), 'escalated'))).toEqual([]);
  });

  it('rows carry what a queue shows, and no personal data', async () => {
    const page = await fetchQueue(sys.baseUrl, as('handlerA'), 'mine');
    const row = page.items[0]!;
    expect(row.trackingCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(row).toMatchObject({
      status: 'in_progress',
      slaState: 'on_track',
      priority: 'normal',
      channel: 'web',
      category: { code: 'xay-dung', name: 'Xây dựng' },
      unit: { code: 'don-vi-a', name: 'Đơn vị don-vi-a' },
      escalationLevel: 2,
      transferCount: 0,
      excerpt: 'Phản ánh về việc lấn chiếm vỉa hè.',
    });
    expect(Object.keys(row)).not.toEqual(
      expect.arrayContaining(['citizenName', 'citizenPhone', 'text']),
    );
  });

  it('answers 401 without a credential, 403 without cases:read, 400 for bad input', async () => {
    expect((await getJson(sys.baseUrl, '/v1/queues/mine')).status).toBe(401);
    const callsOnly = await bearerFor(sys.baseUrl, who.handlerA!.id, ['calls:write']);
    expect((await getJson(sys.baseUrl, '/v1/queues/mine', callsOnly)).status).toBe(403);
    const bad = async (path: string) => (await getJson(sys.baseUrl, path, as('handlerA'))).status;
    expect(await bad('/v1/queues/everything')).toBe(400);
    expect(await bad('/v1/queues/mine?limit=501')).toBe(400);
    expect(await bad('/v1/queues/mine?status=open')).toBe(400);
    expect(await bad('/v1/queues/mine?cursor=bm90LWEtY3Vyc29y')).toBe(400);
    expect(await bad('/v1/queues/mine?assignee=someone')).toBe(400);
    expect(await bad('/v1/queues/mine?colour=red')).toBe(400);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await getJson(sys.baseUrl, '/docs/json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths as object)).toContain('/v1/queues/{queue}');
  });

  describe('findCaseInScope', () => {
    const actingAs = async (name: string, roles: OfficialRole[], unitId: string) => {
      const acting: ActingOfficial = {
        principal: { kind: 'official', officialId: who[name]!.id, roles },
        unitId,
        scopes: 'all',
        via: 'token',
      };
      return caseScopeFor(sys.database.db, acting);
    };

    it('finds a case in scope by id or tracking code, and null when it is out of scope', async () => {
      const db = sys.database.db;
      const scopeA = await actingAs('handlerA', ['handler'], unitA);
      const [bRow] = await db.select().from(tables.cases).where(eq(tables.cases.id, c.bMine!));
      const [aRow] = await db.select().from(tables.cases).where(eq(tables.cases.id, c.aMine!));
      expect((await findCaseInScope(db, scopeA, c.aMine!))?.id).toBe(c.aMine);
      const dashed = `${aRow!.trackingCode.slice(0, 4)}-${aRow!.trackingCode.slice(4)}`;
      expect((await findCaseInScope(db, scopeA, dashed.toLowerCase()))?.id).toBe(c.aMine);
      // B's case exists but is not A's: null, the same as a case that does not exist.
      expect(await findCaseInScope(db, scopeA, c.bMine!)).toBeNull();
      expect(await findCaseInScope(db, scopeA, bRow!.trackingCode)).toBeNull();
      expect(await findCaseInScope(db, scopeA, 'ZZZZ-ZZZZ')).toBeNull();
      expect(await findCaseInScope(db, scopeA, '00000000-0000-0000-0000-000000000000')).toBeNull();
      const ownerScope = await actingAs('owner', ['hotline_owner'], sys.province.triageUnitId);
      expect((await findCaseInScope(db, ownerScope, c.bHotline!))?.id).toBe(c.bHotline);
      expect(await findCaseInScope(db, ownerScope, c.bMine!)).toBeNull();
      const all = await actingAs('auditor', ['auditor'], sys.province.triageUnitId);
      expect((await findCaseInScope(db, all, c.bMine!))?.id).toBe(c.bMine);
    });
  });

  it('recordPersonalDataView records which fields an official was shown', async () => {
    const db = sys.database.db;
    await recordPersonalDataView(db, {
      officialId: who.handlerA!.id,
      caseId: c.aMine!,
      fields: ['phone', 'name', 'phone'],
      context: 'case_detail',
    });
    await recordPersonalDataView(db, {
      officialId: who.handlerA!.id,
      caseId: c.aMine!,
      fields: [],
      context: 'case_detail',
    });
    const rows = await db
      .select()
      .from(tables.personalDataViews)
      .where(eq(tables.personalDataViews.caseId, c.aMine!));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      officialId: who.handlerA!.id,
      fields: ['phone', 'name'],
      context: 'case_detail',
    });
  });

  it('filters by hotline number, in any of its written forms', async () => {
    for (const hotline of [hotlineNumber, '0239 3000 999', hotlineNumber.slice(1)]) {
      const page = await fetchQueue(sys.baseUrl, as('supervisor'), 'all', { hotline });
      expect(ids(page)).toEqual([c.aHotline, c.bHotline, c.triageHotline].sort());
    }
  });
});
