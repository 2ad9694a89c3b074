import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * The API answering fetch() without a socket: a test's requests to the origin it is given go
 * through `app.inject`, as a client's would over TCP (same headers as Node's fetch sends, same
 * redirects followed, same decompression), and every other URL goes to the real fetch. A
 * request costs about a third of the CPU of one over loopback, and no port is opened. Call
 * it before the app's first request (it adds a hook).
 */
export function serveByInject(api: FastifyInstance): { baseUrl: string; stop: () => void } {
  // A name that resolves nowhere: anything that bypasses fetch (a browser, a child process)
  // fails at once instead of reaching another file's server.
  const host = `api-${randomBytes(4).toString('hex')}.inject.test`;
  const port = 8080;
  const origin = `http://${host}:${port}`;
  // The portal writes its links from the address a connection reached (link-base.ts); an
  // injected request has no such end, so it is given this origin's.
  api.addHook('onRequest', async (request) => {
    Object.assign(request.raw.socket, { localAddress: host, localPort: port });
  });
  served.set(origin, api);
  if (globalThis.fetch !== injectingFetch) {
    realFetch = globalThis.fetch;
    globalThis.fetch = injectingFetch;
  }
  return { baseUrl: origin, stop: () => served.delete(origin) };
}

const served = new Map<string, FastifyInstance>();
let realFetch: typeof fetch = globalThis.fetch;

/** What Node's fetch adds to a request that does not set them. */
const FETCH_DEFAULTS: Record<string, string> = {
  accept: '*/*',
  'accept-language': '*',
  'sec-fetch-mode': 'cors',
  'user-agent': 'node',
  'accept-encoding': 'gzip, deflate',
};
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language'];

async function injectingFetch(input: string | URL | Request, init?: RequestInit) {
  const href = input instanceof Request ? input.url : String(input);
  if (!served.has(new URL(href).origin)) return realFetch(input, init);
  let request = new Request(input, init);
  for (let hop = 0; ; hop++) {
    const url = new URL(request.url);
    const api = served.get(url.origin);
    if (!api) return realFetch(request);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = { ...FETCH_DEFAULTS, host: url.host };
    request.headers.forEach((value, name) => (headers[name] = value));
    const reply = await api.inject({
      method: request.method as 'GET',
      url: url.pathname + url.search,
      headers,
      ...(body ? { payload: body } : {}),
    });
    const location = reply.headers.location;
    if (REDIRECTS.has(reply.statusCode) && typeof location === 'string') {
      if (request.redirect === 'error') throw new TypeError('fetch failed: redirect');
      if (request.redirect === 'follow') {
        if (hop >= 20) throw new TypeError('fetch failed: redirect count exceeded');
        request = redirected(request, reply.statusCode, new URL(location, url), body);
        continue;
      }
    }
    return toResponse(reply, request, hop > 0);
  }
}

/** The request a redirect leads to, as fetch makes it (303, and a POST on 301/302, turn GET). */
function redirected(from: Request, status: number, to: URL, body: Buffer | undefined) {
  const toGet =
    (status === 303 && from.method !== 'HEAD') ||
    ((status === 301 || status === 302) && from.method === 'POST');
  const headers = new Headers(from.headers);
  if (toGet) for (const name of BODY_HEADERS) headers.delete(name);
  return new Request(to, {
    method: toGet ? 'GET' : from.method,
    headers,
    redirect: from.redirect,
    ...(!toGet && body ? { body } : {}),
  });
}

function toResponse(
  reply: LightMyRequestResponse,
  request: Request,
  wasRedirected: boolean,
): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(reply.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, String(one));
  }
  const empty = NULL_BODY.has(reply.statusCode) || request.method === 'HEAD';
  const response = new Response(
    empty ? null : decoded(reply.rawPayload, headers.get('content-encoding')),
    { status: reply.statusCode, statusText: reply.statusMessage, headers },
  );
  Object.defineProperties(response, {
    url: { value: request.url },
    redirected: { value: wasRedirected },
  });
  return response;
}

/** The body as fetch hands it over: decompressed, the content-encoding header kept. */
function decoded(body: Buffer, encoding: string | null): Buffer {
  if (body.length === 0 || !encoding) return body;
  return encoding
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .reverse()
    .reduce((data, e) => {
      if (e === 'gzip' || e === 'x-gzip') return gunzipSync(data);
      if (e === 'deflate') return inflateSync(data);
      if (e === 'br') return brotliDecompressSync(data);
      return data;
    }, body);
}
