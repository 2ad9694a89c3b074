import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDailyDigest, routeCase, submitCase } from '@hotline/core';
import { tables } from '@hotline/db';
import {
  createTestDatabase,
  seedSmallProvince,
  type SmallProvince,
  type TestDatabase,
} from '@hotline/testing';

describe('the daily digest of overdue cases for unit leaders', () => {
  let t: TestDatabase;
  let p: SmallProvince;
  beforeAll(async () => {
    t = await createTestDatabase('digest');
    p = await seedSmallProvince(t.db);
    await t.db.insert(tables.officials).values({
      unitId: p.triageUnitId,
      fullName: 'Giám đốc Trung tâm',
      email: 'gd@test.gov.vn',
      roles: ['unit_leader'],
    });
  });
  afterAll(async () => {
    await t.drop();
  });

  it('tells each leader once a day, in the console and by e-mail, which cases are overdue', async () => {
    // Received in January: ten working days later it is long overdue.
    const old = await submitCase(
      { sql: t.raw, randomBytes },
      {
        body: { categoryCode: 'moi-truong', text: 'Rác thải chưa được thu gom.' },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      new Date('2026-01-05T02:00:00Z'),
    );
    await routeCase({ db: t.db }, old.caseId, new Date('2026-01-05T02:00:01Z'));
    // A fresh case is not overdue and stays out of the digest.
    const fresh = await submitCase(
      { sql: t.raw, randomBytes },
      {
        body: { categoryCode: 'moi-truong', text: 'Cây đổ chắn đường.' },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      new Date('2026-11-23T02:00:00Z'),
    );
    await routeCase({ db: t.db }, fresh.caseId, new Date('2026-11-23T02:00:01Z'));

    const morning = new Date('2026-11-24T00:00:00Z'); // 07:00 in Hà Tĩnh
    expect(await planDailyDigest({ db: t.db }, morning, 'Asia/Ho_Chi_Minh')).toEqual({
      units: 1,
      notifications: 2,
    });
    // Run again (a second worker, a retry): nothing more.
    expect(await planDailyDigest({ db: t.db }, morning, 'Asia/Ho_Chi_Minh')).toEqual({
      units: 1,
      notifications: 0,
    });

    const rows = await t.db.execute<{
      channel: string;
      status: string;
      subject: string;
      body: string;
    }>(
      sql`select channel, status, subject, body from notifications where template = 'daily_digest' order by channel`,
    );
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['email', 'pending'],
      ['in_app', 'sent'],
    ]);
    expect(rows[1]?.subject).toContain('1 phản ánh quá hạn ngày 24/11/2026');
    expect(rows[1]?.body).toContain(old.trackingCode);
    expect(rows[1]?.body).not.toContain(fresh.trackingCode);
    const [outbox] = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from outbox where queue = 'notifications'`,
    );
    expect(outbox?.n).toBe(1);
  });
});
