import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileSlaTimers, TIMER_HORIZON_MS } from '@hotline/core';
import { findStoredProjection, loadCaseHistory, type Database } from '@hotline/db';
import { demoProvince, seedDemoData, seedDemoHistory, type DemoHistoryResult } from '@hotline/demo';
import { projectCase } from '@hotline/domain';
import type { JobPublisher, OutgoingJob } from '@hotline/queue';
import { createTestDatabase, type TestDatabase } from '@hotline/testing';

// A fixed end of the history (a Thursday, 16:30 in Hà Tĩnh), and fewer cases than npm start
// loads, to keep the test short.
const NOW = new Date('2026-11-19T09:30:00Z');
const CASES = 150;
// Cases of early 2025, handled by the units of then, before the 2025 reorganisation.
const FORMER = 24;
const ALL = CASES + FORMER;
const OPEN = `('received', 'triaged', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened')`;

/** Every case in order, with its events: what two runs must agree on. */
async function historyOf(db: Database) {
  return db.execute<{ tracking_code: string; status: string; unit: string | null; events: string }>(
    sql`
    select c.tracking_code, c.status, u.code as unit, c.sla_state, c.transfer_count,
      c.satisfaction, c.resolution_due_at,
      (select string_agg(e.type || '@' || to_char(e.occurred_at at time zone 'UTC',
          'YYYY-MM-DD"T"HH24:MI:SS.MS'), ' ' order by e.version)
        from case_events e where e.case_id = c.id) as events
    from cases c left join admin_units u on u.id = c.unit_id
    order by c.received_at, c.tracking_code`,
  );
}

async function count(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await db.execute<{ n: number }>(query);
  return row?.n ?? 0;
}

describe('demo case history (npm start)', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  let first: DemoHistoryResult;

  beforeAll(async () => {
    a = await createTestDatabase('demo_history_a');
    await seedDemoData(a.db, demoProvince);
    first = await seedDemoHistory(
      { db: a.db, raw: a.raw },
      { now: NOW, cases: CASES, formerCases: FORMER },
    );
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.drop(), b?.drop()]);
  });

  it('loads the cases into a fresh demo database, routing rules first', async () => {
    expect(first.outcome).toBe('seeded');
    if (first.outcome !== 'seeded') return;
    expect(first.cases).toHaveLength(ALL);
    expect(first.formerCases).toBe(FORMER);
    expect(first.routingRules).toBeGreaterThan(5);
    expect(await count(a.db, sql`select count(*)::int as n from cases`)).toBe(ALL);
    // Nothing after the end of the history; before its 90 days only the former era, which ended
    // when the departments were merged (1 March 2025).
    expect(
      await count(
        a.db,
        sql`select count(*)::int as n from case_events
          where occurred_at > ${NOW.toISOString()}::timestamptz
             or (occurred_at < ${NOW.toISOString()}::timestamptz - interval '100 days'
               and occurred_at >= '2025-03-01T00:00:00+07:00')`,
      ),
    ).toBe(0);
    expect(
      await count(
        a.db,
        sql`select count(*)::int as n from cases where received_at < '2025-03-01T00:00:00+07:00'`,
      ),
    ).toBe(FORMER);
  });

  it('is the same history on another fresh database', async () => {
    b = await createTestDatabase('demo_history_b');
    await seedDemoData(b.db, demoProvince);
    await seedDemoHistory(
      { db: b.db, raw: b.raw },
      { now: NOW, cases: CASES, formerCases: FORMER },
    );
    const [ha, hb] = await Promise.all([historyOf(a.db), historyOf(b.db)]);
    expect(hb).toHaveLength(ALL);
    expect(hb).toEqual(ha);
  }, 120_000);

  it('adds nothing when run again', async () => {
    const before = await count(a.db, sql`select count(*)::int as n from case_events`);
    const again = await seedDemoHistory({ db: a.db, raw: a.raw }, { now: NOW, cases: CASES });
    expect(again).toEqual({ outcome: 'skipped', reason: 'has_cases' });
    expect(await count(a.db, sql`select count(*)::int as n from case_events`)).toBe(before);
    expect(await count(a.db, sql`select count(*)::int as n from cases`)).toBe(ALL);
  });

  it('leaves every case row equal to the fold of its events', async () => {
    const ids = await a.db.execute<{ id: string }>(sql`select id from cases order by id`);
    for (const { id } of ids) {
      const history = await loadCaseHistory(a.db, id);
      expect(await findStoredProjection(a.db, id)).toEqual(
        projectCase(history.map((h) => h.event)),
      );
    }
  }, 60_000);

  it('leaves work in leaders’ and handlers’ queues: open, overdue and escalated cases', async () => {
    const openByUnit = await a.db.execute<{ code: string; open: number; assigned: number }>(sql`
      select u.code, count(*)::int as open, count(c.assignee_id)::int as assigned
      from cases c join admin_units u on u.id = c.unit_id
      where c.status in ${sql.raw(OPEN)}
        and exists (select 1 from officials o where o.unit_id = u.id and 'unit_leader' = any(o.roles))
      group by u.code`);
    const open = new Map(openByUnit.map((r) => [r.code, r]));
    // The README's unit leader (khoihm) and handler (landtp) work at Sở Xây dựng; thinhdv leads
    // Sở Nông nghiệp và Môi trường, phucld.th xã Thạch Hà.
    expect(open.get('so-xay-dung')?.open).toBeGreaterThan(0);
    expect(open.get('so-xay-dung')?.assigned).toBeGreaterThan(0);
    expect(open.get('so-nong-nghiep-moi-truong')?.open).toBeGreaterThan(0);
    expect(open.get('xa-thach-ha')?.open).toBeGreaterThan(0);
    expect(openByUnit.length).toBeGreaterThanOrEqual(5);
    expect(
      await count(
        a.db,
        sql`select count(*)::int as n from cases where status in ${sql.raw(OPEN)}
          and resolution_due_at < ${NOW.toISOString()}::timestamptz and sla_state = 'breached'`,
      ),
    ).toBeGreaterThan(3);
    expect(
      await count(
        a.db,
        sql`select count(*)::int as n from cases where status in ${sql.raw(OPEN)}
          and sla_state = 'on_track'`,
      ),
    ).toBeGreaterThan(3);
    expect(
      await count(
        a.db,
        sql`select count(distinct case_id)::int as n from case_events
          where type = 'escalated' and payload->>'reason' = 'deadline_passed'`,
      ),
    ).toBeGreaterThan(3);
  });

  it('has rated, reopened, transferred, extended and answered-late cases', async () => {
    const [row] = await a.db.execute<Record<string, number>>(sql`
      select
        (select count(*)::int from cases where satisfaction >= 4) as satisfied,
        (select count(*)::int from cases where satisfaction <= 2) as unsatisfied,
        (select count(*)::int from cases where transfer_count > 0) as transferred,
        (select count(*)::int from cases where status = 'closed') as closed,
        (select count(distinct case_id)::int from case_events where type = 'reopened') as reopened,
        (select count(distinct case_id)::int from case_events where type = 'info_provided') as informed,
        (select count(distinct case_id)::int from case_events where type = 'extension_granted') as extended,
        (select count(distinct case_id)::int from case_events e where type = 'resolved'
          and exists (select 1 from case_events b where b.case_id = e.case_id
            and b.type = 'sla_breached' and b.payload->>'target' = 'resolution')) as late,
        (select count(distinct channel)::int from cases) as channels,
        (select count(distinct hotline_id)::int from cases) as hotlines,
        (select count(distinct category_id)::int from cases) as categories`);
    expect(row!.satisfied).toBeGreaterThan(row!.unsatisfied ?? 0);
    for (const key of [
      'unsatisfied',
      'transferred',
      'closed',
      'reopened',
      'informed',
      'extended',
      'late',
    ]) {
      expect(row![key], key).toBeGreaterThan(0);
    }
    expect(row!.channels).toBe(3);
    expect(row!.hotlines).toBeGreaterThanOrEqual(3);
    expect(row!.categories).toBeGreaterThanOrEqual(10);
  });

  it('has published answers an official approved, and some still awaiting review', async () => {
    const [row] = await a.db.execute<Record<string, number>>(sql`
      select
        (select count(*)::int from cases where publication_state = 'approved') as approved,
        (select count(*)::int from cases where publication_state = 'refused') as refused,
        (select count(*)::int from cases where publication_state = 'pending'
          and consent_to_publish and status in ('resolved', 'closed')) as awaiting,
        (select count(*)::int from cases where publication_state = 'approved'
          and not consent_to_publish) as unconsented,
        (select count(*)::int from case_events where type = 'publication_approved'
          and actor_official_id is null) as anonymous`);
    expect(row!.approved).toBeGreaterThan(0);
    expect(row!.awaiting).toBeGreaterThan(0);
    expect(row!.unconsented).toBe(0);
    expect(row!.anonymous).toBe(0);
  });

  it('leaves no message to deliver and no outbox row; reconcile schedules the open timers', async () => {
    expect(
      await count(a.db, sql`select count(*)::int as n from notifications where status <> 'sent'`),
    ).toBe(0);
    expect(await count(a.db, sql`select count(*)::int as n from notifications`)).toBeGreaterThan(0);
    expect(await count(a.db, sql`select count(*)::int as n from outbox`)).toBe(0);
    // What the worker does at start: every open case with a running clock gets its timers.
    const jobs: OutgoingJob[] = [];
    const publisher: JobPublisher = {
      publish: (batch) => {
        jobs.push(...batch);
        return Promise.resolve();
      },
      close: () => Promise.resolve(),
    };
    const rebuilt = await reconcileSlaTimers({ db: a.db, publisher }, NOW);
    expect(rebuilt.cases).toBeGreaterThan(10);
    // Those past or due within the hour; the later ones wait in Postgres for the periodic pass
    // whose hour reaches them.
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => (j.delay ?? 0) <= TIMER_HORIZON_MS)).toBe(true);
    const horizon = new Date(NOW.getTime() + TIMER_HORIZON_MS).toISOString();
    const later = sql`select count(*)::int as n from cases c, jsonb_array_elements(c.sla_timers) t
      where (t->>'at')::timestamptz > ${horizon}::timestamptz`;
    expect(await count(a.db, later)).toBeGreaterThan(0);
  });

  it('has lived the 2025 reorganisation: two levels today, the former units keep their past', async () => {
    // Today: no district, and every former unit merged into the one that took over its work.
    const present = await a.db.execute<{ code: string; kind: string }>(sql`
      select code, kind::text from admin_units where is_active`);
    expect(present.filter((u) => u.kind === 'district')).toEqual([]);
    expect(present.map((u) => u.code)).toEqual(
      expect.arrayContaining(['phuong-thanh-sen', 'xa-thach-ha', 'so-nong-nghiep-moi-truong']),
    );
    const merged = await a.db.execute<{ code: string; into: string }>(sql`
      select u.code, m.code as into from admin_units u join admin_units m on m.id = u.merged_into_id
      where not u.is_active order by u.code`);
    expect(new Map(merged.map((m) => [m.code, m.into]))).toEqual(
      new Map([
        ['ban-dan-toc', 'so-dan-toc-ton-giao'],
        ['huyen-cam-xuyen', 'xa-cam-xuyen'],
        ['huyen-thach-ha', 'xa-thach-ha'],
        ['huyen-vu-quang', 'xa-vu-quang'],
        ['phuong-bac-ha', 'phuong-thanh-sen'],
        ['phuong-nam-ha', 'phuong-thanh-sen'],
        ['phuong-thach-ha', 'phuong-ha-huy-tap'],
        ['phuong-thach-trung', 'phuong-tran-phu'],
        ['so-giao-thong-van-tai', 'so-xay-dung'],
        ['so-ke-hoach-dau-tu', 'so-tai-chinh'],
        ['so-lao-dong-tbxh', 'so-noi-vu'],
        ['so-nong-nghiep-ptnt', 'so-nong-nghiep-moi-truong'],
        ['so-tai-nguyen-moi-truong', 'so-nong-nghiep-moi-truong'],
        ['so-thong-tin-truyen-thong', 'so-khoa-hoc-cong-nghe'],
        ['thi-tran-cam-xuyen', 'xa-cam-xuyen'],
        ['thi-tran-thach-ha', 'xa-thach-ha'],
        ['thi-tran-thien-cam', 'xa-thien-cam'],
        ['thi-tran-vu-quang', 'xa-vu-quang'],
        ['tp-ha-tinh', 'phuong-thanh-sen'],
        ['xa-cam-binh-cu', 'xa-cam-binh'],
        ['xa-thach-khe-cu', 'xa-thach-khe'],
      ]),
    );
    // Nobody, no hotline and no rule is left with a former unit.
    expect(
      await count(
        a.db,
        sql`select ((select count(*) from officials o join admin_units u on u.id = o.unit_id
              where not u.is_active)
          + (select count(*) from hotlines h join admin_units u on u.id = h.unit_id
              where not u.is_active)
          + (select count(*) from routing_rules r join admin_units u on u.id = r.target_unit_id
              where not u.is_active))::int as n`,
      ),
    ).toBe(0);
    const [leader] = await a.db.execute<{ unit: string; title: string }>(sql`
      select u.code as unit, o.title from officials o join admin_units u on u.id = o.unit_id
      where o.email = 'phucld.th@hatinh.gov.vn'`);
    expect(leader).toEqual({ unit: 'xa-thach-ha', title: 'Chủ tịch UBND xã Thạch Hà' });

    // The former era's cases were answered by the units of then, which keep them and their
    // report facts; the recent ones never reach a former unit.
    const former = await a.db.execute<{ kind: string; active: boolean; open: boolean }>(sql`
      select u.kind::text, u.is_active as active, c.status in ${sql.raw(OPEN)} as open
      from cases c join admin_units u on u.id = c.unit_id
      where c.received_at < '2025-07-01T00:00:00+07:00'`);
    expect(former.filter((c) => c.open)).toEqual([]);
    expect(former.some((c) => c.kind === 'district' && !c.active)).toBe(true);
    expect(
      await count(
        a.db,
        sql`select count(distinct f.unit_id)::int as n from case_report_facts f
          join admin_units u on u.id = f.unit_id where not u.is_active`,
      ),
    ).toBeGreaterThanOrEqual(3);
    expect(
      await count(
        a.db,
        sql`select count(*)::int as n from cases c join admin_units u on u.id = c.unit_id
          where c.received_at >= '2025-07-01T00:00:00+07:00' and not u.is_active`,
      ),
    ).toBe(0);
  });
});
