import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tables } from '@hotline/db';
import { addOfficial, bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { act, routedCase } from './helpers.js';

type Headers = Record<string, string>;
interface BatchReply {
  done: number;
  refused: number;
  results: {
    ref: string;
    outcome: 'done' | 'refused';
    trackingCode: string | null;
    status: string | null;
    code: string | null;
    message: string | null;
  }[];
}

describe('bulk actions: /v1/case-batches/<action>', () => {
  let system: TestSystem;
  let base: string;
  let leader: Headers;
  let supervisor: Headers;
  let outsider: Headers;
  let handlerId: string;
  let handler: Headers;

  beforeAll(async () => {
    system = await startSystem({ label: 'case_batches', withWorker: false });
    base = system.baseUrl;
    const { db } = system.database;
    const unit = system.province.triageUnitId;
    leader = await bearerFor(base, await addOfficial(db, unit, ['unit_leader']));
    supervisor = await bearerFor(base, await addOfficial(db, unit, ['supervisor']));
    handlerId = await addOfficial(db, unit, ['handler']);
    handler = await bearerFor(base, handlerId);
    outsider = await bearerFor(
      base,
      await addOfficial(db, system.province.departmentUnitId, ['unit_leader']),
    );
  }, 60_000);
  afterAll(async () => {
    await system?.close();
  });

  const batch = async (headers: Headers, action: string, body: unknown) => {
    const res = await fetch(`${base}/v1/case-batches/${action}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as BatchReply & { code?: string } };
  };

  /** A case resolved and closed: no longer anyone's to assign. */
  async function closedCase() {
    const c = await routedCase(system);
    expect((await act(base, leader, c.caseId, 'assign', { assigneeId: handlerId })).status).toBe(
      200,
    );
    expect((await act(base, handler, c.caseId, 'accept')).status).toBe(200);
    expect((await act(base, handler, c.caseId, 'resolve', { answer: 'Đã xử lý.' })).status).toBe(
      200,
    );
    expect((await act(base, supervisor, c.caseId, 'close')).status).toBe(200);
    return c;
  }

  it('assigns each case through the single action; a refused one leaves the others done', async () => {
    const a = await routedCase(system);
    const closed = await closedCase();
    const b = await routedCase(system);
    const r = await batch(leader, 'assign', {
      caseIds: [a.trackingCode, closed.caseId, b.caseId],
      assigneeId: handlerId,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ done: 2, refused: 1 });
    expect(r.body.results.map((x) => [x.ref, x.outcome])).toEqual([
      [a.trackingCode, 'done'],
      [closed.caseId, 'refused'],
      [b.caseId, 'done'],
    ]);
    expect(r.body.results[0]).toMatchObject({ status: 'assigned', code: null });
    expect(r.body.results[1]).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      status: 'closed',
      trackingCode: closed.trackingCode,
    });
    expect(r.body.results[1]!.message).toMatch(/closed/);

    // The same events as a single assignment, with the leader as actor.
    const events = await system.database.db
      .select({ type: tables.caseEvents.type, actorKind: tables.caseEvents.actorKind })
      .from(tables.caseEvents)
      .where(eq(tables.caseEvents.caseId, b.caseId));
    expect(events.map((e) => e.type)).toEqual(['received', 'routed', 'assigned']);
    expect(events.at(-1)?.actorKind).toBe('official');
  });

  it('transfers with one reason, and says which cases are out of scope', async () => {
    const a = await routedCase(system);
    const b = await routedCase(system);
    const r = await batch(leader, 'transfer', {
      caseIds: [a.caseId, b.caseId, 'ABCD-EFGH'],
      toUnitCode: 'so-xay-dung',
      reason: 'Thuộc thẩm quyền Sở Xây dựng',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ done: 2, refused: 1 });
    expect(r.body.results[2]).toMatchObject({
      outcome: 'refused',
      code: 'CASE_NOT_FOUND',
      status: null,
    });
    const reasons = await system.database.db
      .select({ payload: tables.caseEvents.payload })
      .from(tables.caseEvents)
      .where(eq(tables.caseEvents.type, 'transferred'));
    expect(
      reasons.filter(
        (e) => (e.payload as { reason?: string }).reason === 'Thuộc thẩm quyền Sở Xây dựng',
      ),
    ).toHaveLength(2);
    // Another unit's leader sees none of the triage unit's cases.
    const c = await routedCase(system);
    const other = await batch(outsider, 'close', { caseIds: [c.caseId] });
    expect(other.body.results[0]).toMatchObject({ outcome: 'refused', code: 'CASE_NOT_FOUND' });
  });

  it('refuses to close what may not be closed, per case, with the single action’s code', async () => {
    const open = await routedCase(system);
    const r = await batch(handler, 'close', { caseIds: [open.caseId] });
    expect(r.status).toBe(200);
    expect(r.body.results[0]?.outcome).toBe('refused');
    expect(['FORBIDDEN', 'ILLEGAL_TRANSITION']).toContain(r.body.results[0]?.code);
  });

  it('takes from 1 to 100 distinct cases, and a body naming its fields', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `case-${i}`);
    const tooMany = await batch(leader, 'close', { caseIds: ids });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toMatch(/caseIds/);
    expect((await batch(leader, 'close', { caseIds: [] })).status).toBe(400);
    expect((await batch(leader, 'close', { caseIds: ['a', 'a'] })).status).toBe(400);
    const noReason = await batch(leader, 'transfer', { caseIds: ['a'], toUnitCode: 'x' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toMatch(/reason/);
    const anonymous = await fetch(`${base}/v1/case-batches/close`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ caseIds: ['a'] }),
    });
    expect(anonymous.status).toBe(401);
  });
});
