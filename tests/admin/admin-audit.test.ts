import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { addOfficial } from '../support/officials.js';
import { adminRequest, startSystem, type TestSystem } from '../support/system.js';
import {
  auditPage,
  auditWrittenBy,
  sessionOf,
  type AuditItem,
  type Reply,
} from './audit-helpers.js';

type Body = Record<string, unknown>;
type Request = (method: string, path: string, body?: unknown) => Promise<Reply>;

const SLA_POLICY = {
  caseType: 'feedback',
  categoryCode: 'xay-dung',
  priority: null,
  acceptance: { duration: 'PT4H', unit: 'working' },
  firstResponse: { duration: 'P1D', unit: 'working' },
  resolution: { duration: 'P7D', unit: 'working' },
  resolutionComplex: null,
  resolutionFrom: 'receipt',
  warningFraction: 0.8,
  maxExtensions: 1,
  maxExtensionsComplex: 1,
  maxExtension: { duration: 'P3D', unit: 'working' },
  escalation: {
    rung2After: { duration: 'PT8H', unit: 'working' },
    rung3After: { duration: 'P1D', unit: 'working' },
  },
  transferResetsDeadline: false,
};
const RULE = {
  name: 'Ổ gà về Sở Xây dựng',
  conditions: { words: ['ổ gà'] },
  targetUnitCode: 'so-xay-dung',
  strategy: 'unit_queue',
};

describe('admin audit: every administrative change through the API, with its actor', () => {
  let s: TestSystem;
  let admin: { id: string; request: Request; sameOrigin: Record<string, string> };
  let as: Request;

  beforeAll(async () => {
    s = await startSystem({ withWorker: false, label: 'admin_audit' });
    admin = await sessionOf(s.baseUrl, s.database.db, s.province.triageUnitId, 'admin');
    as = admin.request;
  }, 30_000);
  afterAll(() => s?.close());

  /** A change that must succeed and write exactly one row, by the signed-in administrator. */
  async function audited(
    step: () => Promise<Reply>,
    status: number,
    want: { action: string; entity: string; entityId?: string; officialId?: string | null },
  ): Promise<{ body: Body; row: AuditItem }> {
    const { res, rows } = await auditWrittenBy(s.baseUrl, step);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(rows.map((r) => r.action)).toEqual([want.action]);
    const row = rows[0]!;
    expect(row).toMatchObject({
      entity: want.entity,
      officialId: want.officialId === undefined ? admin.id : want.officialId,
    });
    if (want.entityId !== undefined) expect(row.entityId).toBe(want.entityId);
    return { body: res.body ?? {}, row };
  }
  /** A change that is refused (or changes nothing) and writes no row. */
  async function notAudited(step: () => Promise<Reply>, status: number) {
    const { res, rows } = await auditWrittenBy(s.baseUrl, step);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(rows).toEqual([]);
  }

  it('is read by administrators only, with its query checked', async () => {
    expect((await fetch(`${s.baseUrl}/v1/admin/audit`)).status).toBe(401);
    const wrong = await fetch(`${s.baseUrl}/v1/admin/audit`, {
      headers: { authorization: 'Bearer wrong' },
    });
    expect(wrong.status).toBe(401);
    const supervisor = await sessionOf(
      s.baseUrl,
      s.database.db,
      s.province.triageUnitId,
      'supervisor',
    );
    expect((await supervisor.request('GET', '/v1/admin/audit')).status).toBe(403);
    expect((await as('GET', '/v1/admin/audit')).status).toBe(200);
    for (const query of ['limit=0', 'limit=201', 'before=abc']) {
      const bad = await as('GET', `/v1/admin/audit?${query}`);
      expect(bad.status, query).toBe(400);
      expect(JSON.stringify(bad.body), query).toContain(query.split('=')[0]!);
    }
  });

  it('calendars, their holidays and their overrides', async () => {
    const id = 'mot-cua';
    const created = await audited(
      () => as('POST', '/v1/admin/calendars', { id, name: 'Một cửa', parentId: 'default' }),
      201,
      { action: 'calendar.create', entity: 'calendar', entityId: id },
    );
    expect(created.row).toMatchObject({ before: null, after: { name: 'Một cửa' } });
    const replaced = await audited(
      () =>
        as('PUT', `/v1/admin/calendars/${id}`, {
          name: 'Một cửa (nghỉ Tết dài)',
          parentId: 'default',
          holidays: { tetDaysBefore: 2 },
        }),
      200,
      { action: 'calendar.replace', entity: 'calendar', entityId: id },
    );
    expect(replaced.row.before).toMatchObject({ name: 'Một cửa', holidays: null });
    expect(replaced.row.after).toMatchObject({ holidays: { tetDaysBefore: 2 } });
    const day = `/v1/admin/calendars/${id}/overrides/2026-12-05`;
    const set = await audited(() => as('PUT', day, { kind: 'working', note: 'Làm bù' }), 200, {
      action: 'calendar.override_set',
      entity: 'calendar',
      entityId: id,
    });
    expect(set.row).toMatchObject({
      before: null,
      after: { date: '2026-12-05', kind: 'working', note: 'Làm bù' },
    });
    await audited(() => as('DELETE', day), 204, {
      action: 'calendar.override_remove',
      entity: 'calendar',
      entityId: id,
    });
    await notAudited(() => as('DELETE', day), 404);
    await notAudited(
      () =>
        as('PUT', day, {
          kind: 'day_off',
          note: 'x',
          intervals: [{ start: '08:00', end: '09:00' }],
        }),
      400,
    );
    await notAudited(() => as('POST', '/v1/admin/calendars', { id: 'khac', name: 'x' }), 400);
    await notAudited(() => as('DELETE', '/v1/admin/calendars/default'), 409);
    const deleted = await audited(() => as('DELETE', `/v1/admin/calendars/${id}`), 204, {
      action: 'calendar.delete',
      entity: 'calendar',
      entityId: id,
    });
    expect(deleted.row).toMatchObject({ before: { name: 'Một cửa (nghỉ Tết dài)' }, after: null });
  });

  it('routing rules', async () => {
    const created = await audited(() => as('POST', '/v1/admin/routing-rules', RULE), 201, {
      action: 'routing_rule.create',
      entity: 'routing_rule',
    });
    const id = created.body.id as string;
    expect(created.row).toMatchObject({ entityId: id, after: { targetUnitCode: 'so-xay-dung' } });
    const replaced = await audited(
      () => as('PUT', `/v1/admin/routing-rules/${id}`, { ...RULE, targetUnitCode: 'triage' }),
      200,
      { action: 'routing_rule.replace', entity: 'routing_rule', entityId: id },
    );
    expect(replaced.row.before).toMatchObject({ targetUnitCode: 'so-xay-dung' });
    expect(replaced.row.after).toMatchObject({ targetUnitCode: 'triage' });
    await notAudited(
      () => as('PUT', `/v1/admin/routing-rules/${id}`, { ...RULE, targetUnitCode: 'khong-co' }),
      400,
    );
    await notAudited(() => as('POST', '/v1/admin/routing-rules', { ...RULE, strategy: 'x' }), 400);
    // A dry run stores nothing.
    await notAudited(
      () =>
        as('POST', '/v1/admin/routing-rules/dry-run', {
          categoryCode: 'xay-dung',
          text: 'Đường có ổ gà',
        }),
      200,
    );
    await audited(() => as('DELETE', `/v1/admin/routing-rules/${id}`), 204, {
      action: 'routing_rule.delete',
      entity: 'routing_rule',
      entityId: id,
    });
    await notAudited(() => as('DELETE', `/v1/admin/routing-rules/${id}`), 404);
  });

  it('SLA policies', async () => {
    const created = await audited(() => as('POST', '/v1/admin/sla-policies', SLA_POLICY), 201, {
      action: 'sla_policy.create',
      entity: 'sla_policy',
    });
    const id = created.body.id as string;
    expect(created.row).toMatchObject({ entityId: id, before: null });
    await notAudited(() => as('POST', '/v1/admin/sla-policies', SLA_POLICY), 409);
    const bad = { ...SLA_POLICY, resolution: { duration: 'P1W', unit: 'working' } };
    await notAudited(() => as('PUT', `/v1/admin/sla-policies/${id}`, bad), 400);
    const replaced = await audited(
      () =>
        as('PUT', `/v1/admin/sla-policies/${id}`, {
          ...SLA_POLICY,
          resolution: { duration: 'P5D', unit: 'working' },
        }),
      200,
      { action: 'sla_policy.replace', entity: 'sla_policy', entityId: id },
    );
    expect(replaced.row.before).toMatchObject({ resolution: { duration: 'P7D' } });
    expect(replaced.row.after).toMatchObject({ resolution: { duration: 'P5D' } });
    await audited(() => as('DELETE', `/v1/admin/sla-policies/${id}`), 204, {
      action: 'sla_policy.delete',
      entity: 'sla_policy',
      entityId: id,
    });
    await notAudited(() => as('DELETE', `/v1/admin/sla-policies/${id}`), 404);
  });

  it('blocked phones, by the number in E.164', async () => {
    const path = '/v1/admin/blocked-phones';
    const blocked = await audited(
      () => as('POST', path, { phone: '0912 345 678', reason: 'Tin rác' }),
      201,
      { action: 'blocked_phone.block', entity: 'blocked_phone', entityId: '+84912345678' },
    );
    expect(blocked.row).toMatchObject({ before: null, after: { reason: 'Tin rác' } });
    const again = await audited(
      () => as('POST', path, { phone: '+84912345678', reason: 'Quấy rối' }),
      201,
      { action: 'blocked_phone.block', entity: 'blocked_phone', entityId: '+84912345678' },
    );
    expect(again.row.before).toMatchObject({ reason: 'Tin rác' });
    await notAudited(() => as('POST', path, { phone: 'abc', reason: 'x' }), 400);
    await notAudited(() => as('POST', path, { phone: '0912345679', reason: '   ' }), 400);
    await audited(() => as('DELETE', `${path}/+84912345678`), 204, {
      action: 'blocked_phone.unblock',
      entity: 'blocked_phone',
      entityId: '+84912345678',
    });
    // Not blocked any more: nothing changes, nothing is recorded.
    await notAudited(() => as('DELETE', `${path}/+84912345678`), 204);
  });

  it('API keys and officials’ tokens, never with the secret or its hash', async () => {
    const issued = await audited(
      () => as('POST', '/v1/admin/api-keys', { name: 'Ứng dụng Open311' }),
      201,
      { action: 'api_key.issue', entity: 'api_key' },
    );
    const keyId = issued.body.id as string;
    expect(issued.row).toMatchObject({
      entityId: keyId,
      after: { name: 'Ứng dụng Open311', prefix: issued.body.prefix },
    });
    await notAudited(() => as('POST', '/v1/admin/api-keys', { name: '   ' }), 400);
    await audited(() => as('POST', `/v1/admin/api-keys/${keyId}/revoke`), 200, {
      action: 'api_key.revoke',
      entity: 'api_key',
      entityId: keyId,
    });
    await notAudited(() => as('DELETE', `/v1/admin/api-keys/${keyId}`), 200);

    const holder = await addOfficial(s.database.db, s.province.departmentUnitId, ['handler']);
    const tokens = `/v1/admin/officials/${holder}/tokens`;
    const token = await audited(
      () => as('POST', tokens, { name: 'Tổng đài', scopes: ['calls:write'] }),
      201,
      { action: 'official_token.issue', entity: 'official_token' },
    );
    const tokenId = token.body.id as string;
    expect(token.row).toMatchObject({
      entityId: tokenId,
      after: { officialId: holder, name: 'Tổng đài', tokenPrefix: token.body.tokenPrefix },
    });
    await notAudited(() => as('POST', tokens, { name: 'x', scopes: ['everything'] }), 400);
    const nobody = '00000000-0000-4000-8000-000000000000';
    await notAudited(
      () =>
        as('POST', `/v1/admin/officials/${nobody}/tokens`, { name: 'x', scopes: ['calls:write'] }),
      404,
    );
    await audited(() => as('DELETE', `${tokens}/${tokenId}`), 204, {
      action: 'official_token.revoke',
      entity: 'official_token',
      entityId: tokenId,
    });
    await notAudited(() => as('DELETE', `${tokens}/${tokenId}`), 404);

    const [keyRow] = await s.database.db
      .select()
      .from(tables.apiKeys)
      .where(eq(tables.apiKeys.id, keyId));
    const [tokenRow] = await s.database.db
      .select()
      .from(tables.officialTokens)
      .where(eq(tables.officialTokens.id, tokenId));
    const everything = JSON.stringify((await auditPage(s.baseUrl, '?limit=200')).items);
    for (const secret of [
      issued.body.key as string,
      keyRow!.keyHash,
      token.body.token as string,
      tokenRow!.tokenHash,
    ]) {
      expect(secret.length).toBeGreaterThan(20);
      expect(everything).not.toContain(secret);
    }
  });

  it('retrying a dead notification, without its address or text', async () => {
    const [dead] = await s.database.db
      .insert(tables.notifications)
      .values({
        template: 'case.received',
        channel: 'sms',
        recipientKey: 'citizen',
        address: '+84987654321',
        body: 'Nội dung riêng của người dân',
        status: 'dead',
        attempts: 5,
      })
      .returning({ id: tables.notifications.id });
    const retry = `/v1/admin/notifications/${dead!.id}/retry`;
    const { row } = await audited(() => as('POST', retry), 202, {
      action: 'notification.retry',
      entity: 'notification',
      entityId: dead!.id,
    });
    expect(row).toMatchObject({ before: { status: 'dead' }, after: { status: 'pending' } });
    expect(JSON.stringify(row)).not.toMatch(/84987654321|Nội dung riêng/);
    await notAudited(() => as('POST', retry), 409);
  });

  it('signing an official out everywhere and resetting their password', async () => {
    const o = await addOfficial(s.database.db, s.province.departmentUnitId, ['handler']);
    await audited(() => as('POST', `/v1/admin/officials/${o}/revoke-sessions`), 200, {
      action: 'official.sessions_revoke',
      entity: 'official',
      entityId: o,
    });
    const reset = await audited(() => as('POST', `/v1/admin/officials/${o}/reset-password`), 200, {
      action: 'official.password_reset',
      entity: 'official',
      entityId: o,
    });
    const [stored] = await s.database.db
      .select({ hash: tables.officials.passwordHash })
      .from(tables.officials)
      .where(eq(tables.officials.id, o));
    const text = JSON.stringify(reset.row);
    expect(text).not.toContain(reset.body.temporaryPassword as string);
    expect(text).not.toContain(stored!.hash!);
    const nobody = '00000000-0000-4000-8000-000000000000';
    await notAudited(() => as('POST', `/v1/admin/officials/${nobody}/reset-password`), 404);
  });

  it('records an admin-scoped token as its official, and the dashboard’s operations as the admin’s', async () => {
    await audited(
      () =>
        adminRequest(s.baseUrl, 'POST', '/v1/admin/blocked-phones', {
          phone: '0912000111',
          reason: 'Tin rác',
        }),
      201,
      {
        action: 'blocked_phone.block',
        entity: 'blocked_phone',
        officialId: s.province.adminOfficialId,
      },
    );
    const dashboard =
      (path: string, headers: Record<string, string> = admin.sameOrigin) =>
      async (): Promise<Reply> => {
        const res = await fetch(`${s.baseUrl}/admin/queues/api/queues${path}`, {
          method: 'PUT',
          headers,
        });
        await res.arrayBuffer();
        return { status: res.status, body: null };
      };
    await audited(dashboard('/routing/pause'), 200, {
      action: 'queue.pause',
      entity: 'queue',
      entityId: 'routing',
    });
    await audited(dashboard('/routing/resume'), 200, {
      action: 'queue.resume',
      entity: 'queue',
      entityId: 'routing',
    });
    await notAudited(dashboard('/no-such-queue/pause'), 404);
    // Without an administrator, or from another site: nothing happens, nothing is recorded.
    await notAudited(dashboard('/routing/pause', {}), 401);
    const crossSite = { cookie: admin.sameOrigin.cookie!, 'sec-fetch-site': 'cross-site' };
    await notAudited(dashboard('/routing/pause', crossSite), 403);
  });

  it('lists one entity’s changes newest first, a page at a time', async () => {
    const path = '/v1/admin/blocked-phones';
    for (const reason of ['một', 'hai', 'ba']) {
      expect((await as('POST', path, { phone: '0913000222', reason })).status).toBe(201);
    }
    const query = '?entity=blocked_phone&entityId=%2B84913000222';
    const all = await auditPage(s.baseUrl, query);
    expect(all.items.map((r) => (r.after as { reason: string }).reason)).toEqual([
      'ba',
      'hai',
      'một',
    ]);
    expect(all.nextBefore).toBeNull();
    const first = await auditPage(s.baseUrl, `${query}&limit=2`);
    expect(first.items.map((r) => r.id)).toEqual(all.items.slice(0, 2).map((r) => r.id));
    const second = await auditPage(s.baseUrl, `${query}&limit=2&before=${first.nextBefore}`);
    expect(second.items.map((r) => r.id)).toEqual([all.items[2]!.id]);
    expect(second.nextBefore).toBeNull();
    const calendars = await auditPage(s.baseUrl, '?entity=calendar');
    expect(calendars.items.length).toBeGreaterThan(0);
    expect(calendars.items.every((r) => r.entity === 'calendar')).toBe(true);
  });
});
