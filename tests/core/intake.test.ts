import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { outboxRowsOf, takeInCase, type IntakeRequest } from '@hotline/core';
import {
  findStoredProjection,
  insertReceivedCase,
  insertSmsCase,
  loadCaseHistory,
  tables,
  type NewOutboxMessage,
} from '@hotline/db';
import {
  CASE_TYPES,
  resolveReceivedCase,
  trackingCodeFromBytes,
  type ReceivedCase,
} from '@hotline/domain';
import {
  createTestDatabase,
  seedSmallProvince,
  type SmallProvince,
  type TestDatabase,
} from '@hotline/testing';
import { eq, sql } from 'drizzle-orm';

const DRILL_CATEGORY = 'dien-tap';

describe('the one intake: what SQL stored is what the domain received', () => {
  let t: TestDatabase;
  let province: SmallProvince;
  let categoryIds: Map<string, string>;
  let hotlineId: string;
  beforeAll(async () => {
    t = await createTestDatabase('intake');
    province = await seedSmallProvince(t.db);
    await t.db
      .insert(tables.categories)
      .values({ code: DRILL_CATEGORY, name: 'Diễn tập', isDrill: true });
    const categories = await t.db.select().from(tables.categories);
    categoryIds = new Map(categories.map((c) => [c.code, c.id]));
    const [hotline] = await t.db.select().from(tables.hotlines);
    hotlineId = hotline!.id;
  });
  afterAll(async () => {
    await t.drop();
  });

  const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  const words = [
    'Ổ gà',
    'đèn đường',
    'hỏng',
    'rác thải',
    'ngập',
    'ở ngã tư',
    'Trần Phú',
    "O'Brien",
  ];
  const text = fc
    .array(fc.constantFrom(...words), { minLength: 3, maxLength: 12 })
    .map((w) => w.join(' '));
  let seq = 0;
  const common = fc.record({
    receivedAt: fc.date({
      min: new Date('2025-01-01T00:00:00Z'),
      max: new Date('2027-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
    // Unique, so that no case repeats an earlier one (duplicates have their own tests).
    text: text.map((s) => `${s} #${++seq}`),
    hotlineNumber: fc.boolean(),
    citizen: fc.record({
      name: nullable(fc.constantFrom('Nguyễn Văn A', 'Trần Thị Bé')),
      phone: nullable(fc.constantFrom('+84905123456', '+84912345678')),
      email: nullable(fc.constantFrom('dan@mail.vn', 'a.b@example.com')),
      address: nullable(fc.constantFrom('12 Lê Lợi', 'thôn 3')),
    }),
  });
  const form = fc.record({
    categoryCode: fc.constantFrom('xay-dung', 'moi-truong', 'khac', DRILL_CATEGORY),
    caseType: nullable(fc.constantFrom(...CASE_TYPES)),
    communeCode: fc.boolean(),
    address: nullable(fc.constantFrom('ngã tư Trần Phú', 'cầu Rồng')),
    location: nullable(
      fc.record({
        // -0 + 0 is 0: Postgres keeps no negative zero, and a coordinate has none.
        lat: fc.double({ min: -90, max: 90, noNaN: true }).map((v) => v + 0),
        lng: fc.double({ min: -180, max: 180, noNaN: true }).map((v) => v + 0),
      }),
    ),
    isAnonymous: fc.boolean(),
    consentToPublish: fc.boolean(),
    ownerTokenHash: nullable(fc.stringMatching(/^[0-9a-f]{64}$/)),
  });
  const request = fc.oneof(
    fc.tuple(common, form, fc.boolean()).map(([c, f, byOfficial]) => ({
      c,
      f,
      channel: 'web' as const,
      byOfficial,
    })),
    fc.tuple(common, form).map(([c, f]) => ({ c, f, channel: 'call' as const })),
    fc.tuple(common, form).map(([c, f]) => ({ c, f, channel: 'open311' as const })),
    common.map((c) => ({ c, channel: 'sms' as const })),
  );
  type Drawing = typeof request extends fc.Arbitrary<infer T> ? T : never;

  /** The intake request a channel adapter would make of a drawing. */
  function requestOf(d: Drawing): IntakeRequest {
    const { c } = d;
    const base = {
      receivedAt: c.receivedAt,
      text: c.text,
      hotlineNumber: c.hotlineNumber ? province.hotlineNumber : null,
      citizen: c.citizen,
    };
    if (d.channel === 'sms') return { ...base, channel: 'sms' };
    const f = {
      ...d.f,
      communeCode: d.f.communeCode ? province.communeCode : null,
    };
    switch (d.channel) {
      case 'web':
        return {
          ...base,
          ...f,
          channel: 'web',
          author: d.byOfficial
            ? { kind: 'official', officialId: province.adminOfficialId }
            : { kind: 'citizen' },
        };
      case 'call':
        return { ...base, ...f, channel: 'call', operatorId: province.adminOfficialId };
      case 'open311':
        return { ...base, ...f, channel: 'open311' };
    }
  }

  /** Stores through the channel's statement: the SMS one, or the forms' one. */
  const storeOf = async (c: ReceivedCase, jobs: NewOutboxMessage[]) => {
    if (c.row.channel !== 'sms') return insertReceivedCase(t.raw, c, jobs);
    const sms = await insertSmsCase(t.raw, {
      provider: 'test',
      providerMessageId: randomUUID(),
      fromPhone: c.row.citizenPhone ?? '+84900000000',
      toNumber: c.references.hotlineNumber ?? '8088',
      body: c.row.text,
      receivedAt: c.row.receivedAt,
      received: c,
      jobs,
      reply: 'ok',
      joins: c.joins,
      media: [],
    });
    return sms.kind === 'not_inserted' ? { kind: 'not_inserted' as const } : sms;
  };
  const take = (r: IntakeRequest) => takeInCase({ randomBytes }, r, {}, storeOf);
  const at = new Date('2026-03-02T03:00:00Z');
  const citizen = { name: null, phone: null, email: null, address: null };
  const smsOf = (text: string): Drawing => ({
    c: { receivedAt: at, text, hotlineNumber: true, citizen },
    channel: 'sms',
  });
  const webOf = (text: string): Drawing => ({
    c: { receivedAt: at, text, hotlineNumber: false, citizen },
    f: {
      categoryCode: 'xay-dung',
      caseType: null,
      communeCode: false,
      address: null,
      location: null,
      isAnonymous: false,
      consentToPublish: false,
      ownerTokenHash: null,
    },
    channel: 'web',
    byOfficial: false,
  });

  async function stored(caseId: string) {
    const [row] = await t.db.select().from(tables.cases).where(eq(tables.cases.id, caseId));
    const facts = await t.db
      .select()
      .from(tables.caseReportFacts)
      .where(eq(tables.caseReportFacts.caseId, caseId));
    const outbox = await t.db
      .select()
      .from(tables.outbox)
      .where(sql`${tables.outbox.payload}->>'caseId' = ${caseId}`);
    return {
      row: row!,
      projection: await findStoredProjection(t.db, caseId),
      history: await loadCaseHistory(t.db, caseId),
      facts,
      outbox,
    };
  }

  function expected(received: ReceivedCase) {
    const ids = {
      categoryId: categoryIds.get(received.references.categoryCode)!,
      hotlineId: received.references.hotlineNumber ? hotlineId : null,
      communeUnitId: received.references.communeCode ? province.communeUnitId : null,
    };
    return { ids, ...resolveReceivedCase(received, ids) };
  }

  it.prop([request], { numRuns: 30 })(
    'every channel: the row, events, report facts and outbox rows are the domain’s',
    async (drawing) => {
      const { received, result } = await take(requestOf(drawing));
      const isDrillForCitizen =
        received.references.categoryCode === DRILL_CATEGORY &&
        !received.references.mayUseDrillCategory;
      if (isDrillForCitizen) {
        expect(result).toEqual({ kind: 'unknown_reference', missing: ['categoryCode'] });
        const rows = await t.db
          .select()
          .from(tables.cases)
          .where(eq(tables.cases.id, received.row.id));
        expect(rows).toEqual([]);
        return;
      }
      expect(result.kind).toBe('inserted');
      const want = expected(received);
      const got = await stored(received.row.id);

      const { id, caseType, ...row } = received.row;
      expect(got.row).toMatchObject({
        ...row,
        id,
        type: caseType,
        categoryId: want.ids.categoryId,
        hotlineId: want.ids.hotlineId,
        communeUnitId: want.ids.communeUnitId,
        // Deadlines come with routing, none at receipt.
        acceptanceDueAt: null,
        firstResponseDueAt: null,
        resolutionDueAt: null,
      });
      expect(got.projection).toEqual(want.state);
      expect(got.history).toEqual(want.history);
      expect(got.facts).toEqual(
        want.reportFacts.map((f) => ({
          ...f,
          caseId: id,
          receivedAt: received.row.receivedAt,
          channel: received.row.channel,
          hotlineId: want.ids.hotlineId,
        })),
      );
      expect(
        got.outbox.map(({ queue, jobName, jobId, payload, runAt }) => ({
          queue,
          jobName,
          jobId,
          payload,
          runAt,
        })),
      ).toEqual(outboxRowsOf(received.jobs));
    },
  );

  it('draws another tracking code when the drawn one is taken, and gives up after five', async () => {
    // The tracking codes drawn are these bytes first, then random ones.
    const drawing = (codes: Uint8Array[]) => (size: number) =>
      size === 8 ? (codes.shift() ?? randomBytes(8)) : randomBytes(size);
    const taken = Uint8Array.from(randomBytes(8));
    const first = await takeInCase(
      { randomBytes: drawing([taken]) },
      requestOf(smsOf('Đèn đường hỏng ở ngã tư Trần Phú, lần 1')),
      {},
      storeOf,
    );
    expect(first.result.kind).toBe('inserted');
    expect(first.received.row.trackingCode).toBe(trackingCodeFromBytes(taken));
    for (const channel of ['web', 'sms'] as const) {
      const text = `Đèn đường hỏng ở ngã tư Trần Phú, ${channel} lần 2`;
      const r = requestOf(channel === 'sms' ? smsOf(text) : webOf(text));
      const second = await takeInCase({ randomBytes: drawing([taken, taken]) }, r, {}, storeOf);
      expect(second.result.kind).toBe('inserted');
      expect(second.received.row.trackingCode).not.toBe(first.received.row.trackingCode);
      const always = Array.from({ length: 5 }, () => taken);
      await expect(
        takeInCase({ randomBytes: drawing(always) }, r, {}, storeOf),
      ).rejects.toMatchObject({ code: 'TRACKING_CODE_EXHAUSTED' });
    }
  });
});
