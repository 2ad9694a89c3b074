import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { tables } from '@hotline/db';
import { addOfficial, bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { act, detail, routedCase } from './helpers.js';

type Headers = Record<string, string>;

/**
 * Extensions within the policy: the default feedback policy allows one extension of at most
 * five working days. The case page is told that limit; a request over it is refused in words;
 * a leader may grant less than was asked, never more, and the event keeps both.
 */
describe('extensions: the policy’s limit, and granting less than asked', () => {
  let system: TestSystem;
  let base: string;
  let leader: Headers;
  let handler: Headers;
  let handlerId: string;

  beforeAll(async () => {
    system = await startSystem({ label: 'extension_limits', withWorker: false });
    base = system.baseUrl;
    const { db } = system.database;
    const unit = system.province.triageUnitId;
    const leaderId = await addOfficial(db, unit, ['unit_leader']);
    handlerId = await addOfficial(db, unit, ['handler']);
    leader = await bearerFor(base, leaderId);
    handler = await bearerFor(base, handlerId);
  }, 60_000);
  afterAll(async () => {
    await system?.close();
  });

  async function inProgressCase() {
    const c = await routedCase(system);
    expect(
      (await act(base, leader, c.trackingCode, 'assign', { assigneeId: handlerId })).status,
    ).toBe(200);
    expect((await act(base, handler, c.trackingCode, 'accept')).status).toBe(200);
    return c;
  }

  it('tells the case page the limit in force and offers approval only while a request waits', async () => {
    const c = await inProgressCase();
    const before = await detail(base, leader, c.trackingCode);
    expect(before.body.extensionLimit).toEqual({
      maxDuration: { duration: 'P5D', unit: 'working' },
      allowed: 1,
    });
    // Nothing asked: nothing to approve (or refuse).
    expect(before.body.allowedActions).not.toContain('grant-extension');
    expect(before.body.allowedActions).not.toContain('refuse-extension');
    await act(base, handler, c.trackingCode, 'request-extension', { duration: 'P3D', reason: 'x' });
    const after = await detail(base, leader, c.trackingCode);
    expect(after.body.allowedActions).toEqual(
      expect.arrayContaining(['grant-extension', 'refuse-extension']),
    );
  });

  it('refuses a request longer than the policy allows, saying so in words', async () => {
    const c = await inProgressCase();
    const r = await act(base, handler, c.trackingCode, 'request-extension', {
      duration: 'P8D',
      reason: 'Cần thêm thời gian',
    });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({
      code: 'EXTENSION_LIMIT',
      errors: [
        {
          field: 'duration',
          reason: 'extension_too_long',
          message: {
            vi: 'Theo quy định, mỗi lần gia hạn tối đa 5 ngày làm việc; đề nghị 8 ngày làm việc là quá dài',
            en: 'The policy allows at most 5 working days per extension; 8 working days is too long',
          },
        },
      ],
    });
    expect((await detail(base, handler, c.trackingCode)).body.pendingExtension).toBeNull();
  });

  it('lets the leader grant less than asked, never more; the event records both', async () => {
    const c = await inProgressCase();
    const due = async () =>
      (
        (await detail(base, handler, c.trackingCode)).body.sla as {
          clocks: { target: string; dueAt: string }[];
        }
      ).clocks.find((k) => k.target === 'resolution')!.dueAt;
    const dueBefore = await due();
    await act(base, handler, c.trackingCode, 'request-extension', { duration: 'P4D', reason: 'x' });

    const more = await act(base, leader, c.trackingCode, 'grant-extension', {
      reason: 'Đồng ý',
      duration: 'P5D',
    });
    expect(more).toMatchObject({
      status: 409,
      body: { errors: [{ reason: 'more_than_asked' }] },
    });
    expect((more.body.errors as { message: { vi: string } }[])[0]!.message.vi).toBe(
      'Chỉ được duyệt tối đa thời gian đã đề nghị (4 ngày làm việc), không phải 5 ngày làm việc',
    );

    const ok = await act(base, leader, c.trackingCode, 'grant-extension', {
      reason: 'Đồng ý 2 ngày',
      duration: 'P2D',
    });
    expect(ok).toMatchObject({ status: 200, body: { pendingExtension: null } });
    const [event] = await system.database.db
      .select({ payload: tables.caseEvents.payload })
      .from(tables.caseEvents)
      .where(
        and(
          eq(tables.caseEvents.caseId, c.caseId),
          eq(tables.caseEvents.type, 'extension_granted'),
        ),
      );
    expect(event!.payload).toEqual({ duration: 'P2D', requested: 'P4D', reason: 'Đồng ý 2 ngày' });
    // Two working days later than before (never less, whatever the weekday).
    const moved = Date.parse(await due()) - Date.parse(dueBefore);
    expect(moved).toBeGreaterThanOrEqual(2 * 86_400_000);
    expect(moved).toBeLessThan(5 * 86_400_000);
  });

  it('grants as asked when the leader names no duration', async () => {
    const c = await inProgressCase();
    await act(base, handler, c.trackingCode, 'request-extension', { duration: 'P3D', reason: 'x' });
    const ok = await act(base, leader, c.trackingCode, 'grant-extension', { reason: 'Đồng ý' });
    expect(ok.status).toBe(200);
    const [event] = await system.database.db
      .select({ payload: tables.caseEvents.payload })
      .from(tables.caseEvents)
      .where(
        and(
          eq(tables.caseEvents.caseId, c.caseId),
          eq(tables.caseEvents.type, 'extension_granted'),
        ),
      );
    expect(event!.payload).toMatchObject({ duration: 'P3D', requested: 'P3D' });
  });
});
