import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routedCase } from '../case-actions/helpers.js';
import { addOfficial, bearerFor } from '../support/officials.js';
import { getJson, postJson, startSystem, type TestSystem } from '../support/system.js';

// The same number as a citizen gave it, and as officials may type it.
const PHONE = '0912 345 678';
const PHONE_FORMS = ['0912345678', '+84912345678', '84-912-345-678', '0912.345.678'];

type Found = {
  readAs: string;
  cases: { trackingCode: string; category: { name: string } }[];
  hasMore: boolean;
};

describe('the console’s case lookup (POST /v1/console/case-lookup)', () => {
  let sys: TestSystem;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  let operator: Record<string, string>;
  let triageHandler: Record<string, string>;
  let departmentHandler: Record<string, string>;
  let code: string;
  let secondCode: string;
  let anonymousCode: string;

  beforeAll(async () => {
    sys = await startSystem({
      label: 'case-lookup',
      withWorker: false,
      logTo: sink,
      env: { LOG_LEVEL: 'debug', LOG_PRETTY: 'false' },
    });
    const { db } = sys.database;
    operator = await bearerFor(
      sys.baseUrl,
      await addOfficial(db, sys.province.triageUnitId, ['operator']),
    );
    triageHandler = await bearerFor(
      sys.baseUrl,
      await addOfficial(db, sys.province.triageUnitId, ['handler']),
    );
    departmentHandler = await bearerFor(
      sys.baseUrl,
      await addOfficial(db, sys.province.departmentUnitId, ['handler']),
    );
    // All three at the triage centre: in the triage handler's scope, not the department's.
    code = (await routedCase(sys, { phone: PHONE })).trackingCode;
    secondCode = (await routedCase(sys, { phone: '+84 912 345 678' })).trackingCode;
    anonymousCode = (await routedCase(sys, { phone: '0987654321', isAnonymous: true }))
      .trackingCode;
  }, 60_000);
  afterAll(async () => {
    await sys?.close();
  });

  const lookup = async (headers: Record<string, string>, query: string) =>
    postJson(sys.baseUrl, '/v1/console/case-lookup', { query }, headers);
  const codesOf = (body: unknown) => (body as Found).cases.map((c) => c.trackingCode).sort();

  it('finds a case by its code, with or without the dash, in any case', async () => {
    for (const typed of [code, code.replace('-', ''), code.toLowerCase(), ` ${code} `]) {
      const res = await lookup(operator, typed);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ readAs: 'tracking_code', hasMore: false });
      expect(codesOf(res.body)).toEqual([code]);
      expect((res.body as Found).cases[0]!.category.name).toBe('Xây dựng');
    }
  });

  it('finds every case from a phone number, however the number is written', async () => {
    for (const typed of PHONE_FORMS) {
      const res = await lookup(operator, typed);
      expect(res.status).toBe(200);
      expect((res.body as Found).readAs).toBe('phone');
      expect(codesOf(res.body)).toEqual([code, secondCode].sort());
    }
  });

  it('finds nothing outside the official’s scope', async () => {
    expect(codesOf((await lookup(triageHandler, code)).body)).toEqual([code]);
    expect(codesOf((await lookup(departmentHandler, code)).body)).toEqual([]);
    expect(codesOf((await lookup(departmentHandler, PHONE)).body)).toEqual([]);
  });

  it('never ties a phone number to an anonymous case for an official not shown its contact', async () => {
    expect(codesOf((await lookup(operator, '0987 654 321')).body)).toEqual([anonymousCode]);
    expect(codesOf((await lookup(triageHandler, '0987 654 321')).body)).toEqual([]);
    // Its code, which names nobody, still finds it.
    expect(codesOf((await lookup(triageHandler, anonymousCode)).body)).toEqual([anonymousCode]);
  });

  it('says which field is wrong when the text is neither a code nor a phone number', async () => {
    for (const typed of ['đèn đường', 'K7QM', '12345']) {
      const res = await lookup(operator, typed);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('not_a_tracking_code_or_phone');
      expect(JSON.stringify(res.body)).toContain('query');
    }
    expect((await lookup(operator, '')).status).toBe(400);
    const anonymous = await postJson(sys.baseUrl, '/v1/console/case-lookup', { query: code });
    expect(anonymous.status).toBe(401);
  });

  it('“all cases” text search finds a case by its code', async () => {
    const supervisor = await bearerFor(
      sys.baseUrl,
      await addOfficial(sys.database.db, sys.province.triageUnitId, ['supervisor']),
    );
    for (const typed of [code, code.replace('-', '').toLowerCase()]) {
      const res = await getJson(
        sys.baseUrl,
        `/v1/queues/all?q=${encodeURIComponent(typed)}`,
        supervisor,
      );
      expect(res.status).toBe(200);
      const items = res.body.items as { trackingCode: string }[];
      expect(items.map((i) => i.trackingCode)).toEqual([code]);
    }
    // Words still search the text.
    const words = await getJson(sys.baseUrl, '/v1/queues/all?q=v%E1%BB%89a%20h%C3%A8', supervisor);
    expect((words.body.items as unknown[]).length).toBe(3);
  });

  it('writes no phone number to the log, in any form', () => {
    const log = lines.join('');
    expect(log).toContain('case-lookup');
    for (const digits of ['912345678', '912 345 678', '912-345-678', '912.345.678', '987654321']) {
      expect(log).not.toContain(digits);
    }
  });
});
