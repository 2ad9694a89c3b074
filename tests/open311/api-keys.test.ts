import { createHash } from 'node:crypto';
import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { DEMO_OPEN311_API_KEY, demoProvince, seedDemoData } from '@hotline/demo';
import { createTestDatabase } from '@hotline/testing';
import { adminRequest, startSystem, type TestSystem } from '../support/system.js';
import { postForm } from './open311-client.js';

type Json = Record<string, unknown>;

describe('API keys for Open311 clients (admin)', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'apikeys' });
  });
  afterAll(async () => {
    await sys.close();
  });

  it('issues a key once, keeps only its hash, lists without it and records its use', async () => {
    const issued = await adminRequest(sys.baseUrl, 'POST', '/v1/admin/api-keys', {
      name: 'Ứng dụng Hà Tĩnh Số',
    });
    expect(issued.status).toBe(201);
    const key = issued.body!.key as string;
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.body).toMatchObject({
      name: 'Ứng dụng Hà Tĩnh Số',
      prefix: key.slice(0, 8),
      scopes: ['open311'],
      revokedAt: null,
      lastUsedAt: null,
    });
    const [row] = await sys.database.db
      .select()
      .from(tables.apiKeys)
      .where(eq(tables.apiKeys.id, issued.body!.id as string));
    expect(row!.keyHash).toBe(createHash('sha256').update(key).digest('hex'));

    const created = await postForm(sys.baseUrl, '/open311/v2/requests.json', {
      api_key: key,
      service_code: 'xay-dung',
      address_string: 'Xã A1',
      description: 'Nhà bên cạnh xây lấn ra đường đi chung của xóm.',
    });
    expect(created.status).toBe(200);

    const list = await adminRequest(sys.baseUrl, 'GET', '/v1/admin/api-keys');
    expect(list.status).toBe(200);
    const keys = list.body as unknown as Json[];
    const listed = keys.find((k) => k.id === issued.body!.id)!;
    expect(listed).not.toHaveProperty('key');
    expect(JSON.stringify(keys)).not.toContain(key);
    expect(listed.lastUsedAt).toEqual(expect.any(String) as unknown);
  });

  it('revokes by POST …/revoke or DELETE, at once and idempotently', async () => {
    const a = await adminRequest(sys.baseUrl, 'POST', '/v1/admin/api-keys', { name: 'a' });
    const revoked = await adminRequest(
      sys.baseUrl,
      'POST',
      `/v1/admin/api-keys/${a.body!.id as string}/revoke`,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body!.revokedAt).toEqual(expect.any(String) as unknown);
    const again = await adminRequest(
      sys.baseUrl,
      'DELETE',
      `/v1/admin/api-keys/${a.body!.id as string}`,
    );
    expect(again.body!.revokedAt).toBe(revoked.body!.revokedAt);
    const refused = await postForm(sys.baseUrl, '/open311/v2/requests.xml', {
      api_key: a.body!.key as string,
      service_code: 'xay-dung',
      address_string: 'Xã A1',
      description: 'Nhà bên cạnh xây lấn ra đường đi chung của xóm.',
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('<errors><error><code>403</code>');
  });

  it('answers 404 for an unknown key and 401 without the admin token', async () => {
    const missing = await adminRequest(
      sys.baseUrl,
      'DELETE',
      '/v1/admin/api-keys/00000000-0000-4000-8000-000000000000',
    );
    expect(missing.status).toBe(404);
    expect(missing.body!.code).toBe('API_KEY_NOT_FOUND');
    const res = await fetch(`${sys.baseUrl}/v1/admin/api-keys`);
    expect(res.status).toBe(401);
  });
});

describe('the demo data', () => {
  it('holds the demo Open311 key (hashed) and categories with keywords and groups', async () => {
    const database = await createTestDatabase('open311demo');
    try {
      await seedDemoData(database.db, demoProvince);
      const [key] = await database.db
        .select()
        .from(tables.apiKeys)
        .where(
          eq(
            tables.apiKeys.keyHash,
            createHash('sha256').update(DEMO_OPEN311_API_KEY).digest('hex'),
          ),
        );
      expect(key).toMatchObject({ revokedAt: null, scopes: ['open311'] });
      const grouped = await database.db
        .select()
        .from(tables.categories)
        .where(isNotNull(tables.categories.groupName));
      expect(grouped.length).toBeGreaterThan(0);
    } finally {
      await database.drop();
    }
  });
});
