// Officials and tokens kept in the API's memory (CredentialCache) against a real Postgres:
// kept while nothing changes, forgotten the moment a change commits (migration 0020's
// triggers), never served while the listening connection is down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialCache, type CredentialCache } from '@hotline/db';
import { createTestDatabase, seedSmallProvince, type TestDatabase } from '@hotline/testing';

let database: TestDatabase;
let cache: CredentialCache;
let unitId: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds, failing after `ms`. */
async function eventually(check: () => Promise<boolean> | boolean, ms = 3000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(10);
  }
}

/** A loader that counts its reads. */
function counted<T extends object>(value: T | null) {
  const loader = async () => {
    loader.reads += 1;
    return value;
  };
  loader.reads = 0;
  return loader;
}

beforeAll(async () => {
  database = await createTestDatabase('credentials');
  unitId = (await seedSmallProvince(database.db)).triageUnitId;
  cache = credentialCache(database.url);
  await eventually(() => cache.live);
});

afterAll(async () => {
  await cache.close();
  await database.drop();
});

async function addOfficialWithToken(): Promise<{ officialId: string; tokenId: string }> {
  const [official] = await database.raw<{ id: string }[]>`
    insert into officials (unit_id, full_name, email, roles)
    values (${unitId}, 'Cán bộ bộ nhớ', ${`mem${Date.now()}${Math.random()}@test.gov.vn`},
      '{handler}') returning id`;
  const [token] = await database.raw<{ id: string }[]>`
    insert into official_tokens (official_id, name, token_prefix, token_hash, scopes)
    values (${official!.id}, 't', 'hlt_xxxxxx', ${`hash-${Math.random()}`}, '{cases:read}')
    returning id`;
  return { officialId: official!.id, tokenId: token!.id };
}

describe('CredentialCache', () => {
  it('reads once and answers from memory while nothing changes', async () => {
    const load = counted({ who: 'a' });
    for (let i = 0; i < 5; i++) expect(await cache.get('k:steady', load)).toEqual({ who: 'a' });
    expect(load.reads).toBe(1);
  });

  it('never keeps "not found", so unknown tokens cannot fill memory', async () => {
    const load = counted<object>(null);
    await cache.get('k:missing', load);
    await cache.get('k:missing', load);
    expect(load.reads).toBe(2);
  });

  it('forgets when a token is revoked, by another connection (another API process)', async () => {
    const { tokenId } = await addOfficialWithToken();
    const load = counted({ who: 'token' });
    await cache.get('k:token', load);
    await cache.get('k:token', load);
    expect(load.reads).toBe(1);
    await database.raw`update official_tokens set revoked_at = now() where id = ${tokenId}`;
    await eventually(async () => (await cache.get('k:token', load), load.reads === 2));
  });

  it('keeps what a write that changes no credential leaves as it was (a token used)', async () => {
    const { tokenId } = await addOfficialWithToken();
    const load = counted({ who: 'used' });
    await cache.get('k:used', load);
    await database.raw`update official_tokens set last_used_at = now() where id = ${tokenId}`;
    await database.raw`update officials set totp_last_step = coalesce(totp_last_step, 0) + 1`;
    // A notification arrives within milliseconds here; give it ample time to (not) come.
    await sleep(300);
    await cache.get('k:used', load);
    expect(load.reads).toBe(1);
  });

  it.each([
    [
      'an official deactivated',
      (o: string) => database.raw`update officials set is_active = false where id = ${o}`,
    ],
    [
      'an official’s roles changed',
      (o: string) => database.raw`update officials set roles = '{unit_leader}' where id = ${o}`,
    ],
    [
      'a unit added below another (a leader’s subtree)',
      () =>
        database.raw`insert into admin_units (code, name, kind, parent_id) values (${`u${Date.now()}`}, 'Đơn vị mới', 'agency', ${unitId})`,
    ],
    [
      'a hotline given another owner',
      (o: string) => database.raw`update hotlines set owner_official_id = ${o}`,
    ],
  ])('forgets when %s', async (_label, change) => {
    const { officialId } = await addOfficialWithToken();
    const load = counted({ who: officialId });
    await cache.get(`k:${officialId}`, load);
    await change(officialId);
    await eventually(async () => (await cache.get(`k:${officialId}`, load), load.reads === 2));
  });

  it('does not keep a value read while a change was committing', async () => {
    const { tokenId } = await addOfficialWithToken();
    let reads = 0;
    const staleRead = async () => {
      reads += 1;
      if (reads === 1) {
        // The change commits after this read began; its notification arrives before it ends.
        await database.raw`update official_tokens set scopes = '{}' where id = ${tokenId}`;
        await sleep(200);
      }
      return { read: reads };
    };
    await cache.get('k:straddle', staleRead);
    expect(await cache.get('k:straddle', staleRead)).toEqual({ read: 2 });
  });

  it('answers nothing from memory while its connection is down, and comes back', async () => {
    const load = counted({ who: 'outage' });
    await cache.get('k:outage', load);
    await database.raw`select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = 'hotline-credentials' and datname = current_database()`;
    await eventually(() => !cache.live);
    // Down: every read goes to the database (a change now would not be heard).
    await cache.get('k:outage', load);
    await cache.get('k:outage', load);
    expect(load.reads).toBeGreaterThanOrEqual(2);
    await eventually(() => cache.live, 5000);
    const before = load.reads;
    await cache.get('k:outage', load);
    await cache.get('k:outage', load);
    expect(load.reads).toBe(before + 1);
  });

  it('keeps nothing longer than its time to live', async () => {
    let clock = 1_000_000;
    const short = credentialCache(database.url, { ttlMs: 1000, now: () => clock });
    try {
      await eventually(() => short.live);
      const load = counted({ who: 'ttl' });
      await short.get('k', load);
      clock += 999;
      await short.get('k', load);
      expect(load.reads).toBe(1);
      clock += 1;
      await short.get('k', load);
      expect(load.reads).toBe(2);
    } finally {
      await short.close();
    }
  });
});
