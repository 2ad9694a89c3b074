import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { countCaseQueue, tables } from '@hotline/db';
import { addOfficial, bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { addCase, fetchAllPages, fetchQueue, ids } from './queue-fixtures.js';

describe('queue filters, search, counts and keyset pagination', () => {
  let sys: TestSystem;
  let headers: Record<string, string>;
  let handlerId: string;
  const c: Record<string, string> = {};
  const sixty: string[] = [];

  beforeAll(async () => {
    sys = await startSystem({ label: 'queues-filters', withWorker: false });
    const db = sys.database.db;
    const unitId = sys.province.departmentUnitId;
    handlerId = await addOfficial(db, unitId, ['handler']);
    headers = await bearerFor(sys.baseUrl, handlerId);
    const [hotline] = await db.select({ id: tables.hotlines.id }).from(tables.hotlines);
    const [commune] = await db
      .select({ id: tables.adminUnits.id })
      .from(tables.adminUnits)
      .where(sql`${tables.adminUnits.code} = 'xa-a1'`);
    const add = async (name: string, fields: Parameters<typeof addCase>[1]) => {
      c[name] = (await addCase(db, { unitId, ...fields })).id;
    };
    await add('road', {
      text: 'Đường Lê Lợi bị ngập sau mưa, xe cộ đi lại khó khăn.',
      channel: 'sms',
      priority: 'high',
      slaState: 'at_risk',
      status: 'in_progress',
      assigneeId: handlerId,
    });
    await add('land', {
      text: 'Tranh chấp ĐẤT ĐAI giữa hai hộ dân ở thôn 3.',
      categoryCode: 'moi-truong',
      communeUnitId: commune!.id,
      slaState: 'breached',
      status: 'triaged',
      // Overdue: open, and its resolution deadline has passed (overdueCase).
      resolutionDueAt: new Date('2025-01-06T03:00:00Z'),
    });
    await add('noise', {
      text: 'Tiếng ồn từ quán karaoke sau 22 giờ, 100% hộ dân phàn nàn.',
      channel: 'call',
      hotlineId: hotline!.id,
      priority: 'urgent',
      status: 'received',
    });
    // Sixty more, for pagination: ties on the deadline, microseconds, and no deadline at all
    // (deadlines far ahead: none of them is overdue).
    for (let i = 0; i < 60; i++) {
      const due =
        i % 10 === 9
          ? null
          : sql`${`2099-04-${String(1 + (i % 7)).padStart(2, '0')}T03:00:00.${String(
              (i * 7919) % 1_000_000,
            ).padStart(6, '0')}Z`}::timestamptz`;
      const { id } = await addCase(db, {
        unitId,
        status: i % 2 === 0 ? 'assigned' : 'in_progress',
        text: `Vụ việc số ${i}: cây xanh gãy đổ.`,
        // Several rows share a deadline exactly (i and i+7 only differ in microseconds).
        ...(due === null
          ? {}
          : { resolutionDueAt: i % 3 === 0 ? sql`'2099-04-09T00:00:00Z'` : due }),
      } as Parameters<typeof addCase>[1]);
      sixty.push(id);
    }
  });
  afterAll(async () => {
    await sys?.close();
  });

  const only = async (params: Record<string, string | string[]>) =>
    ids(await fetchQueue(sys.baseUrl, headers, 'unit', { limit: '100', ...params }));

  it('filters by status (several), SLA state, category, channel, commune and priority', async () => {
    expect(await only({ status: ['triaged', 'received'] })).toEqual([c.land, c.noise].sort());
    expect(await only({ status: 'received' })).toEqual([c.noise]);
    expect(await only({ slaState: 'at_risk' })).toEqual([c.road]);
    expect(await only({ category: 'moi-truong' })).toEqual([c.land]);
    expect(await only({ channel: 'call' })).toEqual([c.noise]);
    expect(await only({ commune: 'xa-a1' })).toEqual([c.land]);
    expect(await only({ priority: 'urgent' })).toEqual([c.noise]);
    expect(await only({ hotline: sys.province.hotlineNumber })).toEqual([c.noise]);
    expect(await only({ category: 'khac' })).toEqual([]);
  });

  it('filters by assignee (an id, or none) and by when the case was received', async () => {
    expect(await only({ assignee: handlerId })).toEqual([c.road]);
    const none = await only({ assignee: 'none', status: ['triaged', 'received'] });
    expect(none).toEqual([c.land, c.noise].sort());
    const [road] = await sys.database.db
      .select({ at: tables.cases.receivedAt })
      .from(tables.cases)
      .where(sql`${tables.cases.id} = ${c.road!}`);
    const at = road!.at.toISOString();
    const first = await only({ receivedFrom: at, receivedTo: at });
    expect(first).toEqual([c.road]);
  });

  it('searches the text without regard to diacritics or case', async () => {
    expect(await only({ q: 'duong' })).toEqual([c.road]);
    expect(await only({ q: 'dat dai' })).toEqual([c.land]);
    expect(await only({ q: 'Đất Đai' })).toEqual([c.land]);
    // NFD input (combining marks) is normalised before folding.
    expect(await only({ q: 'đất đai'.normalize('NFD') })).toEqual([c.land]);
    expect(await only({ q: 'ngap  le loi' })).toEqual([c.road]);
    // LIKE wildcards are literal characters.
    expect(await only({ q: '100%' })).toEqual([c.noise]);
    expect(await only({ q: '%' })).toEqual([c.noise]);
    expect(await only({ q: 'khong co dau' })).toEqual([]);
  });

  it('pages over sixty cases by deadline: every case exactly once, in order, nulls last', async () => {
    const { pages, items } = await fetchAllPages(sys.baseUrl, headers, 'unit', {
      limit: '7',
      q: 'cay xanh',
    });
    expect(pages.length).toBe(9);
    expect(items.map((i) => i.id).sort()).toEqual([...sixty].sort());
    expect(new Set(items.map((i) => i.id)).size).toBe(60);
    const dues = items.map((i) => i.deadlines.resolution);
    const firstNull = dues.indexOf(null);
    expect(firstNull).toBe(54);
    expect(dues.slice(firstNull).every((d) => d === null)).toBe(true);
    const dated = dues.slice(0, firstNull).map((d) => Date.parse(d!));
    expect(dated).toEqual([...dated].sort((a, b) => a - b));
    for (const page of pages) expect(page.total).toBe(60);
  });

  it('pages by receivedAt, newest first', async () => {
    const { items } = await fetchAllPages(sys.baseUrl, headers, 'unit', {
      limit: '25',
      sort: 'receivedAt',
    });
    expect(items).toHaveLength(63);
    const times = items.map((i) => Date.parse(i.receivedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(items.map((i) => i.id)).size).toBe(63);
    // A cursor of one sort is refused by the other.
    const first = await fetchQueue(sys.baseUrl, headers, 'unit', {
      limit: '5',
      sort: 'receivedAt',
    });
    await expect(
      fetchQueue(sys.baseUrl, headers, 'unit', { cursor: first.nextCursor! }),
    ).rejects.toThrow(/400/);
  });

  it('a count stops at its cap: the total is then a lower bound, without partial counts', async () => {
    const scope = {
      kind: 'some' as const,
      unitIds: [sys.province.departmentUnitId],
      hotlineIds: [],
    };
    const query = {
      queue: 'unit' as const,
      viewer: { officialId: handlerId, unitId: sys.province.departmentUnitId, isUnitLeader: false },
      filters: {},
      now: new Date(),
    };
    const capped = await countCaseQueue(sys.database.db, scope, { ...query, cap: 10 });
    expect(capped).toEqual({ total: 10, isCapped: true, byStatus: {}, bySlaState: {} });
    const exact = await countCaseQueue(sys.database.db, scope, { ...query, cap: 63 });
    expect(exact.total).toBe(63);
    expect(exact.isCapped).toBe(false);
    expect(exact.bySlaState).toEqual({ on_track: 61, at_risk: 1, breached: 1 });
  });

  it('counts by status and SLA state match the query', async () => {
    const page = await fetchQueue(sys.baseUrl, headers, 'unit', { limit: '1' });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(63);
    expect(page.totalCapped).toBe(false);
    expect(page.counts.byStatus).toEqual({
      assigned: 30,
      in_progress: 31,
      triaged: 1,
      received: 1,
    });
    expect(page.counts.bySlaState).toEqual({ on_track: 61, at_risk: 1, breached: 1 });
    const filtered = await fetchQueue(sys.baseUrl, headers, 'unit', {
      status: ['triaged', 'in_progress'],
    });
    expect(filtered.total).toBe(32);
    expect(filtered.counts.byStatus).toEqual({ in_progress: 31, triaged: 1 });
    expect(filtered.counts.bySlaState).toEqual({ on_track: 30, at_risk: 1, breached: 1 });
    expect(filtered.items).toHaveLength(25);
  });
});
