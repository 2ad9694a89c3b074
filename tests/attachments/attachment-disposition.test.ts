import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG, routedCase } from '../case-actions/helpers.js';
import { addOfficial, bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
// Three MPEG audio frame headers: what file-type recognises as audio/mpeg.
const MP3 = (() => {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat([frame, frame, frame]);
})();

const directivesOf = (csp: string | null) =>
  new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );

/** How the authorised file route answers: inline for photos and PDFs only, never sniffed. */
describe('a case file as the case page loads it', () => {
  let sys: TestSystem;
  let handler: Record<string, string>;
  let caseId: string;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    sys = await startSystem({ label: 'attachment_disposition', withWorker: false });
    const handlerId = await addOfficial(sys.database.db, sys.province.triageUnitId, ['handler']);
    handler = await bearerFor(sys.baseUrl, handlerId);
    caseId = (await routedCase(sys)).caseId;
    for (const [name, bytes, type] of [
      ['anh.png', PNG, 'image/png'],
      ['bien-ban.pdf', PDF, 'application/pdf'],
      ['ghi-am.mp3', MP3, 'audio/mpeg'],
    ] as const) {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type }), name);
      const res = await fetch(`${sys.baseUrl}/v1/cases/${caseId}/official-attachments`, {
        method: 'POST',
        headers: { authorization: handler.authorization! },
        body: form,
      });
      expect(res.status).toBe(201);
    }
    const detail = await fetch(`${sys.baseUrl}/v1/cases/${caseId}/detail`, { headers: handler });
    const body = (await detail.json()) as {
      attachments: { id: string; fileName: string; preview: string | null }[];
    };
    for (const a of body.attachments) ids.set(a.fileName, a.id);
    expect(Object.fromEntries(body.attachments.map((a) => [a.fileName, a.preview]))).toEqual({
      'anh.png': 'image',
      'bien-ban.pdf': 'pdf',
      'ghi-am.mp3': null,
    });
  }, 60_000);
  afterAll(async () => {
    await sys?.close();
  });

  const get = (name: string) =>
    fetch(`${sys.baseUrl}/v1/cases/${caseId}/attachments/${ids.get(name)}`, {
      headers: { authorization: handler.authorization! },
    });

  it('serves a photo inline, framed by nobody', async () => {
    const res = await get('anh.png');
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="anh.png"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const csp = directivesOf(res.headers.get('content-security-policy'));
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.has('sandbox')).toBe(true);
  });

  it('serves a PDF inline, framed only by our own pages', async () => {
    const res = await get('bien-ban.pdf');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="bien-ban.pdf"/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const csp = directivesOf(res.headers.get('content-security-policy'));
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
    expect(csp.get('script-src') ?? csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.has('object-src') ? csp.get('object-src') : ["'none'"]).toEqual(["'none'"]);
  });

  it('has any other type downloaded', async () => {
    const res = await get('ghi-am.mp3');
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="ghi-am.mp3"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('is not public: without a credential the file is refused', async () => {
    const res = await fetch(`${sys.baseUrl}/v1/cases/${caseId}/attachments/${ids.get('anh.png')}`);
    expect(res.status).toBe(401);
  });

  it('lets the console frame our own pages only', async () => {
    const res = await fetch(`${sys.baseUrl}/console/`);
    const csp = directivesOf(res.headers.get('content-security-policy'));
    expect(csp.get('frame-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
