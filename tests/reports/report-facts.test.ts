import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeCase,
  rebuildMissingReportFacts,
  rebuildReportFacts,
  routeCase,
  submitCase,
  transferCase,
} from '@hotline/core';
import type { Principal } from '@hotline/domain';
import { addOfficial, bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';

// Reports read facts written with the events: a change made through the HTTP API shows in the
// next report, and the backfill rebuilds the very rows (and figures) written live.
type Headers = Record<string, string>;
type Figures = Record<string, unknown> & { backlogAge: Record<string, number> };
type Report = { rows: (Figures & { key: string | null; name: string | null })[]; total: Figures };
const at = (s: string) => new Date(`${s}+07:00`);

describe('report facts', () => {
  let sys: TestSystem;
  let supervisor: Headers;
  let leader: Headers;
  let handler: Headers;
  let handlerId: string;

  beforeAll(async () => {
    sys = await startSystem({ label: 'report_facts', withWorker: false });
    const { db } = sys.database;
    const unit = sys.province.triageUnitId;
    handlerId = await addOfficial(db, unit, ['handler'], { fullName: 'Phạm Văn Xử Lý' });
    supervisor = await bearerFor(sys.baseUrl, await addOfficial(db, unit, ['supervisor']));
    leader = await bearerFor(sys.baseUrl, await addOfficial(db, unit, ['unit_leader']));
    handler = await bearerFor(sys.baseUrl, handlerId);
  }, 60_000);
  afterAll(async () => {
    await sys?.close();
  });

  const report = async (path: string): Promise<Report> => {
    const res = await fetch(`${sys.baseUrl}${path}`, { headers: supervisor });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Report;
  };
  const post = async (path: string, body: unknown, headers: Headers) => {
    const res = await fetch(`${sys.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as Record<string, unknown>;
  };
  const factRows = async () =>
    sys.database.db.execute(sql`select * from case_report_facts order by case_id, kind, seq`);
  /** Each fact's holding and moment as first seen: a later change must never move them. */
  const firstSeen = new Map<string, string>();
  const movedFacts = async () => {
    const rows = await sys.database.db.execute<Record<string, unknown>>(
      sql`select case_id, kind, seq, at, unit_id, assignee_id, category_id, is_on_time, due_at
        from case_report_facts`,
    );
    const moved: string[] = [];
    for (const r of rows) {
      const key = `${String(r.case_id)}:${String(r.kind)}:${String(r.seq)}`;
      const value = JSON.stringify(r);
      const seen = firstSeen.get(key);
      if (seen === undefined) firstSeen.set(key, value);
      else if (seen !== value) moved.push(`${key} ${seen} → ${value}`);
    }
    return moved;
  };

  it('a change through the HTTP API shows in the next report', async () => {
    // Today, as instants: the period has not ended, so the backlog is measured now.
    const period = `from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`;
    const units = () => report(`/v1/reports/units?${period}`);
    const officials = () => report(`/v1/reports/officials?${period}`);

    const created = await post(
      '/v1/cases',
      {
        categoryCode: 'xay-dung',
        text: 'Công trình xây dựng lấn chiếm hành lang giao thông ở Km 7.',
        citizen: { name: 'Trần Thị Dân', phone: '0912000777' },
      },
      {},
    );
    const code = created.trackingCode as string;
    const citizen = { 'x-case-token': created.ownerToken as string };
    let r = await units();
    // Not yet routed: open in triage, received by no unit yet.
    expect(r.total).toMatchObject({ received: 0, openBacklog: 1, resolved: 0 });
    expect(r.total.backlogAge).toMatchObject({ d0to2: 1 });
    expect(r.rows.map((x) => [x.key, x.received, x.openBacklog])).toEqual([[null, 0, 1]]);
    expect(await movedFacts()).toEqual([]);

    const [row] = await sys.database.db.execute<{ id: string }>(
      sql`select id from cases where tracking_code = ${code.replace(/-/g, '')}`,
    );
    const caseId = row!.id;
    await routeCase({ db: sys.database.db }, caseId, new Date());
    r = await units();
    expect(r.rows.map((x) => [x.name, x.received, x.openBacklog])).toEqual([
      ['Trung tâm tiếp nhận', 1, 1],
    ]);
    expect(await movedFacts()).toEqual([]);

    await post(`/v1/cases/${code}/assign`, { assigneeId: handlerId }, leader);
    expect(await movedFacts()).toEqual([]);
    expect((await officials()).rows.map((x) => [x.key, x.openBacklog])).toEqual([[handlerId, 1]]);

    await post(`/v1/cases/${code}/accept`, {}, handler);
    await post(`/v1/cases/${code}/reply`, { text: 'Đã tiếp nhận, đang kiểm tra.' }, handler);
    r = await units();
    expect(r.total).toMatchObject({ firstResponses: 1, resolved: 0, openBacklog: 1 });

    await post(`/v1/cases/${code}/resolve`, { answer: 'Đã xử lý vi phạm.' }, handler);
    expect(await movedFacts()).toEqual([]);
    r = await units();
    expect(r.total).toMatchObject({ resolved: 1, resolvedOnTime: 1, openBacklog: 0, reopened: 0 });
    expect(r.total.onTimeRate).toBe(1);

    await post(`/v1/cases/${code}/rating`, { rating: 2 }, citizen);
    expect(await movedFacts()).toEqual([]);
    r = await units();
    expect(r.total).toMatchObject({ ratings: 1, satisfactionAverage: 2, satisfiedShare: 0 });

    await post(`/v1/cases/${code}/reopen`, { reason: 'Công trình vẫn lấn chiếm' }, citizen);
    expect(await movedFacts()).toEqual([]);
    r = await units();
    expect(r.total).toMatchObject({ resolved: 1, reopened: 1, reopenRate: 1, openBacklog: 1 });
    // Reopened, the case goes back to its handler: he keeps the resolution and the rating he
    // was given, and holds the case open again.
    const byOfficial = await officials();
    expect(
      byOfficial.rows.map((x) => [x.key, x.resolved, x.ratings, x.reopened, x.openBacklog]),
    ).toEqual([[handlerId, 1, 1, 1, 1]]);
    expect(byOfficial.total).toMatchObject({ resolved: 1, reopened: 1, openBacklog: 1 });

    await post(
      `/v1/cases/${code}/transfer`,
      { toUnitCode: 'so-xay-dung', reason: 'Thuộc thẩm quyền của Sở' },
      leader,
    );
    r = await units();
    // The receipt, resolution, rating and transfer stay with the centre that had the case
    // then; the department holds it open from the transfer on.
    expect(
      r.rows.map((x) => [
        x.name,
        x.received,
        x.transferredOut,
        x.resolved,
        x.ratings,
        x.reopened,
        x.openBacklog,
      ]),
    ).toEqual([
      ['Sở Xây dựng', 0, 0, 0, 0, 0, 1],
      ['Trung tâm tiếp nhận', 1, 1, 1, 1, 1, 0],
    ]);

    const series = (await report(`/v1/reports/series?${period}&interval=day`)) as unknown as {
      points: { received: number; resolved: number; resolvedOnTime: number }[];
    };
    const sum = (k: 'received' | 'resolved' | 'resolvedOnTime') =>
      series.points.reduce((s, p) => s + p[k], 0);
    expect([sum('received'), sum('resolved'), sum('resolvedOnTime')]).toEqual([1, 1, 1]);

    // No fact moved through assignment, reopening and transfer.
    expect(await movedFacts()).toEqual([]);
    // The backfill writes the very rows written live.
    const live = await factRows();
    await rebuildReportFacts(sys.database.db, [caseId]);
    expect(await factRows()).toEqual(live);
  });

  it('the backfill gives the facts and figures written live, and does nothing the second time', async () => {
    const { db } = sys.database;
    const p = sys.province;
    const deps = { db };
    const unit = p.triageUnitId;
    const who = async (unitId: string, roles: ('handler' | 'unit_leader')[]) => {
      const officialId = await addOfficial(db, unitId, roles);
      const principal: Principal = {
        kind: 'official',
        officialId,
        roles,
        scopeUnitIds: new Set([unitId]),
      };
      return { officialId, principal };
    };
    const h = await who(unit, ['handler']);
    const l = await who(unit, ['unit_leader']);
    const dh = await who(p.departmentUnitId, ['handler']);
    const dl = await who(p.departmentUnitId, ['unit_leader']);
    const operator: Principal = {
      kind: 'official',
      officialId: await addOfficial(db, unit, ['operator']),
      roles: ['operator'],
    };
    const citizen: Principal = { kind: 'citizen' };
    const system: Principal = { kind: 'system', process: 'test' };
    let n = 0;
    const submit = async (when: string) => {
      n += 1;
      const { caseId } = await submitCase(
        { sql: sys.database.raw, randomBytes },
        {
          body: {
            categoryCode: n % 2 ? 'xay-dung' : 'moi-truong',
            text: `Phản ánh thử số ${n} về trật tự xây dựng.`,
            citizen: { name: 'Lê Văn Dân', phone: `09130${String(10000 + n).slice(-5)}` },
          },
          channel: 'web',
          actor: { kind: 'citizen' },
        },
        at(when),
      );
      await routeCase(deps, caseId, new Date(at(when).getTime() + 1000));
      return caseId;
    };
    type Step = [Parameters<typeof changeCase>[2], Principal, string];
    const walk = async (caseId: string, steps: Step[]) => {
      for (const [change, by, when] of steps) await changeCase(deps, caseId, change, by, at(when));
    };
    const started = (day: string, o = h, lead = l): Step[] => [
      [{ type: 'assigned', assigneeId: o.officialId }, lead.principal, `${day}T09:10:00`],
      [{ type: 'accepted' }, o.principal, `${day}T09:20:00`],
    ];
    const resolve = (when: string, o = h): Step => [
      { type: 'resolved', resolutionText: 'Đã xử lý.' },
      o.principal,
      when,
    ];

    // On time, rated 5.
    await walk(await submit('2025-11-24T09:00:00'), [
      ...started('2025-11-24'),
      [{ type: 'replied', text: 'Đã nhận.' }, h.principal, '2025-11-24T11:00:00'],
      resolve('2025-11-25T09:00:00'),
      [{ type: 'rated', rating: 5 }, citizen, '2025-11-25T10:00:00'],
      [{ type: 'closed', reason: 'citizen_confirmed' }, citizen, '2025-11-25T11:00:00'],
    ]);
    // Late, breached and escalated first, rated 2.
    await walk(await submit('2025-11-24T10:00:00'), [
      ...started('2025-11-24'),
      [
        { type: 'sla_breached', target: 'resolution', dueAt: '2025-12-08T10:00:00.000Z' },
        system,
        '2025-12-08T17:00:00',
      ],
      [
        {
          type: 'escalated',
          level: 1,
          toOfficialId: l.officialId,
          toUnitId: unit,
          reason: 'deadline_passed',
        },
        system,
        '2025-12-08T17:00:00',
      ],
      resolve('2025-12-09T09:00:00'),
      [{ type: 'rated', rating: 2 }, citizen, '2025-12-09T10:00:00'],
    ]);
    // Paused while awaiting the citizen, then resolved.
    await walk(await submit('2025-11-25T09:00:00'), [
      ...started('2025-11-25'),
      [{ type: 'info_requested', question: 'Số nhà?' }, h.principal, '2025-11-25T11:00:00'],
      [{ type: 'info_provided', text: 'Số 12' }, citizen, '2025-11-27T11:00:00'],
      resolve('2025-12-02T09:00:00'),
    ]);
    // Extended, resolved.
    await walk(await submit('2025-11-26T09:00:00'), [
      ...started('2025-11-26'),
      [
        { type: 'extension_requested', duration: 'P2D', reason: 'Khảo sát' },
        h.principal,
        '2025-12-04T10:00:00',
      ],
      [
        { type: 'extension_granted', duration: 'P2D', reason: 'Đồng ý' },
        l.principal,
        '2025-12-04T11:00:00',
      ],
      resolve('2025-12-11T09:00:00'),
    ]);
    // Resolved, rated 1, reopened, reassigned and resolved again.
    await walk(await submit('2025-11-27T09:00:00'), [
      ...started('2025-11-27'),
      resolve('2025-11-28T09:00:00'),
      [{ type: 'rated', rating: 1 }, citizen, '2025-11-28T10:00:00'],
      [{ type: 'reopened', reason: 'Chưa xong' }, citizen, '2025-12-01T09:00:00'],
      ...started('2025-12-01'),
      resolve('2025-12-03T09:00:00'),
    ]);
    // Transferred to the department after a first reply there.
    const moved = await submit('2025-11-28T09:00:00');
    await transferCase(
      deps,
      moved,
      p.departmentUnitId,
      'Chuyển Sở',
      operator,
      at('2025-11-28T09:10:00'),
    );
    await walk(moved, [
      ...started('2025-11-28', dh, dl),
      [{ type: 'replied', text: 'Đã nhận.' }, dh.principal, '2025-11-28T10:30:00'],
      resolve('2025-12-05T10:00:00', dh),
    ]);
    // Rejected, withdrawn, merged, and two left open (one never assigned).
    await walk(await submit('2025-12-01T09:00:00'), [
      [{ type: 'rejected', reason: 'spam', note: 'Quảng cáo' }, l.principal, '2025-12-01T10:00:00'],
    ]);
    await walk(await submit('2025-12-02T09:00:00'), [
      [{ type: 'withdrawn' }, citizen, '2025-12-02T09:30:00'],
    ]);
    const target = await submit('2025-12-03T09:00:00');
    await walk(await submit('2025-12-03T10:00:00'), [
      [{ type: 'merged', intoCaseId: target }, l.principal, '2025-12-03T11:00:00'],
    ]);
    await walk(await submit('2025-12-04T09:00:00'), started('2025-12-04'));

    const paths = [
      'units?from=2025-11-24&to=2025-12-07',
      'units?from=2025-12-01&to=2025-12-31',
      'officials?from=2025-11-24&to=2025-12-14',
      'breakdown?from=2025-11-24&to=2025-12-14&by=channel',
      'breakdown?from=2025-11-24&to=2025-12-14&by=category',
      'series?from=2025-11-24&to=2025-12-14&interval=day',
      'series?from=2025-11-01&to=2025-12-31&interval=week',
      // Not ended: the backlog now.
      'units?from=2025-11-24&to=2099-12-31',
    ];
    const reports = async () => Promise.all(paths.map((path) => report(`/v1/reports/${path}`)));
    const live = await reports();
    const liveFacts = await factRows();
    // 11 received; resolved on 25 Nov, 28 Nov (reopened), 2, 3 and 5 Dec; rated 5 and 1.
    expect(live[0]!.total).toMatchObject({ received: 11, resolved: 5, ratings: 2, reopened: 1 });

    await db.execute(sql`delete from case_report_facts`);
    const [cases] = await db.execute<{ n: number }>(sql`select count(*)::int as n from cases`);
    const rebuilt = await rebuildMissingReportFacts(db);
    expect(rebuilt.cases).toBe(cases!.n);
    expect(await factRows()).toEqual(liveFacts);
    expect(await reports()).toEqual(live);
    expect(await rebuildMissingReportFacts(db)).toEqual({ cases: 0, facts: 0 });

    // A case changed before the backfill reached it (facts, but no receipt span) is rebuilt.
    await db.execute(
      sql`delete from case_report_facts where case_id = ${target} and kind = 'open' and seq = 1`,
    );
    expect((await rebuildMissingReportFacts(db)).cases).toBe(1);
    expect(await factRows()).toEqual(liveFacts);
  }, 120_000);
});
