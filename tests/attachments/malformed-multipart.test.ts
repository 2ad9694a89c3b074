import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSignInOfficial, PASSWORD, signIn } from '../auth/auth-client.js';
import { PNG, routedCase } from '../case-actions/helpers.js';
import { startSystem, type TestSystem } from '../support/system.js';

const BOUNDARY = 'hotlineboundary';
const part = (name: string, file: string, bytes: Buffer) =>
  Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${file}"\r\n` +
        'Content-Type: image/png\r\n\r\n',
    ),
    bytes,
    Buffer.from('\r\n'),
  ]);
const end = Buffer.from(`--${BOUNDARY}--\r\n`);
const whole = Buffer.concat([part('file', 'a.png', PNG), part('file', 'b.png', PNG), end]);

// The multipart reader's own errors (the parser's, rethrown) were 500s; each is now a 400
// naming the field, on both attachment routes, and nothing is stored, not even the files
// that came before the break.
const BODIES: [string, string, Buffer, string, string][] = [
  [
    'truncated after the first file',
    `multipart/form-data; boundary=${BOUNDARY}`,
    whole.subarray(0, whole.length - 40),
    'body',
    'malformed_multipart',
  ],
  ['a missing boundary', 'multipart/form-data', whole, 'body', 'malformed_multipart'],
  [
    'garbage',
    `multipart/form-data; boundary=${BOUNDARY}`,
    Buffer.from('not multipart at all'),
    'body',
    'malformed_multipart',
  ],
  [
    'a malformed part header',
    `multipart/form-data; boundary=${BOUNDARY}`,
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition\r\n\r\nxx\r\n--${BOUNDARY}--\r\n`),
    'file',
    'required',
  ],
  [
    'too many parts',
    `multipart/form-data; boundary=${BOUNDARY}`,
    Buffer.concat([...Array.from({ length: 7 }, (_, i) => part('file', `${i}.png`, PNG)), end]),
    'file',
    'too_many_files',
  ],
];

describe('malformed multipart bodies: a 400 naming the field, nothing stored', () => {
  let sys: TestSystem;
  let citizen: { url: string; headers: Record<string, string> };
  let official: { url: string; headers: Record<string, string> };

  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'multipart' });
    const submitted = await routedCase(sys);
    citizen = {
      url: `${sys.baseUrl}/v1/cases/${submitted.trackingCode}/attachments`,
      headers: { 'x-case-token': submitted.ownerToken ?? '' },
    };
    const leader = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, [
      'unit_leader',
    ]);
    const session = await signIn(sys.baseUrl, leader.email, PASSWORD);
    expect(session.status).toBe(200);
    official = {
      url: `${sys.baseUrl}/v1/cases/${submitted.trackingCode}/official-attachments`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    };
  });
  afterAll(async () => {
    await sys.close();
  });

  const attachments = async () => {
    const [row] = await sys.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from attachments`,
    );
    return row!.n;
  };

  for (const route of ['citizen', 'official'] as const) {
    it.each(BODIES)(`${route}: %s`, async (_name, type, body, field, reason) => {
      const target = route === 'citizen' ? citizen : official;
      const res = await fetch(target.url, {
        method: 'POST',
        headers: { ...target.headers, 'content-type': type },
        body,
      });
      const answer = (await res.json()) as { errors?: { field: string; reason: string }[] };
      expect(res.status, JSON.stringify(answer)).toBe(400);
      expect(answer.errors?.[0]).toMatchObject({ field, reason });
      expect(await attachments()).toBe(0);
    });
  }

  it('still stores a well-formed body', async () => {
    const res = await fetch(citizen.url, {
      method: 'POST',
      headers: { ...citizen.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: whole,
    });
    expect(res.status).toBe(201);
    expect(await attachments()).toBe(2);
  });
});
