import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../support/system.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent: fetch would decode them and hide the encoding. */
  bytes: Buffer;
}

function rawGet(baseUrl: string, path: string, acceptEncoding?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    const req = request(baseUrl + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          bytes: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (res: RawResponse) => {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.bytes).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(res.bytes).toString('utf8');
  return res.bytes.toString('utf8');
};

describe('the browser UI is compressed when the browser asks, and only then', () => {
  let sys: TestSystem;
  let assets: { css: string; js: string };
  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'portal-compression', withWorker: false });
    const home = decoded(await rawGet(sys.baseUrl, '/'));
    const href = (re: RegExp) => re.exec(home)?.[1]?.replace(/&amp;/g, '&');
    assets = {
      css: href(/<link rel="stylesheet" href="([^"]+)"/)!,
      js: href(/<script src="([^"]+)"/)!,
    };
  });
  afterAll(async () => {
    await sys?.close();
  });

  /** Asked for each encoding, then for none: the same bytes once decoded. */
  const expectCompressed = async (path: string, type: RegExp) => {
    const plain = await rawGet(sys.baseUrl, path);
    expect(plain.status, path).toBe(200);
    expect(plain.headers['content-type']).toMatch(type);
    expect(plain.headers['content-encoding'], `${path} unasked`).toBeUndefined();
    const identity = await rawGet(sys.baseUrl, path, 'identity');
    expect(identity.headers['content-encoding'], `${path} identity`).toBeUndefined();
    for (const encoding of ['br', 'gzip']) {
      const res = await rawGet(sys.baseUrl, path, `${encoding}, identity;q=0.5`);
      expect(res.status, `${path} ${encoding}`).toBe(200);
      expect(res.headers['content-encoding'], `${path} ${encoding}`).toBe(encoding);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.bytes.length).toBeLessThan(plain.bytes.length / 2);
      expect(decoded(res)).toBe(plain.bytes.toString('utf8'));
    }
    return plain;
  };

  it('a page: brotli or gzip as accepted, plain otherwise; still varies by cookie', async () => {
    const plain = await expectCompressed('/duong-day-nong', /^text\/html/);
    expect(plain.bytes.toString('utf8')).toMatch(/^<!doctype html>/);
    const br = await rawGet(sys.baseUrl, '/duong-day-nong', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/cookie/i);
  });

  it('the portal’s stylesheet and script', async () => {
    expect(assets.css).toMatch(/^\/assets\/portal\/portal\.css\?v=/);
    await expectCompressed(assets.css, /^text\/css/);
    await expectCompressed(assets.js, /javascript/);
  });

  it('the console’s page and script (served by the same service)', async (ctx) => {
    const index = await rawGet(sys.baseUrl, '/console/');
    // Only a build has a script to serve (`pnpm --filter @hotline/web build`).
    if (index.status === 503) ctx.skip();
    const script = /<script[^>]*src="(\/console\/assets\/[^"]+\.js)"/.exec(decoded(index))?.[1];
    expect(script).toBeDefined();
    await expectCompressed(script!, /javascript/);
  });

  it('the API’s JSON is left as it was', async () => {
    const res = await rawGet(sys.baseUrl, '/v1/categories', 'gzip, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.bytes.toString('utf8'))).toHaveProperty('categories');
  });
});
