import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import {
  addTriageOfficials,
  caseAt,
  post,
  type Officials,
} from '../follow-up/follow-up-support.js';
import { bearerFor } from '../support/officials.js';
import { getJson, startSystem, type TestSystem } from '../support/system.js';

/** Histories an hour old, so what the citizen does now is the newest line of the inbox. */
const past = () => ({ at: new Date(Date.now() - 3_600_000) });

interface Inbox {
  items: { kind: string; case: { trackingCode: string }; rating: number | null }[];
}

/**
 * When the citizen adds information, rates the answer 1–2 or reopens the case, whoever handles
 * it is told (in-app, and by e-mail where he has an address); if he is gone, the unit's
 * leaders. A reopened case goes back to its last handler.
 */
describe('the handler hears the citizen', () => {
  let sys: TestSystem;
  let officials: Officials;
  let handlerApi: Record<string, string>;
  let leaderApi: Record<string, string>;

  beforeAll(async () => {
    sys = await startSystem({ label: 'citizen_follow_up', withWorker: false });
    officials = await addTriageOfficials(sys);
    handlerApi = await bearerFor(sys.baseUrl, officials.handler.officialId);
    leaderApi = await bearerFor(sys.baseUrl, officials.leader.officialId);
  }, 60_000);
  afterAll(async () => {
    await sys?.close();
  });

  const inbox = async (headers: Record<string, string>) =>
    (await getJson(sys.baseUrl, '/v1/me/notifications', headers)).body as unknown as Inbox;
  const follow = async (caseId: string) =>
    sys.database.db
      .select({
        channel: tables.notifications.channel,
        to: tables.notifications.recipientOfficialId,
        subject: tables.notifications.subject,
      })
      .from(tables.notifications)
      .where(
        and(
          eq(tables.notifications.caseId, caseId),
          eq(tables.notifications.template, 'citizen_follow_up'),
        ),
      );

  it('tells the handler in-app and by e-mail when the citizen adds information', async () => {
    const c = await caseAt(sys, officials, 'awaiting_citizen', past());
    const r = await post(
      sys.baseUrl,
      `/v1/cases/${c.trackingCode}/information`,
      { text: 'Ở cổng sau của trường.' },
      c,
    );
    expect(r.status).toBe(200);
    const code = r.body.trackingCode as string;
    expect((await inbox(handlerApi)).items[0]).toMatchObject({
      kind: 'citizen_information',
      case: { trackingCode: code },
    });
    const rows = await follow(c.caseId);
    expect(rows.map((n) => [n.channel, n.to]).sort()).toEqual(
      [
        ['email', officials.handler.officialId],
        ['in_app', officials.handler.officialId],
      ].sort(),
    );
    expect(rows[0]!.subject).toBe(`Công dân đã bổ sung thông tin cho phản ánh ${code}`);
  });

  it('tells him of a rating of 1 or 2, not of a good one', async () => {
    const low = await caseAt(sys, officials, 'resolved', past());
    await post(sys.baseUrl, `/v1/cases/${low.trackingCode}/rating`, { rating: 2 }, low);
    const good = await caseAt(sys, officials, 'resolved', past());
    await post(sys.baseUrl, `/v1/cases/${good.trackingCode}/rating`, { rating: 3 }, good);
    expect((await follow(low.caseId)).length).toBe(2);
    expect(await follow(good.caseId)).toEqual([]);
    const item = (await inbox(handlerApi)).items.find((i) => i.kind === 'citizen_low_rating');
    expect(item).toMatchObject({ rating: 2 });
  });

  it('gives a reopened case back to its handler and tells him', async () => {
    const c = await caseAt(sys, officials, 'resolved', past());
    const r = await post(
      sys.baseUrl,
      `/v1/cases/${c.trackingCode}/reopen`,
      { reason: 'Rác vẫn còn' },
      c,
    );
    expect(r).toMatchObject({ status: 200, body: { status: 'assigned' } });
    const [row] = await sys.database.db
      .select({ assigneeId: tables.cases.assigneeId, status: tables.cases.status })
      .from(tables.cases)
      .where(eq(tables.cases.id, c.caseId));
    expect(row).toEqual({ assigneeId: officials.handler.officialId, status: 'assigned' });
    // The system gave it back, after the citizen reopened it: both in the history.
    const events = await sys.database.db
      .select({ type: tables.caseEvents.type, kind: tables.caseEvents.actorKind })
      .from(tables.caseEvents)
      .where(eq(tables.caseEvents.caseId, c.caseId))
      .orderBy(tables.caseEvents.version);
    expect(events.slice(-2)).toEqual([
      { type: 'reopened', kind: 'citizen' },
      { type: 'assigned', kind: 'system' },
    ]);
    const mine = (await inbox(handlerApi)).items.filter(
      (i) => i.case.trackingCode === r.body.trackingCode,
    );
    // One line: the reopening, not a second "assigned to you".
    expect(mine.map((i) => i.kind)).toEqual(['citizen_reopened', 'assigned']);
  });

  it('tells the unit’s leader when the handler is gone, and the case waits in the unit', async () => {
    const c = await caseAt(sys, officials, 'resolved', past());
    const resolvedLow = await caseAt(sys, officials, 'resolved', past());
    const { db } = sys.database;
    await db
      .update(tables.officials)
      .set({ isActive: false })
      .where(eq(tables.officials.id, officials.handler.officialId));
    try {
      const r = await post(
        sys.baseUrl,
        `/v1/cases/${c.trackingCode}/reopen`,
        { reason: 'Chưa xử lý' },
        c,
      );
      expect(r).toMatchObject({ status: 200, body: { status: 'reopened' } });
      await post(
        sys.baseUrl,
        `/v1/cases/${resolvedLow.trackingCode}/rating`,
        { rating: 1 },
        resolvedLow,
      );
      const lines = (await inbox(leaderApi)).items;
      expect(lines.find((i) => i.case.trackingCode === r.body.trackingCode)?.kind).toBe(
        'citizen_reopened',
      );
      expect(lines.some((i) => i.kind === 'citizen_low_rating' && i.rating === 1)).toBe(true);
      expect((await follow(c.caseId)).every((n) => n.to === officials.leader.officialId)).toBe(
        true,
      );
    } finally {
      await db
        .update(tables.officials)
        .set({ isActive: true })
        .where(eq(tables.officials.id, officials.handler.officialId));
    }
  });
});
