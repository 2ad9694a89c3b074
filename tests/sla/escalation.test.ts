import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCase, submitCase } from '@hotline/core';
import type { Principal } from '@hotline/domain';
import { waitFor } from '@hotline/testing';
import { addLeaders, slaEvents, useFastClocks } from '../support/fast-clocks.js';
import { startSystem, type TestSystem } from '../support/system.js';

describe('SLA timers and the escalation ladder, on clocks that run in seconds', () => {
  let sys: TestSystem;
  let people: Awaited<ReturnType<typeof addLeaders>>;
  beforeAll(async () => {
    sys = await startSystem({ label: 'escalate' });
    await useFastClocks(sys);
    people = await addLeaders(sys);
  });
  afterAll(async () => {
    await sys.close();
  });

  const submit = async () => {
    const { caseId } = await submitCase(
      { sql: sys.database.raw, randomBytes },
      {
        body: { categoryCode: 'moi-truong', text: 'Khói từ lò đốt rác gây ô nhiễm.' },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      new Date(),
    );
    return caseId;
  };
  const official = (id: string, roles: ('unit_leader' | 'handler')[]): Principal => ({
    kind: 'official',
    officialId: id,
    roles,
  });

  it('warns, breaches, then escalates rung 1, 2 and 3 in order, each once', async () => {
    // Before the receipt's time (taken in submit): from after it, a rung recorded on time
    // could look early by the time submitting took.
    const started = Date.now();
    const caseId = await submit();
    const events = await waitFor(
      async () => {
        const e = await slaEvents(sys, caseId);
        return e.includes('escalated:3') ? e : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100, what: 'rung 3' },
    );
    const tookMs = Date.now() - started;
    expect(events).toEqual([
      'sla_warning:resolution',
      'sla_breached:resolution',
      'escalated:1',
      'escalated:2',
      'escalated:3',
    ]);
    // Rung 3 is due 7 s after receipt (3 s + 2 s + 2 s): never early.
    expect(tookMs).toBeGreaterThanOrEqual(7000);
    // Targets: the triage centre's leader, its parent's (the province), then the province leader
    // again as there is no hotline owner for a web case.
    const targets = await sys.database.db.execute<{ level: number; to: string }>(sql`
      select (payload->>'level')::int as level, payload->>'toOfficialId' as to from case_events
      where case_id = ${caseId} and type = 'escalated' order by version`);
    expect(targets.map((t) => t.to)).toEqual([
      people.directorId,
      people.chairmanId,
      people.chairmanId,
    ]);
    const [row] = await sys.database.db.execute<{ escalation_level: number; sla_state: string }>(
      sql`select escalation_level, sla_state from cases where id = ${caseId}`,
    );
    expect(row).toEqual({ escalation_level: 3, sla_state: 'breached' });
    // Nothing more happens afterwards.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await slaEvents(sys, caseId)).toHaveLength(5);
  });

  it('stops when the case is resolved mid-way', async () => {
    const caseId = await submit();
    await waitFor(
      async () =>
        (await slaEvents(sys, caseId)).includes('sla_warning:resolution') ? true : undefined,
      {
        timeoutMs: 5000,
        intervalMs: 50,
        what: 'warning',
      },
    );
    await changeCase(
      { db: sys.database.db },
      caseId,
      { type: 'assigned', assigneeId: people.handlerId },
      official(people.directorId, ['unit_leader']),
      new Date(),
    );
    await changeCase(
      { db: sys.database.db },
      caseId,
      { type: 'resolved', resolutionText: 'Đã xử lý.' },
      official(people.handlerId, ['handler']),
      new Date(),
    );
    await new Promise((r) => setTimeout(r, 6000));
    expect(await slaEvents(sys, caseId)).toEqual(['sla_warning:resolution']);
  });
});
