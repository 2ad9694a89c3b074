import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { adminRequest, startSystem, type TestSystem } from '../support/system.js';
import { addOfficials, addUnit } from './routing-fixtures.js';

interface FieldError {
  field: string;
  reason: string;
  message: { vi: string; en: string };
}
interface RuleView {
  id: string;
  position: number;
  name: string;
  conditions: Record<string, string[]>;
  targetUnitCode: string;
  targetUnitActive: boolean;
  strategy: string;
  namedOfficialEmail: string | null;
}
interface ConditionResult {
  condition: string;
  met: boolean;
  expected: string[];
  actual: string[];
  matched: string[];
  explanation: { vi: string; en: string };
}
interface DryRun {
  destination: { unitCode: string; reason: string; ruleName: string | null; strategy: string };
  reasons: ConditionResult[];
  fallback: { unitCode: string; reason: string } | null;
  rules: { name: string; outcome: string; conditions: ConditionResult[] }[];
}

describe('routing rules over HTTP: CRUD, validation, dry run', () => {
  let sys: TestSystem;
  const req = (method: string, path: string, body?: unknown) =>
    adminRequest(sys.baseUrl, method, `/v1/admin/routing-rules${path}`, body);
  const list = async () => ((await req('GET', '')).body!.rules as RuleView[]).map((r) => r.name);
  const errorsOf = (body: Record<string, unknown> | null) =>
    (body?.errors as FieldError[]).map((e) => [e.field, e.reason]);

  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'routing_api' });
    const { db } = sys.database;
    const env = await addUnit(db, { code: 'so-tnmt', name: 'Sở Tài nguyên và Môi trường' });
    await addOfficials(db, env, 2, 'tnmt');
    await addUnit(db, { code: 'so-cu', name: 'Sở đã giải thể', isActive: false });
    const merged = await addUnit(db, { code: 'so-sap-nhap', name: 'Sở đã sáp nhập' });
    await db
      .update(tables.adminUnits)
      .set({ mergedIntoId: env })
      .where(eq(tables.adminUnits.id, merged));
    // Created, then deleted: its code names nothing any more.
    const gone = await addUnit(db, { code: 'so-da-xoa', name: 'Sở đã xoá' });
    await db.delete(tables.adminUnits).where(eq(tables.adminUnits.id, gone));
  });
  afterAll(async () => {
    await sys.close();
  });

  const landRule = {
    name: 'Đất đai → Sở TNMT',
    conditions: { words: ['dat dai', 'Địa chính'], unitCodes: ['huyen-a'] },
    targetUnitCode: 'so-tnmt',
    strategy: 'round_robin',
  };

  it('creates rules in order, shows codes, moves and deletes them with positions kept dense', async () => {
    const land = await req('POST', '', landRule);
    expect(land.status, JSON.stringify(land.body)).toBe(201);
    expect(land.body).toMatchObject({
      position: 1,
      name: 'Đất đai → Sở TNMT',
      isActive: true,
      conditions: { words: ['dat dai', 'Địa chính'], unitCodes: ['huyen-a'] },
      targetUnitCode: 'so-tnmt',
      targetUnitActive: true,
      strategy: 'round_robin',
      namedOfficialEmail: null,
    });
    const line = await req('POST', '', {
      name: 'Đường dây nóng GĐ Sở XD qua SMS',
      conditions: {
        hotlineNumbers: ['0239 3000 111'],
        channels: ['sms', 'call'],
        categoryCodes: ['xay-dung'],
        priorities: ['high', 'urgent'],
      },
      targetUnitCode: 'so-xay-dung',
      strategy: 'named',
      namedOfficialEmail: 'LEADER@test.gov.vn',
    });
    expect(line.status, JSON.stringify(line.body)).toBe(201);
    expect(line.body).toMatchObject({
      position: 2,
      conditions: {
        hotlineNumbers: ['+842393000111'],
        channels: ['sms', 'call'],
        categoryCodes: ['xay-dung'],
        priorities: ['high', 'urgent'],
      },
      namedOfficialEmail: 'leader@test.gov.vn',
    });
    const first = await req('POST', '', {
      name: 'Khẩn cấp',
      position: 1,
      conditions: { priorities: ['urgent'] },
      targetUnitCode: 'triage',
      strategy: 'unit_queue',
    });
    expect(first.status).toBe(201);
    expect(await list()).toEqual([
      'Khẩn cấp',
      'Đất đai → Sở TNMT',
      'Đường dây nóng GĐ Sở XD qua SMS',
    ]);

    // Replace: renamed and moved last; without a position it would keep its place.
    const id = first.body!.id as string;
    const moved = await req('PUT', `/${id}`, {
      name: 'Khẩn cấp (cuối)',
      position: 99,
      conditions: { priorities: ['urgent'] },
      targetUnitCode: 'triage',
      strategy: 'unit_queue',
      isActive: false,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ position: 3, isActive: false });
    expect(await list()).toEqual([
      'Đất đai → Sở TNMT',
      'Đường dây nóng GĐ Sở XD qua SMS',
      'Khẩn cấp (cuối)',
    ]);

    expect((await req('DELETE', `/${line.body!.id as string}`)).status).toBe(204);
    const rules = (await req('GET', '')).body!.rules as RuleView[];
    expect(rules.map((r) => [r.name, r.position])).toEqual([
      ['Đất đai → Sở TNMT', 1],
      ['Khẩn cấp (cuối)', 2],
    ]);
    const again = await req('DELETE', `/${line.body!.id as string}`);
    expect(again.status).toBe(404);
    expect(again.body!.code).toBe('ROUTING_RULE_NOT_FOUND');
    expect((await req('PUT', `/${line.body!.id as string}`, landRule)).status).toBe(404);
    await req('DELETE', `/${id}`);
    await req('DELETE', `/${land.body!.id as string}`);
    expect(await list()).toEqual([]);
  });

  it.each([
    ['deleted', 'so-da-xoa', 'unknown_unit'],
    ['deactivated', 'so-cu', 'inactive_unit'],
    ['merged', 'so-sap-nhap', 'inactive_unit'],
  ])('rejects a rule pointing at a %s unit, with field and reason', async (_what, code, reason) => {
    const res = await req('POST', '', { ...landRule, targetUnitCode: code });
    expect(res.status).toBe(400);
    expect(res.body!.code).toBe('VALIDATION_FAILED');
    const [error] = res.body!.errors as FieldError[];
    expect(error).toMatchObject({ field: 'targetUnitCode', reason });
    expect(error?.message.vi).toContain(`targetUnitCode`);
    expect(error?.message.en.length).toBeGreaterThan(10);
  });

  it('reports every bad reference at once', async () => {
    const res = await req('POST', '', {
      name: 'Sai hết',
      conditions: {
        hotlineNumbers: ['0912 999 888', 'abc'],
        categoryCodes: ['xay-dung', 'khong-co'],
        unitCodes: ['huyen-a', 'khong-co', 'so-cu'],
        words: ['đất đai', ' !! '],
      },
      targetUnitCode: 'so-tnmt',
      strategy: 'round_robin',
      namedOfficialEmail: 'tnmt1@test.gov.vn',
    });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)).toEqual([
      ['conditions.hotlineNumbers.1', 'not_a_phone_number'],
      ['conditions.hotlineNumbers.0', 'unknown_hotline'],
      ['conditions.categoryCodes.1', 'unknown_category'],
      ['conditions.unitCodes.1', 'unknown_unit'],
      ['conditions.unitCodes.2', 'inactive_unit'],
      ['conditions.words.1', 'empty_word'],
      ['namedOfficialEmail', 'only_for_named'],
    ]);
  });

  it('checks the named official: required, known, and of the target unit', async () => {
    const named = { ...landRule, strategy: 'named' };
    const missing = await req('POST', '', named);
    expect(errorsOf(missing.body)).toEqual([['namedOfficialEmail', 'required']]);
    const unknown = await req('POST', '', { ...named, namedOfficialEmail: 'ai@test.gov.vn' });
    expect(errorsOf(unknown.body)).toEqual([['namedOfficialEmail', 'unknown_official']]);
    const elsewhere = await req('POST', '', { ...named, namedOfficialEmail: 'leader@test.gov.vn' });
    expect(errorsOf(elsewhere.body)).toEqual([['namedOfficialEmail', 'official_not_in_unit']]);
    const ok = await req('POST', '', { ...named, namedOfficialEmail: 'tnmt2@test.gov.vn' });
    expect(ok.status).toBe(201);
    await req('DELETE', `/${ok.body!.id as string}`);
  });

  it('validates the shape: strategy, empty words, unknown fields; and needs the admin token', async () => {
    const bad = await req('POST', '', {
      ...landRule,
      strategy: 'random',
      conditions: { words: [''], colour: ['red'] },
    });
    expect(bad.status).toBe(400);
    expect(errorsOf(bad.body)).toEqual(
      expect.arrayContaining([
        ['strategy', 'not_allowed'],
        ['conditions.words.0', 'too_short'],
        ['conditions.colour', 'unknown_field'],
      ]),
    );
    const res = await fetch(`${sys.baseUrl}/v1/admin/routing-rules`);
    expect(res.status).toBe(401);
  });

  it('dry run: which rule matches a draft, why, and what every rule said', async () => {
    const created: string[] = [];
    const add = async (rule: object) => {
      const res = await req('POST', '', rule);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      created.push(res.body!.id as string);
    };
    await add({
      name: 'Mất điện khẩn',
      conditions: { words: ['mất điện'], priorities: ['urgent'] },
      targetUnitCode: 'so-xay-dung',
      strategy: 'unit_queue',
    });
    await add({ ...landRule, position: 2 });
    await add({
      name: 'Môi trường ở huyện A',
      conditions: { categoryCodes: ['moi-truong'], unitCodes: ['huyen-a'] },
      targetUnitCode: 'so-tnmt',
      strategy: 'least_open',
    });
    await add({
      name: 'Tắt',
      isActive: false,
      conditions: {},
      targetUnitCode: 'triage',
      strategy: 'unit_queue',
    });

    const land = await req('POST', '/dry-run', {
      categoryCode: 'xay-dung',
      text: 'Tranh chấp ĐẤT ĐAI giữa hai hộ ở thôn 3.',
      communeCode: 'xa-a1',
    });
    expect(land.status, JSON.stringify(land.body)).toBe(200);
    const dry = land.body as unknown as DryRun;
    expect(dry.destination).toMatchObject({
      unitCode: 'so-tnmt',
      reason: 'rule',
      ruleName: 'Đất đai → Sở TNMT',
      strategy: 'round_robin',
    });
    expect(dry.reasons).toEqual([
      expect.objectContaining({
        condition: 'location',
        met: true,
        actual: ['xa-a1', 'huyen-a', 'province'],
        matched: ['huyen-a'],
      }),
      expect.objectContaining({ condition: 'words', met: true, matched: ['dat dai'] }),
    ]);
    expect(dry.reasons[1]?.explanation.en).toBe(
      'The text contains "dat dai" as whole words (diacritics ignored)',
    );
    expect(dry.reasons[0]?.explanation.vi).toBe('Xã, phường "xa-a1" thuộc "huyen-a"');
    expect(dry.fallback).toEqual({
      unitCode: 'triage',
      unitName: 'Trung tâm tiếp nhận',
      reason: 'triage_fallback',
    });
    expect(dry.rules.map((r) => [r.name, r.outcome])).toEqual([
      ['Mất điện khẩn', 'not_matched'],
      ['Đất đai → Sở TNMT', 'matched'],
      ['Môi trường ở huyện A', 'not_matched'],
      ['Tắt', 'inactive'],
    ]);
    expect(dry.rules[0]?.conditions.map((c) => [c.condition, c.met, c.explanation.en])).toEqual([
      ['words', false, 'The text contains none of "mất điện" as whole words (diacritics ignored)'],
      ['priority', false, 'Priority "normal" is not one of "urgent"'],
    ]);
    expect(dry.rules[2]?.conditions[0]).toMatchObject({
      condition: 'category',
      met: false,
      expected: ['moi-truong'],
      actual: ['xay-dung'],
    });

    // "dat" is a whole word: "datdai" is not "dat dai"; no rule matches, the hotline owner's unit takes it.
    const none = await req('POST', '/dry-run', {
      categoryCode: 'xay-dung',
      text: 'Khu datdai bị lấn chiếm.',
      hotline: '0239 3000 111',
      channel: 'sms',
    });
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({
      destination: { unitCode: 'so-xay-dung', reason: 'hotline_owner_unit', ruleName: null },
      reasons: [],
      fallback: { unitCode: 'so-xay-dung', reason: 'hotline_owner_unit' },
    });

    // A rule whose unit was deactivated since is passed over, and says so.
    const { db } = sys.database;
    await db
      .update(tables.adminUnits)
      .set({ isActive: false })
      .where(eq(tables.adminUnits.code, 'so-tnmt'));
    const off = (
      await req('POST', '/dry-run', {
        categoryCode: 'xay-dung',
        text: 'Tranh chấp đất đai.',
        communeCode: 'xa-a1',
      })
    ).body as unknown as DryRun;
    expect(off.destination).toMatchObject({ unitCode: 'triage', reason: 'triage_fallback' });
    expect(off.rules[1]).toMatchObject({ name: 'Đất đai → Sở TNMT', outcome: 'inactive' });
    const listed = ((await req('GET', '')).body!.rules as RuleView[])[1];
    expect(listed).toMatchObject({ targetUnitCode: 'so-tnmt', targetUnitActive: false });
    // Saving it again is refused until it points at an active unit.
    const resave = await req('PUT', `/${created[1]!}`, landRule);
    expect(errorsOf(resave.body)).toEqual([['targetUnitCode', 'inactive_unit']]);
    await db
      .update(tables.adminUnits)
      .set({ isActive: true })
      .where(eq(tables.adminUnits.code, 'so-tnmt'));

    const unknown = await req('POST', '/dry-run', {
      categoryCode: 'khong-co',
      text: 'x',
      communeCode: 'khong-co',
      hotline: '0912 999 888',
    });
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown.body)).toEqual([
      ['categoryCode', 'unknown_category'],
      ['communeCode', 'unknown_commune'],
      ['hotline', 'unknown_hotline'],
    ]);
    for (const id of created) await req('DELETE', `/${id}`);
  });

  it('lists the routes in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${sys.baseUrl}/docs/json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/admin/routing-rules',
        '/v1/admin/routing-rules/{id}',
        '/v1/admin/routing-rules/dry-run',
      ]),
    );
  });
});
