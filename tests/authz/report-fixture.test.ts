import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCase, routeCase, submitCase, transferCase } from '@hotline/core';
import type { Principal } from '@hotline/domain';
import { addOfficial, bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';

// Fifty cases with known timelines on the default calendar (Mon–Fri 07:30–11:30 and
// 13:30–17:00, +07:00: 7.5 working hours a day), all received Monday 24 November 2025 at 09:00
// (no holidays until the end of December). The resolution deadline in force is then Monday
// 8 December 17:00 (ten working days), moved by a pause or an extension. The worker is off:
// every change is made with changeCase at a chosen `now`, and no real-clock timer runs.
const at = (s: string) => new Date(`${s}+07:00`);
const H = 3_600_000;
const PERIOD = 'from=2025-11-24&to=2025-12-14';
const RECEIVED = '2025-11-24T09:00:00';

type Kind = 'onTime' | 'late' | 'paused' | 'extended' | 'reopened' | 'transferred' | 'open';
/** How many cases of each timeline: 10 + 8 + 8 + 8 + 6 + 6 + 4 = 50. */
const COUNTS: Record<Kind, number> = {
  onTime: 10,
  late: 8,
  paused: 8,
  extended: 8,
  reopened: 6,
  transferred: 6,
  open: 4,
};

describe('reports on a fixture of fifty hand-computed timelines', () => {
  let sys: TestSystem;
  let supervisor: Record<string, string>;

  beforeAll(async () => {
    sys = await startSystem({ label: 'authz_report_fixture', withWorker: false });
    const db = sys.database.db;
    const p = sys.province;
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
    supervisor = await bearerFor(
      sys.baseUrl,
      await addOfficial(db, p.triageUnitId, ['supervisor']),
    );
    const citizen: Principal = { kind: 'citizen' };
    const deps = { db };
    let seq = 0;

    type Step = [Parameters<typeof changeCase>[2], Principal, string];
    const walk = async (caseId: string, steps: Step[]) => {
      for (const [change, who, when] of steps)
        await changeCase(deps, caseId, change, who, at(when));
    };
    const submit = async () => {
      seq += 1;
      const { caseId } = await submitCase(
        { sql: sys.database.raw, randomBytes },
        {
          body: {
            categoryCode: 'xay-dung',
            text: `Công trình xây dựng không phép, phản ánh số ${seq}.`,
            citizen: { name: 'Nguyễn Văn Dân', phone: `09123${String(10000 + seq).slice(-5)}` },
          },
          channel: 'web',
          actor: { kind: 'citizen' },
        },
        at(RECEIVED),
      );
      await routeCase(deps, caseId, at('2025-11-24T09:00:01'));
      return caseId;
    };
    const started: Step[] = [
      [{ type: 'assigned', assigneeId: tHandler.officialId }, tLeader.who, '2025-11-24T09:10:00'],
      [{ type: 'accepted' }, tHandler.who, '2025-11-24T09:20:00'],
    ];
    const resolved = (when: string): Step => [
      { type: 'resolved', resolutionText: 'Đã xử lý.' },
      tHandler.who,
      when,
    ];
    const reply = (when: string): Step => [
      { type: 'replied', text: 'Đã tiếp nhận.' },
      tHandler.who,
      when,
    ];
    const rated = (rating: 1 | 2 | 3 | 4 | 5, when: string): Step => [
      { type: 'rated', rating },
      citizen,
      when,
    ];

    const build: Record<Kind, (id: string) => Promise<void>> = {
      // First response 2 h; resolved Tue 25 Nov 09:00 = 6 h (Mon) + 1.5 h = 7.5 h, on time; rated 5.
      onTime: (id) =>
        walk(id, [
          ...started,
          reply('2025-11-24T11:00:00'),
          resolved('2025-11-25T09:00:00'),
          rated(5, '2025-11-25T10:00:00'),
        ]),
      // First response Mon 15:30 = 2.5 + 2 = 4.5 h; resolved Tue 9 Dec 09:00, after the 8 Dec
      // 17:00 deadline: 6 h + 10 days × 7.5 h + 1.5 h = 82.5 h, late; rated 2.
      late: (id) =>
        walk(id, [
          ...started,
          reply('2025-11-24T15:30:00'),
          resolved('2025-12-09T09:00:00'),
          rated(2, '2025-12-09T10:00:00'),
        ]),
      // Question Mon 11:00 (first response 2 h); answer Wed 26 Nov 11:00: paused 4 + 7.5 + 3.5 =
      // 15 h, so the deadline moves two working days to Wed 10 Dec 17:00. Resolved Tue 9 Dec
      // 09:00: on time, 82.5 − 15 = 67.5 working hours; rated 4.
      paused: (id) =>
        walk(id, [
          ...started,
          [{ type: 'info_requested', question: 'Số nhà?' }, tHandler.who, '2025-11-24T11:00:00'],
          [{ type: 'info_provided', text: 'Số 12' }, citizen, '2025-11-26T11:00:00'],
          resolved('2025-12-09T09:00:00'),
          rated(4, '2025-12-09T10:00:00'),
        ]),
      // First response 2 h; two more days granted on Thu 4 Dec (deadline 10 Dec, working or
      // calendar days alike); resolved Tue 9 Dec 09:00: on time, 82.5 h; not rated.
      extended: (id) =>
        walk(id, [
          ...started,
          reply('2025-11-24T11:00:00'),
          [
            { type: 'extension_requested', duration: 'P2D', reason: 'Khảo sát' },
            tHandler.who,
            '2025-12-04T10:00:00',
          ],
          [
            { type: 'extension_granted', duration: 'P2D', reason: 'Đồng ý' },
            tLeader.who,
            '2025-12-04T11:00:00',
          ],
          resolved('2025-12-09T09:00:00'),
        ]),
      // First response 2 h; resolved Tue 09:00 (7.5 h, on time), rated 1, reopened Wed 26 Nov,
      // resolved again Thu 27 Nov 09:00: 6 + 7.5 + 7.5 + 1.5 = 22.5 h, on time. Two
      // resolutions, the first reopened; a second rating is refused, so the rating stays 1.
      reopened: (id) =>
        walk(id, [
          ...started,
          reply('2025-11-24T11:00:00'),
          resolved('2025-11-25T09:00:00'),
          rated(1, '2025-11-25T10:00:00'),
          [{ type: 'reopened', reason: 'Chưa xử lý triệt để' }, citizen, '2025-11-26T09:00:00'],
          [
            { type: 'assigned', assigneeId: tHandler.officialId },
            tLeader.who,
            '2025-11-26T09:10:00',
          ],
          [{ type: 'accepted' }, tHandler.who, '2025-11-26T09:20:00'],
          resolved('2025-11-27T09:00:00'),
        ]),
      // Transferred to the department at 09:10; reply 10:30 (first response 1.5 h); resolved
      // Wed 26 Nov 10:00: 6 + 7.5 + 2.5 = 16 h, on time; rated 4.
      transferred: async (id) => {
        await transferCase(
          deps,
          id,
          p.departmentUnitId,
          'Chuyển Sở',
          operator,
          at('2025-11-24T09:10:00'),
        );
        await walk(id, [
          [
            { type: 'assigned', assigneeId: dHandler.officialId },
            dLeader.who,
            '2025-11-24T09:30:00',
          ],
          [{ type: 'accepted' }, dHandler.who, '2025-11-24T09:40:00'],
          [{ type: 'replied', text: 'Đã tiếp nhận.' }, dHandler.who, '2025-11-24T10:30:00'],
          [{ type: 'resolved', resolutionText: 'Đã xử lý.' }, dHandler.who, '2025-11-26T10:00:00'],
          rated(4, '2025-11-26T11:00:00'),
        ]);
      },
      // Assigned and accepted, never answered: open at the end of the period.
      open: (id) => walk(id, started),
    };
    for (const [kind, count] of Object.entries(COUNTS) as [Kind, number][]) {
      for (let i = 0; i < count; i += 1) await build[kind](await submit());
    }
  }, 120_000);
  afterAll(async () => {
    await sys?.close();
  });

  it('GET /v1/reports/units matches the hand-computed figures', async () => {
    const res = await fetch(`${sys.baseUrl}/v1/reports/units?${PERIOD}`, { headers: supervisor });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      rows: { key: string | null; name: string | null; received: number; resolved: number }[];
      total: Record<string, number | null>;
    };
    const t = report.total;
    expect(t).toMatchObject({
      received: 50,
      // 10 + 8 + 8 + 8 + 6 × 2 + 6 = 52 resolutions; all but the 8 late ones on time.
      resolved: 52,
      resolvedOnTime: 44,
      // 46 first responses (the 4 open cases never answered): 1.5 h × 6, 2 h × 32, 4.5 h × 8.
      // Median rank 45 × 0.5 = 22.5 → 2 h; p90 rank 45 × 0.9 = 40.5 → 4.5 h.
      firstResponses: 46,
      firstResponseMedianMs: 2 * H,
      firstResponseP90Ms: 4.5 * H,
      // 52 resolution times sorted: 7.5 h × 16, 16 h × 6, 22.5 h × 6, 67.5 h × 8, 82.5 h × 16.
      // Median rank 51 × 0.5 = 25.5 → ranks 25, 26 = 22.5 h; p90 rank 45.9 → ranks 45, 46 = 82.5 h.
      resolutionMedianMs: 22.5 * H,
      resolutionP90Ms: 82.5 * H,
      openBacklog: 4,
      // Ratings: 5 × 10, 2 × 8, 4 × 8, 1 × 6, 4 × 6 = 38 ratings.
      ratings: 38,
      reopened: 6,
    });
    // 44 on time / (52 resolved + the 4 open cases past their deadline on 14 Dec).
    expect(t).toMatchObject({ resolvedLate: 8, resolvedWithoutDeadline: 0, openOverdue: 4 });
    expect(t.onTimeRate).toBeCloseTo(44 / 56, 9);
    // (50 + 16 + 32 + 6 + 24) / 38 = 128 / 38.
    expect(t.satisfactionAverage).toBeCloseTo(3.3684210526, 9);
    // Ratings of 4 or 5: 10 + 8 + 6 = 24 of 38.
    expect(t.satisfiedShare).toBeCloseTo(0.6315789474, 9);
    // 6 of 52 resolutions reopened afterwards.
    expect(t.reopenRate).toBeCloseTo(0.1153846154, 9);

    // The triage unit received all 50 and passed 6 to the department, which resolved them.
    const byName = new Map(report.rows.map((r) => [r.name, r]));
    expect(byName.get('Sở Xây dựng')).toMatchObject({ received: 0, resolved: 6 });
    expect(byName.get('Trung tâm tiếp nhận')).toMatchObject({
      received: 50,
      transferredOut: 6,
      resolved: 46,
    });
  });
});
