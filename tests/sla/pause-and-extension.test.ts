import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { changeCase, slaTimerJobId, submitCase } from '@hotline/core';
import { createRedis } from '@hotline/queue';
import type { Principal } from '@hotline/domain';
import { waitFor } from '@hotline/testing';
import { addLeaders, useFastClocks } from '../support/fast-clocks.js';
import { startSystem, type TestSystem } from '../support/system.js';

describe('SLA timers follow the deadline: pauses and extensions', () => {
  let sys: TestSystem;
  let people: Awaited<ReturnType<typeof addLeaders>>;
  let leader: Principal;
  let handler: Principal;
  beforeAll(async () => {
    sys = await startSystem({ label: 'pause' });
    await useFastClocks(sys, 'PT4S', { rung2After: 'PT1H', rung3After: 'PT1H' });
    people = await addLeaders(sys);
    leader = { kind: 'official', officialId: people.directorId, roles: ['unit_leader'] };
    handler = { kind: 'official', officialId: people.handlerId, roles: ['handler'] };
  });
  afterAll(async () => {
    await sys.close();
  });

  const db = () => sys.database.db;
  const startCase = async () => {
    const { caseId, receivedAt } = await submitCase(
      { sql: sys.database.raw, randomBytes },
      {
        body: { categoryCode: 'moi-truong', text: 'Nước thải chảy ra sông.' },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      new Date(),
    );
    await waitFor(async () => {
      const [r] = await db().execute<{ unit_id: string | null }>(
        sql`select unit_id from cases where id = ${caseId}`,
      );
      return r?.unit_id ? true : undefined;
    });
    await changeCase(
      { db: db() },
      caseId,
      { type: 'assigned', assigneeId: people.handlerId },
      leader,
      new Date(),
    );
    await changeCase({ db: db() }, caseId, { type: 'accepted' }, handler, new Date());
    return { caseId, receivedAt };
  };
  const breachAt = (caseId: string) =>
    waitFor(
      async () => {
        const [r] = await db().execute<{ at: Date }>(sql`
          select occurred_at as at from case_events
          where case_id = ${caseId} and type = 'sla_breached' and payload->>'target' = 'resolution'`);
        return r ? new Date(r.at) : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 50, what: 'breach' },
    );
  const count = async (caseId: string, type: string) => {
    const [r] = await db().execute<{ n: number }>(
      sql`select count(*)::int as n from case_events where case_id = ${caseId} and type = ${type}`,
    );
    return r?.n ?? 0;
  };

  it('a 5-second pause moves the breach by 5 seconds', async () => {
    const { caseId, receivedAt } = await startCase();
    const pausedAt = new Date();
    await changeCase(
      { db: db() },
      caseId,
      { type: 'info_requested', question: 'Ở đoạn nào?' },
      handler,
      pausedAt,
    );
    await new Promise((r) => setTimeout(r, 5000));
    const resumedAt = new Date();
    await changeCase(
      { db: db() },
      caseId,
      { type: 'info_provided', text: 'Cầu Cày' },
      { kind: 'citizen' },
      resumedAt,
    );
    const breach = await breachAt(caseId);
    const paused = resumedAt.getTime() - pausedAt.getTime();
    // Due 4 s of working time after receipt, plus the time paused (5 s or more); recorded never
    // early, for that deadline. How soon after it the worker fired depends on the machine.
    expect(paused).toBeGreaterThanOrEqual(5000);
    expect(breach.getTime() - receivedAt.getTime()).toBeGreaterThanOrEqual(4000 + paused);
    const [recorded] = await db().execute<{ due: string }>(sql`
      select payload->>'dueAt' as due from case_events
      where case_id = ${caseId} and type = 'sla_breached' and payload->>'target' = 'resolution'`);
    const due = Date.parse(recorded!.due) - receivedAt.getTime();
    expect(due).toBeGreaterThanOrEqual(4000 + paused);
    expect(due).toBeLessThan(4000 + paused + 1000);
    expect(await count(caseId, 'sla_breached')).toBe(1);
  });

  it('an extension moves the breach to the new deadline; the old timer fires as a no-op', async () => {
    const { caseId, receivedAt } = await startCase();
    await changeCase(
      { db: db() },
      caseId,
      { type: 'extension_granted', duration: 'PT4S', reason: 'cần xác minh' },
      leader,
      new Date(),
    );
    // The first deadline (4 s) passes without a breach…
    await new Promise((r) => setTimeout(r, 5000));
    expect(await count(caseId, 'sla_breached')).toBe(0);
    // …the breach comes at the new one (8 s).
    const breach = await breachAt(caseId);
    expect(breach.getTime() - receivedAt.getTime()).toBeGreaterThanOrEqual(8000);
    expect(await count(caseId, 'sla_breached')).toBe(1);
    // The timer of the earlier deadline generation (received, routed, assigned, accepted: 4)
    // did fire, and did nothing.
    const queue = new Queue('sla', {
      connection: createRedis(sys.config.redisUrl, 'worker'),
      prefix: sys.config.redisPrefix,
    });
    const old = await queue.getJob(slaTimerJobId(caseId, 4, 'due:resolution'));
    expect(old?.returnvalue).toBe('stale');
    await queue.close();
  });
});
