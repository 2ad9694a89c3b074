import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileSlaTimers, seedDemoHistory, type DemoHistoryResult } from '@hotline/core';
import {
  demoProvince,
  findStoredProjection,
  loadCaseHistory,
  seedDemoData,
  type Database,
} from '@hotline/db';
import { projectCase } from '@hotline/domain';
import type { JobPublisher, OutgoingJob } from '@hotline/queue';
import { createTestDatabase, type TestDatabase } from '@hotline/testing';

// A fixed end of the history (a Thursday, 16:30 in Hà Tĩnh), and fewer cases than npm start
// loads, to keep the test short.
const NOW = new Date('2026-11-19T09:30:00Z');
const CASES = 150;
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
    first = await seedDemoHistory({ db: a.db, raw: a.raw }, { now: NOW, cases: CASES });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.drop(), b?.drop()]);
  });

  it('loads the cases into a fresh demo database, routing rules first', async () => {
    expect(first.outcome).toBe('seeded');
    if (first.outcome !== 'seeded') return;
    expect(first.cases).toHaveLength(CASES);
    expect(first.routingRules).toBeGreaterThan(5);
    expect(await count(a.db, sql`select count(*)::int as n from cases`)).toBe(CASES);
    // Nothing after the end of the history, nothing before its 90 days.
    expect(
      await count(
        a.db,
        sql`select count(*)::int as n from case_events
          where occurred_at > ${NOW.toISOString()}::timestamptz
             or occurred_at < ${NOW.toISOString()}::timestamptz - interval '100 days'`,
      ),
    ).toBe(0);
  });

  it('is the same history on another fresh database', async () => {
    b = await createTestDatabase('demo_history_b');
    await seedDemoData(b.db, demoProvince);
    await seedDemoHistory({ db: b.db, raw: b.raw }, { now: NOW, cases: CASES });
    const [ha, hb] = await Promise.all([historyOf(a.db), historyOf(b.db)]);
    expect(hb).toHaveLength(CASES);
    expect(hb).toEqual(ha);
  }, 120_000);

  it('adds nothing when run again', async () => {
    const before = await count(a.db, sql`select count(*)::int as n from case_events`);
    const again = await seedDemoHistory({ db: a.db, raw: a.raw }, { now: NOW, cases: CASES });
    expect(again).toEqual({ outcome: 'skipped', reason: 'has_cases' });
    expect(await count(a.db, sql`select count(*)::int as n from case_events`)).toBe(before);
    expect(await count(a.db, sql`select count(*)::int as n from cases`)).toBe(CASES);
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
    // The README's unit leader (khoihm) and handler (landtp) work at Sở Xây dựng.
    expect(open.get('so-xay-dung')?.open).toBeGreaterThan(0);
    expect(open.get('so-xay-dung')?.assigned).toBeGreaterThan(0);
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
    expect(jobs.some((j) => (j.delay ?? 0) > 0)).toBe(true);
  });
});
