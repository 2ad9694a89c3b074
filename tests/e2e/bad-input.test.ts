import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startSystem, type TestSystem } from '../support/system.js';

interface ErrorBody {
  statusCode: number;
  code: string;
  errors: { field: string; reason: string; message: { vi: string; en: string } }[];
}

describe('bad input: a clear 4xx naming the field and the reason, and nothing written', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'badinput' });
  });
  afterAll(async () => {
    await sys.close();
  });

  const valid = { categoryCode: 'xay-dung', text: 'Công trình xây dựng gây ồn ban đêm.' };

  const cases: [string, unknown, number, string, string, Record<string, string>?][] = [
    ['missing text', { categoryCode: 'xay-dung' }, 400, 'text', 'required'],
    [
      'unknown category',
      { ...valid, categoryCode: 'khong-co' },
      400,
      'categoryCode',
      'unknown_category',
    ],
    ['text over the limit', { ...valid, text: 'a'.repeat(5001) }, 400, 'text', 'too_long'],
    ['blank text', { ...valid, text: '            ' }, 400, 'text', 'too_short'],
    ['malformed JSON', '{"categoryCode": "xay-dung", "text": ', 400, 'body', 'malformed_json'],
    [
      'a non-Vietnamese phone',
      { ...valid, citizen: { phone: '+14155552671' } },
      400,
      'citizen.phone',
      'not_vietnamese',
    ],
    [
      'a retired 11-digit mobile',
      { ...valid, citizen: { phone: '01681234567' } },
      400,
      'citizen.phone',
      'invalid_number',
    ],
    [
      'an oversized body',
      JSON.stringify({ ...valid, address: 'x'.repeat(70_000) }),
      413,
      'body',
      'too_large',
    ],
    ['an unknown field', { ...valid, secret: 1 }, 400, 'secret', 'unknown_field'],
    [
      'a U+0000 in the text (Postgres cannot store it)',
      { ...valid, text: 'Công trình xây dựng\u0000 gây ồn ban đêm.' },
      400,
      'text',
      'invalid_character',
    ],
    [
      'a lone surrogate in the address',
      '{"categoryCode":"xay-dung","text":"Công trình xây dựng gây ồn.","address":"\\ud800"}',
      400,
      'address',
      'invalid_character',
    ],
    [
      'a number past its column',
      { ...valid, location: { lat: 1e308, lng: 105.9 } },
      400,
      'location.lat',
      'out_of_range',
    ],
    [
      'an unknown commune',
      { ...valid, communeCode: 'xa-khong-co' },
      400,
      'communeCode',
      'unknown_commune',
    ],
    [
      'an unknown hotline',
      { ...valid, hotline: '0239 3999 999' },
      400,
      'hotline',
      'unknown_hotline',
    ],
    [
      'a bad e-mail',
      { ...valid, citizen: { email: 'not-an-email' } },
      400,
      'citizen.email',
      'invalid_format',
    ],
    ['a wrong type', { ...valid, isAnonymous: 'yes' }, 400, 'isAnonymous', 'wrong_type'],
    [
      'a form body',
      'text=hello',
      415,
      'content-type',
      'unsupported_media_type',
      { 'content-type': 'application/x-www-form-urlencoded' },
    ],
  ];

  it.each(cases)('%s', async (_name, body, status, field, reason, headers) => {
    const res = await postJson(sys.baseUrl, '/v1/cases', body, headers);
    expect(res.status).toBe(status);
    const err = res.body as unknown as ErrorBody;
    expect(err.statusCode).toBe(status);
    const problem = err.errors.find((e) => e.field === field && e.reason === reason);
    expect(problem, JSON.stringify(err.errors)).toBeDefined();
    expect(problem?.message.vi.length).toBeGreaterThan(0);
    expect(problem?.message.en.length).toBeGreaterThan(0);
  });

  it('wrote zero rows for all of them', async () => {
    const [row] = await sys.database.db.execute<{
      cases: number;
      events: number;
      outbox: number;
    }>(sql`
      select (select count(*)::int from cases) as cases,
             (select count(*)::int from case_events) as events,
             (select count(*)::int from outbox) as outbox`);
    expect(row).toEqual({ cases: 0, events: 0, outbox: 0 });
  });

  it('still accepts a valid case afterwards', async () => {
    expect((await postJson(sys.baseUrl, '/v1/cases', valid)).status).toBe(201);
  });
});
