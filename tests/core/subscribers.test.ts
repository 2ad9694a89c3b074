import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CASE_EVENT_SUBSCRIBERS,
  changeCase,
  notificationsSubscriber,
  rebuildReportFacts,
  reportFactsSubscriber,
  slaSlotJobId,
  slaTimerJobId,
  slaTimersSubscriber,
  SLOT_LEAD_MS,
  submitCase,
  textMatchingSubscriber,
  type CaseEventSubscriber,
} from '@hotline/core';
import { tables } from '@hotline/db';
import { TIMER_HORIZON_MS, type CaseEvent, type Principal } from '@hotline/domain';
import {
  createTestDatabase,
  seedSmallProvince,
  type SmallProvince,
  type TestDatabase,
} from '@hotline/testing';
import { addOfficial } from '../support/officials.js';

const ROUTER: Principal = { kind: 'system', process: 'test' };
// Monday 23 November 2026, 09:00 in Hà Nội: acceptance (PT8H) is due Tuesday at 09:30.
const RECEIVED = new Date('2026-11-23T02:00:00Z');
const MINUTE = 60_000;

describe('each subscriber alone, on the changes of a real case', () => {
  let t: TestDatabase;
  let province: SmallProvince;
  let leader: Principal;
  beforeAll(async () => {
    t = await createTestDatabase('subscribers');
    province = await seedSmallProvince(t.db);
    leader = {
      kind: 'official',
      officialId: await addOfficial(t.db, province.triageUnitId, ['unit_leader']),
      roles: ['unit_leader'],
      scopeUnitIds: new Set([province.triageUnitId]),
    };
  });
  afterAll(async () => {
    await t.drop();
  });

  let submitted = 0;
  const submit = async (at = RECEIVED) => {
    submitted += 1;
    const { caseId } = await submitCase(
      { sql: t.raw, randomBytes },
      {
        body: {
          categoryCode: 'moi-truong',
          // A text of its own: the same text twice would be taken for a repeat of the first.
          text: `Nước thải chảy ra kênh thủy lợi số ${submitted}.`,
          citizen: { phone: '0912345678', email: 'dan@mail.vn' },
        },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      at,
    );
    return caseId;
  };
  const route = (
    caseId: string,
    subscribers: readonly CaseEventSubscriber[],
    at: Date,
    options: { everyTimerInOutbox?: boolean } = {},
  ) =>
    changeCase(
      { db: t.db, subscribers, ...options },
      caseId,
      { type: 'routed', unitId: province.triageUnitId, reason: 'rule' } satisfies CaseEvent,
      ROUTER,
      at,
    );
  /** What the change wrote to the outbox: the rows that were not there before it. */
  const outboxAfter = async (change: () => Promise<unknown>) => {
    const before = new Set((await t.db.select().from(tables.outbox)).map((r) => r.id));
    await change();
    return (await t.db.select().from(tables.outbox)).filter((r) => !before.has(r.id));
  };
  const factsOf = async (caseId: string) =>
    (
      await t.db
        .select()
        .from(tables.caseReportFacts)
        .where(eq(tables.caseReportFacts.caseId, caseId))
    )
      .map(({ kind, seq, at, until, unitId, dueAt, isOnTime }) => ({
        kind,
        seq,
        at,
        until,
        unitId,
        dueAt,
        isOnTime,
      }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.seq - b.seq);
  const notificationsOf = (caseId: string) =>
    t.db.select().from(tables.notifications).where(eq(tables.notifications.caseId, caseId));
  const timersOf = async (caseId: string) => {
    const [row] = await t.db
      .select({ timers: tables.cases.slaTimers, generation: tables.cases.deadlineGeneration })
      .from(tables.cases)
      .where(eq(tables.cases.id, caseId));
    return { timers: row!.timers ?? [], generation: row!.generation };
  };

  it('publishes to every subscriber by default, timers first', () => {
    expect(CASE_EVENT_SUBSCRIBERS.map((s) => s.name)).toEqual([
      'sla-timers',
      'report-facts',
      'notifications',
      'text-matching',
    ]);
  });

  it('SLA timers: only the timers within the horizon get jobs; every one when asked', async () => {
    const caseId = await submit();
    // Routed half an hour before acceptance falls due: its warning is past, its deadline near.
    const at = new Date(Date.parse('2026-11-24T02:30:00Z') - 30 * MINUTE);
    const rows = await outboxAfter(() => route(caseId, [slaTimersSubscriber], at));
    const { timers, generation } = await timersOf(caseId);
    const near = timers.filter((x) => Date.parse(x.at) <= at.getTime() + TIMER_HORIZON_MS);
    expect(near.map((x) => x.kind).sort()).toEqual(['due:acceptance', 'warn:acceptance']);
    const jobOf = (x: { kind: string; at: string }) =>
      Date.parse(x.at) > at.getTime() + SLOT_LEAD_MS
        ? slaSlotJobId(Date.parse(x.at))
        : slaTimerJobId(caseId, generation, x.kind);
    expect(rows.map((r) => r.jobId).sort()).toEqual(near.map(jobOf).sort());
    expect(rows.every((r) => r.queue === 'sla')).toBe(true);

    const other = await submit();
    const every = await outboxAfter(() =>
      route(other, [slaTimersSubscriber], new Date(RECEIVED.getTime() + MINUTE), {
        everyTimerInOutbox: true,
      }),
    );
    const stored = await timersOf(other);
    expect(stored.timers.length).toBeGreaterThan(2);
    expect(every.map((r) => r.jobId).sort()).toEqual(
      stored.timers.map((x) => slaTimerJobId(other, stored.generation, x.kind)).sort(),
    );
    // Alone: nobody told, no facts beyond intake's, no text matching.
    expect(await notificationsOf(other)).toEqual([]);
    expect((await factsOf(other)).map((f) => f.kind)).toEqual(['open']);
  });

  it('SLA timers: a change that moves no deadline schedules nothing', async () => {
    const caseId = await submit();
    await route(caseId, [slaTimersSubscriber], new Date(RECEIVED.getTime() + MINUTE));
    const rows = await outboxAfter(() =>
      changeCase(
        { db: t.db, subscribers: [slaTimersSubscriber], everyTimerInOutbox: true },
        caseId,
        { type: 'comment_added', text: 'Đã xem.', isInternal: true },
        leader,
        new Date(RECEIVED.getTime() + 2 * MINUTE),
      ),
    );
    expect(rows).toEqual([]);
  });

  it('report facts: written change by change, the same as recomputed from the history', async () => {
    const caseId = await submit();
    const routedAt = new Date(RECEIVED.getTime() + MINUTE);
    const rows = await outboxAfter(() => route(caseId, [reportFactsSubscriber], routedAt));
    expect(rows).toEqual([]);
    const written = await factsOf(caseId);
    expect(written.map((f) => [f.kind, f.seq, f.until, f.unitId])).toEqual([
      ['open', 1, routedAt, null],
      ['open', 2, null, province.triageUnitId],
      ['received', 2, null, province.triageUnitId],
    ]);
    // The span after routing runs to the deadline in force then (the case row's).
    const [row] = await t.db
      .select({ due: tables.cases.resolutionDueAt })
      .from(tables.cases)
      .where(eq(tables.cases.id, caseId));
    expect(written[1]!.dueAt).toEqual(row!.due);
    await rebuildReportFacts(t.db, [caseId]);
    expect(await factsOf(caseId)).toEqual(written);
    expect(await notificationsOf(caseId)).toEqual([]);
  });

  it('notifications: the citizen’s receipt and its send jobs, nothing else', async () => {
    const caseId = await submit();
    const rows = await outboxAfter(() =>
      route(caseId, [notificationsSubscriber], new Date(RECEIVED.getTime() + MINUTE)),
    );
    const sent = await notificationsOf(caseId);
    expect(sent.map((n) => `${n.template}/${n.channel}`).sort()).toEqual([
      'citizen_receipt/email',
      'citizen_receipt/sms',
    ]);
    expect(rows.map((r) => r.jobId).sort()).toEqual(sent.map((n) => `notify-${n.id}`).sort());
    expect((await factsOf(caseId)).map((f) => f.kind)).toEqual(['open']);
  });

  it('text matching: a job with the first routing only', async () => {
    const caseId = await submit();
    const first = await outboxAfter(() =>
      route(caseId, [textMatchingSubscriber], new Date(RECEIVED.getTime() + MINUTE)),
    );
    expect(first.map((r) => [r.queue, r.jobName, r.jobId, r.payload])).toEqual([
      ['matching', 'match-texts', `match-${caseId}`, { caseId }],
    ]);
    const again = await outboxAfter(() =>
      route(caseId, [textMatchingSubscriber], new Date(RECEIVED.getTime() + 2 * MINUTE)),
    );
    expect(again).toEqual([]);
    expect(await notificationsOf(caseId)).toEqual([]);
  });

  it('a subscriber that fails undoes the change and every effect before it', async () => {
    const caseId = await submit();
    const failing: CaseEventSubscriber = {
      name: 'failing',
      events: ['routed'],
      handle: () => Promise.reject(new Error('subscriber failed')),
    };
    const rows = await outboxAfter(async () => {
      await expect(
        route(caseId, [...CASE_EVENT_SUBSCRIBERS, failing], new Date(RECEIVED.getTime() + MINUTE), {
          everyTimerInOutbox: true,
        }),
      ).rejects.toThrow('subscriber failed');
    });
    expect(rows).toEqual([]);
    expect(await notificationsOf(caseId)).toEqual([]);
    expect((await factsOf(caseId)).map((f) => f.kind)).toEqual(['open']);
    const events = await t.db
      .select()
      .from(tables.caseEvents)
      .where(eq(tables.caseEvents.caseId, caseId));
    expect(events.map((e) => e.type)).toEqual(['received']);
  });
});
