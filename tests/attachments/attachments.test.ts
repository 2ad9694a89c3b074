import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { postJson, startSystem, type TestSystem } from '../support/system.js';

// The smallest valid PNG (1×1, transparent) and a PDF header: real magic bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

/** Citizens attach files to their own case; each file is checked by its bytes and size. */
describe('attachments on a citizen’s case', () => {
  let sys: TestSystem;
  let code: string;
  let token: string;
  let caseId: string;
  beforeAll(async () => {
    sys = await startSystem({
      label: 'attachments',
      withWorker: false,
      env: { ATTACHMENT_MAX_BYTES: '2048', ATTACHMENTS_PER_CASE: '3' },
    });
    const res = await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'xay-dung',
      text: 'Công trình lấn chiếm vỉa hè, có ảnh kèm theo.',
    });
    expect(res.status).toBe(201);
    code = res.body!.trackingCode as string;
    token = res.body!.ownerToken as string;
    const [row] = await sys.database.db
      .select({ id: tables.cases.id })
      .from(tables.cases)
      .where(eq(tables.cases.trackingCode, code.replace('-', '')));
    caseId = row!.id;
  });
  afterAll(() => sys.close());

  const upload = async (
    files: { name: string; bytes: Buffer; type?: string }[],
    headers: Record<string, string> = { 'x-case-token': token },
  ) => {
    const form = new FormData();
    for (const f of files) {
      form.append(
        'file',
        new Blob([f.bytes], { type: f.type ?? 'application/octet-stream' }),
        f.name,
      );
    }
    const res = await fetch(`${sys.baseUrl}/v1/cases/${code}/attachments`, {
      method: 'POST',
      headers,
      body: form,
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  const stored = () =>
    sys.database.db.select().from(tables.attachments).where(eq(tables.attachments.caseId, caseId));

  it('keeps a photo and a PDF with the type their bytes show, under the case', async () => {
    const res = await upload([
      { name: '../../ảnh vỉa hè.png', bytes: PNG, type: 'image/png' },
      { name: 'don.pdf', bytes: PDF, type: 'application/pdf' },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const rows = await stored();
    expect(rows.map((r) => [r.fileName, r.contentType, r.sizeBytes]).sort()).toEqual([
      ['don.pdf', 'application/pdf', PDF.length],
      ['ảnh vỉa hè.png', 'image/png', PNG.length],
    ]);
    const png = rows.find((r) => r.contentType === 'image/png')!;
    const onDisk = await readFile(join(sys.config.attachments.dir, png.storageKey!));
    expect(createHash('sha256').update(onDisk).digest('hex')).toBe(png.sha256);
  });

  it('refuses a file whose bytes are not an allowed type, whatever its name says', async () => {
    const res = await upload([
      { name: 'anh.jpg', bytes: Buffer.from('<script>alert(1)</script>'), type: 'image/jpeg' },
    ]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('file_type_not_allowed');
  });

  it('refuses a file over the size limit, and more files than a case may hold', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(4096)]);
    const tooBig = await upload([{ name: 'lon.png', bytes: big }]);
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.body)).toContain('file_too_large');
    expect((await upload([{ name: 'a.png', bytes: PNG }])).status).toBe(201);
    const fourth = await upload([{ name: 'b.png', bytes: PNG }]);
    expect(fourth.status).toBe(409);
    expect((await stored()).length).toBe(3);
  });

  it('without proof of ownership: 403, nothing kept', async () => {
    const before = (await stored()).length;
    expect((await upload([{ name: 'x.png', bytes: PNG }], {})).status).toBe(403);
    expect(
      (await upload([{ name: 'x.png', bytes: PNG }], { 'x-case-token': 'wrong' })).status,
    ).toBe(403);
    expect((await stored()).length).toBe(before);
  });
});
