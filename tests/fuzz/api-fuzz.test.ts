import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '@hotline/core';
import { addSignInOfficial, call, PASSWORD, signIn } from '../auth/auth-client.js';
import { addOfficial } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import {
  badRequest,
  toFetch,
  validRequest,
  type FuzzRequest,
  type KnownValues,
} from './fuzz-requests.js';
import { FUZZ } from './fuzz-settings.js';
import { operationsOf, type OpenApiDocument, type Operation } from './openapi.js';

// Every operation of the OpenAPI document, driven with random valid and spoiled requests as a
// signed-in administrator: no 5xx, no hang, every 4xx in the error shape (a 400 naming a
// field), and nothing written by a request refused as bad input. About a minute by default;
// FUZZ_SECONDS (random phase), FUZZ_RUNS, FUZZ_PER_OPERATION for longer; FUZZ_SEED to replay.
const { seconds: SECONDS, perOperation: PER_OPERATION, runs: RUNS, seed: SEED } = FUZZ;
/** Longer than any honest answer here; shorter than the server's own request timeout. */
const ANSWER_WITHIN_MS = 10_000;
const TWILIO_TOKEN = 'fuzz-twilio-token-0123';
const GATEWAY_SECRET = 'fuzz-gateway-secret-0123';
const PUBLIC_BASE = 'https://hotline.fuzz.example';

/** Operations not fuzzed, and why. */
const SKIPPED: Record<string, string> = {
  'POST /v1/auth/sign-out': 'ends the fuzzer’s own session',
  'POST /v1/auth/password': 'wrong current passwords count towards locking the fuzzer’s account',
};

/** Bad input that must leave no row behind. */
const REFUSED_AS_BAD_INPUT = new Set([400, 413, 415]);

describe('fuzz: every operation of the OpenAPI document', () => {
  let sys: TestSystem;
  let ops: Operation[];
  let auth: Record<string, string>;
  let known: KnownValues;
  let countRows: () => Promise<string>;
  const figures = {
    requests: 0,
    byStatus: new Map<number, number>(),
    byOperation: new Map<string, number>(),
    serverErrors: 0,
  };

  beforeAll(async () => {
    sys = await startSystem({
      withWorker: false,
      label: 'fuzz',
      env: {
        RATE_LIMIT_PER_MINUTE: '1000000',
        RATE_LIMIT_READS_PER_MINUTE: '1000000',
        PHONE_CASE_LIMIT: '10000',
        OTP_SEND_LIMIT: '100',
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        SMS_WEBHOOK_SECRETS: `acme:${GATEWAY_SECRET}`,
        PUBLIC_BASE_URL: PUBLIC_BASE,
      },
    });
    const { db } = sys.database;
    const doc = (await (await fetch(`${sys.baseUrl}/docs/json`)).json()) as OpenApiDocument;
    ops = operationsOf(doc).filter((op) => !(`${op.method} ${op.path}` in SKIPPED));

    // An administrator who also holds every case role, signed in with a second factor.
    const unitId = sys.province.triageUnitId;
    const me = await addSignInOfficial(db, unitId, [
      'admin',
      'supervisor',
      'unit_leader',
      'handler',
      'operator',
    ]);
    const login = { login: me.email, password: PASSWORD };
    const enrolled = await call(sys.baseUrl, 'POST', '/v1/auth/totp/enroll', { body: login });
    const secret = enrolled.body!.secret as string;
    await call(sys.baseUrl, 'POST', '/v1/auth/totp/confirm', {
      body: { ...login, code: totpCode(secret) },
    });
    const session = await signIn(sys.baseUrl, me.email, PASSWORD, totpCode(secret));
    expect(session.status).toBe(200);
    auth = { cookie: session.cookie, 'x-csrf-token': session.csrf };

    // Ids that exist, so lookups succeed now and then: a case, a unit, an official (not the
    // fuzzer: its sessions must survive), a category.
    const created = await fetch(`${sys.baseUrl}/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        categoryCode: sys.province.categoryCode,
        text: 'Đèn đường hỏng ở ngõ 5 cả tuần nay.',
        citizen: { name: 'Nguyễn Văn A', phone: '0912345678' },
      }),
    });
    const submitted = (await created.json()) as { trackingCode: string; ownerToken: string };
    expect(created.status, JSON.stringify(submitted)).toBe(201);
    const { trackingCode, ownerToken } = submitted;
    const [row] = await db.execute<{ id: string }>(
      sql`select id from cases order by received_at desc limit 1`,
    );
    const other = await addOfficial(db, unitId, ['handler']);
    known = {
      trackingCode: [trackingCode],
      id: [row!.id, trackingCode],
      code: ['triage', 'so-xay-dung', sys.province.categoryCode],
      unitCode: ['so-xay-dung'],
      officialId: [other],
      provider: ['acme'],
      'x-case-token': [ownerToken],
    };

    // One count per table, to see whether a refused request wrote anything.
    const tables = await db.execute<{ name: string }>(
      sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
    );
    const counts = sql.join(
      tables.map((t) => sql`(select count(*) from ${sql.identifier(t.name)})::text`),
      sql`||','||`,
    );
    countRows = async () => {
      const [r] = await db.execute<{ counts: string }>(sql`select ${counts} as counts`);
      return r!.counts;
    };
  });

  afterAll(async () => {
    const statuses = [...figures.byStatus].sort(([a], [b]) => a - b);
    console.log(
      `fuzz: ${figures.requests} requests over ${figures.byOperation.size}/${ops.length} ` +
        `operations (${Object.keys(SKIPPED).length} skipped), ${figures.serverErrors} 5xx; ` +
        `statuses ${statuses.map(([s, n]) => `${s}×${n}`).join(' ')}`,
    );
    await sys.close();
    // A long run leaves thousands of Redis keys (rate limits, sign-in counters) to delete.
  }, 180_000);

  /** Signs the webhook requests as their senders would, so they reach validation. */
  function signed(req: FuzzRequest, url: string, init: RequestInit): RequestInit {
    const headers = { ...(init.headers as Record<string, string>) };
    if (
      req.op.path === '/webhooks/sms/twilio' &&
      req.body &&
      'payload' in req.body &&
      typeof init.body === 'string'
    ) {
      const params = Object.fromEntries(new URLSearchParams(init.body));
      headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(
        TWILIO_TOKEN,
        PUBLIC_BASE + new URL(url).pathname + new URL(url).search,
        params,
      );
    }
    if (req.op.path === '/webhooks/sms/{provider}' && typeof init.body === 'string') {
      const ts = String(Math.floor(Date.now() / 1000));
      headers['x-timestamp'] = ts;
      headers['x-signature'] = `sha256=${createHmac('sha256', GATEWAY_SECRET)
        .update(`${ts}.${init.body}`)
        .digest('hex')}`;
    }
    return { ...init, headers };
  }

  async function send(req: FuzzRequest) {
    const { url, init } = toFetch(sys.baseUrl, req, auth);
    const before = await countRows();
    const res = await fetch(url, {
      ...signed(req, url, init),
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
    const text = await res.text();
    const name = `${req.op.method} ${req.op.path}`;
    figures.requests += 1;
    figures.byStatus.set(res.status, (figures.byStatus.get(res.status) ?? 0) + 1);
    figures.byOperation.set(name, (figures.byOperation.get(name) ?? 0) + 1);
    if (res.status >= 500) figures.serverErrors += 1;
    const where = `${req.kind} ${init.method} ${url.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;
    expect(res.status, where).toBeLessThan(500);
    if (res.status >= 400) checkErrorShape(req.op, res, text, where);
    if (REFUSED_AS_BAD_INPUT.has(res.status)) expect(await countRows(), where).toBe(before);
  }

  function checkErrorShape(op: Operation, res: Response, text: string, where: string) {
    if (op.path.startsWith('/open311/') && !text.startsWith('{')) {
      // GeoReport v2's own shape: [{ code, description }] or <errors><error>…; only what
      // fails before routing (a URL that does not decode) is in ours.
      expect(text, where).toMatch(/"description"|<description>/);
      return;
    }
    expect(res.headers.get('content-type') ?? '', where).toMatch(/^application\/json/);
    const body = JSON.parse(text) as {
      statusCode?: unknown;
      code?: unknown;
      message?: unknown;
      errors?: { field?: unknown; reason?: unknown; message?: { vi?: unknown; en?: unknown } }[];
    };
    expect(body.statusCode, where).toBe(res.status);
    expect(typeof body.code, where).toBe('string');
    expect(typeof body.message, where).toBe('string');
    if (res.status === 400) {
      expect(body.errors?.length ?? 0, where).toBeGreaterThan(0);
      for (const e of body.errors ?? []) {
        expect(typeof e.field === 'string' && e.field.length > 0, where).toBe(true);
        expect(typeof e.reason, where).toBe('string');
        expect(typeof e.message?.vi === 'string' && typeof e.message.en === 'string', where).toBe(
          true,
        );
      }
    }
  }

  const requestFor = (op: Operation) =>
    fc.oneof(validRequest(op, known), badRequest(op, known), badRequest(op, known));
  const options = (extra: fc.Parameters<[FuzzRequest]>) => ({
    ...extra,
    ...(SEED === undefined ? {} : { seed: SEED }),
  });

  it(
    'each operation, a few requests: below 500, in the error shape, nothing written when refused',
    async () => {
      // Every operation in the document, so a new route is fuzzed without being listed.
      for (const op of ops) {
        await fc.assert(
          fc.asyncProperty(requestFor(op), send),
          options({ numRuns: PER_OPERATION }),
        );
      }
      const missed = ops.filter((op) => !figures.byOperation.has(`${op.method} ${op.path}`));
      expect(missed.map((op) => `${op.method} ${op.path}`)).toEqual([]);
    },
    (PER_OPERATION * 130 + 120) * 1000,
  );

  it(
    'random operations for the rest of the time, the same expectations',
    async () => {
      const request = fc.nat({ max: ops.length - 1 }).chain((i) => requestFor(ops[i]!));
      await fc.assert(
        fc.asyncProperty(request, send),
        options({
          numRuns: RUNS,
          interruptAfterTimeLimit: SECONDS * 1000,
          markInterruptAsFailure: false,
        }),
      );
    },
    (SECONDS + 120) * 1000,
  );
});
