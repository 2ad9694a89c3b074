import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOfficial, bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { seedOnTimeProvince } from './on-time-province.js';

// A hand-computed province, read through the HTTP API: who is credited with what after a
// transfer, the on-time ranking with the work left overdue, and the same overdue and load
// counts from the queue, the dashboard, the reports and the assign dialog (the province and
// its hand-computed figures: seedOnTimeProvince).
type Row = Record<string, unknown> & { key: string | null; name: string | null };
type Report = { rows: Row[]; total: Record<string, unknown> };
const DAY = 86_400_000;

describe('report credit, on-time ranking and counts', () => {
  let sys: TestSystem;
  let supervisor: Record<string, string>;
  let leaderA: Record<string, string>;
  let leaderB: Record<string, string>;
  let handlerA: Record<string, string>;
  let handlerAId: string;
  let a4Code = '';
  let communeId = '';
  const now = Date.now();
  const period = `from=${encodeURIComponent(new Date(now - 90 * DAY).toISOString())}&to=${encodeURIComponent(
    new Date(now + 3_600_000).toISOString(),
  )}`;

  beforeAll(async () => {
    sys = await startSystem({ label: 'report_credit', withWorker: false });
    const seeded = await seedOnTimeProvince(sys, now);
    communeId = seeded.communeId;
    a4Code = seeded.a4Code;
    handlerAId = seeded.hA.officialId;
    supervisor = await bearerFor(
      sys.baseUrl,
      await addOfficial(sys.database.db, sys.province.triageUnitId, ['supervisor']),
    );
    leaderA = await bearerFor(sys.baseUrl, seeded.lA.officialId);
    leaderB = await bearerFor(sys.baseUrl, seeded.lB.officialId);
    handlerA = await bearerFor(sys.baseUrl, handlerAId);
  }, 90_000);
  afterAll(async () => {
    await sys?.close();
  });

  const json = async <T>(path: string, headers: Record<string, string>): Promise<T> => {
    const res = await fetch(`${sys.baseUrl}${path}`, { headers });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };
  const unitsReport = async () => {
    const report = await json<Report>(`/v1/reports/units?${period}`, supervisor);
    return { report, of: (unitId: string) => report.rows.find((r) => r.key === unitId)! };
  };

  it('credits the reception and the transfer to the unit that sent the case, the rest to the one that held it', async () => {
    const { of } = await unitsReport();
    const p = sys.province;
    const figures = (unitId: string) => {
      const r = of(unitId);
      return [r.received, r.transferredOut, r.resolved, r.ratings, r.reopened, r.openBacklog];
    };
    // Received: a1–a4 and X at the centre, which also received b1 and d1 before passing them on.
    expect(figures(p.triageUnitId)).toEqual([7, 3, 1, 0, 0, 3]);
    expect(figures(p.departmentUnitId)).toEqual([0, 0, 2, 1, 1, 1]);
    expect(figures(communeId)).toEqual([0, 0, 1, 0, 0, 0]);
  });

  it('ranks by resolved on time over resolved and open overdue, with the numbers behind each rate', async () => {
    const { report, of } = await unitsReport();
    const p = sys.province;
    const ranking = (unitId: string) => {
      const r = of(unitId);
      return [
        r.onTimeRank,
        r.resolved,
        r.resolvedOnTime,
        r.resolvedLate,
        r.resolvedWithoutDeadline,
        r.openOverdue,
      ];
    };
    expect(ranking(communeId)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(ranking(p.departmentUnitId)).toEqual([2, 2, 2, 0, 0, 1]);
    expect(ranking(p.triageUnitId)).toEqual([3, 1, 1, 0, 0, 2]);
    expect(of(communeId).onTimeRate).toBe(1);
    expect(of(p.departmentUnitId).onTimeRate).toBeCloseTo(2 / 3, 10);
    expect(of(p.triageUnitId).onTimeRate).toBeCloseTo(1 / 3, 10);
    expect(report.total).toMatchObject({ resolved: 4, resolvedOnTime: 4, openOverdue: 3 });
    expect(report.total.onTimeRate).toBeCloseTo(4 / 7, 10);
  });

  it('counts overdue cases alike in the queue, the dashboard and the report', async () => {
    const { of } = await unitsReport();
    for (const [unitId, leader, overdue] of [
      [sys.province.triageUnitId, leaderA, 2],
      [sys.province.departmentUnitId, leaderB, 1],
    ] as const) {
      const queue = await json<{ counts: { bySlaState: Record<string, number> } }>(
        '/v1/queues/unit',
        leader,
      );
      const list = await json<{ total: number }>('/v1/oversight/overdue', leader);
      expect([queue.counts.bySlaState.breached ?? 0, list.total, of(unitId).openOverdue]).toEqual([
        overdue,
        overdue,
        overdue,
      ]);
      // The queue's "overdue" filter lists exactly those.
      const filtered = await json<{ total: number; items: { slaState: string }[] }>(
        '/v1/queues/unit?slaState=breached',
        leader,
      );
      expect(filtered.total).toBe(overdue);
      expect(filtered.items.every((i) => i.slaState === 'breached')).toBe(true);
    }
  });

  it("shows a handler's load in the assign dialog as his own queue counts it", async () => {
    const assignees = await json<{ officials: { id: string; openCases: number }[] }>(
      `/v1/cases/${a4Code}/assignees`,
      leaderA,
    );
    const mine = await json<{ total: number }>('/v1/queues/mine', handlerA);
    expect(mine.total).toBe(3);
    expect(assignees.officials.find((o) => o.id === handlerAId)?.openCases).toBe(mine.total);
  });
});
