import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { normalizeTrackingCode } from '@hotline/domain';
import { waitFor } from '@hotline/testing';
import { addOfficial, bearerFor } from '../support/officials.js';
import { postJson, startSystem, type TestSystem } from '../support/system.js';
import { act, detail } from './helpers.js';

type Related = { trackingCode: string; reasons: string[]; similarity: number };

describe('related cases on the case page: similar texts found once, by a job after routing', () => {
  let system: TestSystem;
  let base: string;
  let leader: Record<string, string>;
  let supervisor: Record<string, string>;

  beforeAll(async () => {
    system = await startSystem({ label: 'related_cases' });
    base = system.baseUrl;
    const { db } = system.database;
    const unit = system.province.triageUnitId;
    leader = await bearerFor(base, await addOfficial(db, unit, ['unit_leader']));
    supervisor = await bearerFor(base, await addOfficial(db, unit, ['supervisor']));
  }, 60_000);
  afterAll(async () => {
    await system?.close();
  });

  const count = async (query: ReturnType<typeof sql>) => {
    const [row] = await system.database.db.execute<{ n: number }>(query);
    return row!.n;
  };

  /** Submits through the public API and waits until the worker has routed it and matched it. */
  async function submitted(text: string, categoryCode = 'xay-dung') {
    const res = await postJson(base, '/v1/cases', {
      categoryCode,
      text,
      citizen: { name: 'Trần Văn Dân', phone: `0913${String(Math.random()).slice(2, 8)}` },
    });
    expect(res.status).toBe(201);
    const code = res.body!.trackingCode as string;
    const [row] = await system.database.db.execute<{ id: string }>(
      sql`select id from cases where tracking_code = ${normalizeTrackingCode(code)}`,
    );
    const id = row!.id;
    await waitFor(
      async () =>
        (await count(
          sql`select count(*)::int as n from case_text_match_runs where case_id = ${id}`,
        )) > 0 || undefined,
      { timeoutMs: 15_000, what: `case ${code} matched` },
    );
    return { code, id };
  }

  const relatedOf = async (who: Record<string, string>, code: string) => {
    const page = await detail(base, who, code);
    expect(page.status).toBe(200);
    return page.body.relatedCases as Related[];
  };

  it('links a new case to an earlier one with a similar text, both ways, and not to others', async () => {
    const first = await submitted(
      'Đường Lê Lợi đoạn trước chợ Đông Ba bị sụt lún, ổ gà sâu, xe máy ngã nhiều lần.',
    );
    const unrelated = await submitted('Quán karaoke hát to sau 23 giờ ở tổ dân phố 5.');
    const second = await submitted(
      'Duong Le Loi doan truoc cho Dong Ba bi sut lun, o ga rat sau, nhieu xe may nga.',
    );
    const otherCategory = await submitted(
      'Đường Lê Lợi đoạn trước chợ Đông Ba bị sụt lún, ổ gà sâu, xe máy ngã nhiều lần.',
      'moi-truong',
    );

    const ofFirst = await relatedOf(leader, first.code);
    const match = ofFirst.find((r) => r.trackingCode === second.code);
    // Found despite the missing diacritics: texts are compared folded.
    expect(match?.reasons).toContain('similar_text');
    expect(match!.similarity).toBeGreaterThan(0.3);
    expect(ofFirst.map((r) => r.trackingCode)).not.toContain(unrelated.code);
    // Similar texts are looked for within a category (the same subject).
    expect(ofFirst.map((r) => r.trackingCode)).not.toContain(otherCategory.code);
    const ofSecond = await relatedOf(leader, second.code);
    expect(ofSecond.find((r) => r.trackingCode === first.code)?.reasons).toContain('similar_text');
    // Stored once per pair and direction; viewing again compares nothing new.
    expect(
      await count(
        sql`select count(*)::int as n from case_text_matches where case_id in (${first.id}, ${second.id})`,
      ),
    ).toBe(2);
  });

  it('finds the matches of a case never looked at (received before matching existed) on its first view', async () => {
    const older = await submitted('Cây xanh gãy đổ chắn ngang đường Hùng Vương sau cơn bão số 3.');
    const newer = await submitted('Cay xanh gay do chan ngang duong Hung Vuong sau con bao so 3.');
    // As if both were received before this existed: no runs, no matches.
    await system.database.db.execute(
      sql`delete from case_text_matches where case_id in (${older.id}, ${newer.id}) or match_id in (${older.id}, ${newer.id})`,
    );
    await system.database.db.execute(
      sql`delete from case_text_match_runs where case_id in (${older.id}, ${newer.id})`,
    );
    // The older case's first view compares it with the cases after it too.
    const ofOlder = await relatedOf(leader, older.code);
    expect(ofOlder.find((r) => r.trackingCode === newer.code)?.reasons).toContain('similar_text');
    expect(
      await count(
        sql`select count(*)::int as n from case_text_match_runs where case_id = ${older.id}`,
      ),
    ).toBe(1);
    // The pair was stored both ways: the newer case's page reads it without looking again.
    const ofNewer = await relatedOf(leader, newer.code);
    expect(ofNewer.find((r) => r.trackingCode === older.code)?.reasons).toContain('similar_text');
  });

  it('shows a similar case only to those whose scope holds it', async () => {
    const here = await submitted('Nhà văn hoá thôn 7 xuống cấp, mái tôn thủng, mưa dột khắp nơi.');
    const moved = await submitted('Nha van hoa thon 7 xuong cap, mai ton thung, mua dot khap noi.');
    const transfer = await act(base, leader, moved.code, 'transfer', {
      toUnitCode: 'so-xay-dung',
      reason: 'Thuộc thẩm quyền Sở Xây dựng',
    });
    expect(transfer.status).toBe(200);
    // The triage unit's leader no longer sees the transferred case, so not among related ones.
    expect((await relatedOf(leader, here.code)).map((r) => r.trackingCode)).not.toContain(
      moved.code,
    );
    // A supervisor sees the whole province.
    expect(
      (await relatedOf(supervisor, here.code)).find((r) => r.trackingCode === moved.code)?.reasons,
    ).toContain('similar_text');
  });
});
