import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneIdempotencyKeys } from '@hotline/core';
import { TEST_ADMIN_TOKEN } from '@hotline/testing';
import { addOfficial, bearerFor } from '../support/officials.js';
import { startProxiedSystem, type ProxiedSystem } from '../support/proxied-system.js';

/** A transaction's CommandComplete for COMMIT, as Postgres sends it: the server has committed. */
const COMMIT_DONE = 'C\x00\x00\x00\x0bCOMMIT\x00';
const IDEMPOTENCY_LOCK_CLASS = 0x69646b;

// Retrying a create after an uncertain answer (a 503, a lost connection) must return the first
// result, never file a second case: the key is stored in the case's own transaction.
describe('Idempotency-Key on the create routes', () => {
  let sys: ProxiedSystem;
  beforeAll(async () => {
    sys = await startProxiedSystem('idempotency');
  });
  afterAll(async () => {
    await sys?.close();
  });

  const createCase = (headers: Record<string, string>, text = 'Đèn đường hỏng cả tuần ở tổ 5.') =>
    sys.api.inject({
      method: 'POST',
      url: '/v1/cases',
      headers,
      payload: { categoryCode: 'xay-dung', text, citizen: { name: 'Nguyễn Văn An' } },
    });
  const countCases = async () =>
    (await sys.database.raw<{ n: number }[]>`select count(*)::int as n from cases`)[0]!.n;

  it('the same key twice: one case, the same answer, the second marked as replayed', async () => {
    const before = await countCases();
    const key = randomUUID();
    const first = await createCase({ 'idempotency-key': key });
    const second = await createCase({ 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers.location).toBe(first.headers.location);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await countCases()).toBe(before + 1);
    // The draft's Structured Field form ("…") is the same key.
    const quoted = await createCase({ 'idempotency-key': `"${key}"` });
    expect(quoted.json()).toEqual(first.json());
    expect(await countCases()).toBe(before + 1);
  });

  it('stores nothing readable: key and body hashed, the answer (owner token) encrypted', async () => {
    const key = randomUUID();
    const created = await createCase({ 'idempotency-key': key });
    const { trackingCode, ownerToken } = created.json<{
      trackingCode: string;
      ownerToken: string;
    }>();
    const rows = await sys.database.raw`select * from idempotency_keys`;
    const stored = JSON.stringify(rows);
    for (const secret of [key, trackingCode, ownerToken, 'Nguyễn Văn An', 'Đèn đường']) {
      expect(stored).not.toContain(secret);
    }
  });

  it('the same key with another body: 422 naming the header, nothing filed', async () => {
    const key = randomUUID();
    expect((await createCase({ 'idempotency-key': key })).statusCode).toBe(201);
    const before = await countCases();
    const other = await createCase({ 'idempotency-key': key }, 'Một nội dung khác hẳn lần trước.');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      errors: [{ field: 'idempotency-key', reason: 'key_reused' }],
    });
    expect(await countCases()).toBe(before);
  });

  it.each([
    ['too long', 'k'.repeat(256), 'too_long'],
    ['an empty quoted string', '""', 'invalid_format'],
    ['a space only', ' ', 'invalid_format'],
  ])('a bad key (%s): 400 naming the header', async (_label, key, reason) => {
    const res = await createCase({ 'idempotency-key': key });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: 'idempotency-key' })],
    });
    const [problem] = res.json<{ errors: { reason: string }[] }>().errors;
    expect([reason, 'invalid_format', 'too_long']).toContain(problem!.reason);
  });

  it('while the first request still runs, a retry with its key is a 409', async () => {
    const key = randomUUID();
    const keyHash = createHash('sha256').update(`\u0000${key}`).digest('hex');
    // The first request's transaction holds the key's lock until it ends: play that part.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = sys.database.raw.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${IDEMPOTENCY_LOCK_CLASS}::int,
                 hashtext(${'POST /v1/cases'} || ' ' || ${keyHash}))`;
      locked();
      await released;
    });
    await isLocked;
    const res = await createCase({ 'idempotency-key': key });
    release();
    await holder;
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'IDEMPOTENCY_KEY_IN_FLIGHT',
      errors: [{ field: 'idempotency-key', reason: 'request_in_flight' }],
    });
    expect((await createCase({ 'idempotency-key': key })).statusCode).toBe(201);
  });

  it('an answer lost after the commit: 503, and the retry returns that case', async () => {
    const before = await countCases();
    const key = randomUUID();
    const lost = sys.proxy.loseNextAnswerWith(COMMIT_DONE);
    const first = await createCase({ 'idempotency-key': key });
    await lost;
    // The case is stored, but the API could not know: it says so honestly.
    expect(first.statusCode, first.body).toBe(503);
    expect(Number(first.headers['retry-after'])).toBeGreaterThan(0);
    expect(await countCases()).toBe(before + 1);
    const retry = await createCase({ 'idempotency-key': key });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const { trackingCode } = retry.json<{ trackingCode: string }>();
    const [stored] = await sys.database.raw<{ n: number }[]>`
      select count(*)::int as n from cases where tracking_code = ${trackingCode.replace('-', '')}`;
    expect(stored!.n).toBe(1);
    expect(await countCases()).toBe(before + 1);
  });

  it('POST /v1/calls: the same key twice logs one call, keys are the official’s own', async () => {
    const call = {
      callerNumber: '0912 000 333',
      hotline: sys.province.hotlineNumber,
      startedAt: new Date(Date.now() - 300_000).toISOString(),
      endedAt: new Date(Date.now() - 60_000).toISOString(),
      summary: 'Người gọi báo cây đổ chắn ngang đường.',
      categoryCode: 'xay-dung',
    };
    const operators = await Promise.all(
      [0, 1].map(async () =>
        bearerFor(
          sys.baseUrl,
          await addOfficial(sys.database.db, sys.province.triageUnitId, ['operator']),
        ),
      ),
    );
    const key = randomUUID();
    const logCall = (operator = operators[0]!, payload = call) =>
      sys.api.inject({
        method: 'POST',
        url: '/v1/calls',
        headers: { ...operator, 'idempotency-key': key },
        payload,
      });
    const calls = async () =>
      (await sys.database.raw<{ n: number }[]>`select count(*)::int as n from call_logs`)[0]!.n;
    const before = await calls();
    const first = await logCall();
    const second = await logCall();
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await calls()).toBe(before + 1);
    // Another operator's keys are theirs: the same key is no reuse of the first's.
    const other = await logCall(operators[1], { ...call, callerNumber: '0912 000 444' });
    expect(other.statusCode, other.body).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(await calls()).toBe(before + 2);
  });

  it('Open311 POST requests: the same key twice files one request, in either format', async () => {
    const issued = await sys.api.inject({
      method: 'POST',
      url: '/v1/admin/api-keys',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      payload: { name: 'app' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const fields = new URLSearchParams({
      api_key: issued.json<{ key: string }>().key,
      service_code: 'xay-dung',
      lat: '18.3428',
      long: '105.9057',
      description: 'Ổ gà lớn giữa đường, xe máy dễ ngã.',
    }).toString();
    const key = randomUUID();
    const submit = (format: 'json' | 'xml') =>
      sys.api.inject({
        method: 'POST',
        url: `/open311/v2/requests.${format}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': key },
        payload: fields,
      });
    const before = await countCases();
    const first = await submit('json');
    expect(first.statusCode, first.body).toBe(200);
    const [request] = first.json<{ service_request_id: string }[]>();
    const again = await submit('xml');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toContain(`<service_request_id>${request!.service_request_id}<`);
    expect(await countCases()).toBe(before + 1);
  });

  it('keys live a day: the maintenance prune deletes older ones, and the key files anew', async () => {
    const key = randomUUID();
    expect(
      (await createCase({ 'idempotency-key': key }, 'Cống thoát nước tắc ở ngõ 7.')).statusCode,
    ).toBe(201);
    const kept = await pruneIdempotencyKeys({ db: sys.database.db }, new Date());
    expect(kept).toBe(0);
    const rows = async () =>
      (await sys.database.raw<{ n: number }[]>`select count(*)::int as n from idempotency_keys`)[0]!
        .n;
    const held = await rows();
    const pruned = await pruneIdempotencyKeys(
      { db: sys.database.db },
      new Date(Date.now() + 24 * 3600_000 + 60_000),
    );
    expect(pruned).toBe(held);
    expect(await rows()).toBe(0);
  });
});
