import fc from 'fast-check';
import type { JsonSchema, Operation } from './openapi.js';
import { valueOf } from './schema-arbitrary.js';

/** One request to send: values as the client means them, encoded by `toFetch`. */
export interface FuzzRequest {
  op: Operation;
  /** 'valid' or the name of the mutation that spoiled it. */
  kind: string;
  path: Record<string, string>;
  /** Path segments sent as written (already percent-encoded, or deliberately not). */
  rawPath: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body?: { type: string; payload: unknown } | { type: string; raw: string | Buffer };
}

/** Values that exist in the system under test, by parameter or header name. */
export type KnownValues = Record<string, string[]>;

const NUL = '\u0000';
// The characters Postgres refuses and out-of-range numbers come up twice as often: they are
// what reached the database as 500s before.
const MUTATIONS = [
  'nul',
  'nul',
  'extreme-number',
  'lone-surrogate',
  'wrong-type',
  'drop-field',
  'unknown-field',
  'extreme-number',
  'malformed-json',
  'wrong-content-type',
  'overlong',
  'bad-path',
  'bad-query',
  'broken-multipart',
  'empty-body',
] as const;
const EXTREME_NUMBERS = [1e20, -1e20, 2147483648, -2147483649, 0.5, -1, 2 ** 53 + 2, 1e308];
const EXTREME_QUERY = ['99999999999999999999', '-1', '1.5', '1e400', 'NaN', '', '0x10', NUL];
const EVIL_SEGMENTS = [
  '%00',
  '%',
  '%ZZ',
  'a'.repeat(3000),
  '%F0%9F%98%80',
  '..',
  '%ED%A0%80',
  '%C0%AE',
  '%20',
  '-1',
  '99999999999999999999',
  'K7QM-4RX9%00',
];
const WRONG_VALUES: unknown[] = [123, true, null, [], {}, 'text', [NUL], { a: { b: 1 } }];
const BOUNDARY = 'fuzzboundary';
// The smallest PNG: a valid attachment for the multipart routes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export const multipartBody = (file: Buffer, name = 'file') =>
  Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="a.png"\r\n` +
        'Content-Type: image/png\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);

const isMultipartRoute = (op: Operation) =>
  op.method === 'POST' && Object.keys(op.body).length === 0 && /attachments$/.test(op.path);

/** A value for a parameter: one the system knows (so lookups succeed) or one of the schema's. */
const paramValue = (name: string, schema: JsonSchema, known: KnownValues) => {
  const fromSchema = valueOf(schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  const values = known[name];
  return values && values.length > 0
    ? fc.oneof(fc.constantFrom(...values), fromSchema)
    : fromSchema;
};

/** Requests the operation's schemas accept, with known ids mixed in. */
export function validRequest(op: Operation, known: KnownValues): fc.Arbitrary<FuzzRequest> {
  const path: Record<string, fc.Arbitrary<string>> = {};
  const query: Record<string, fc.Arbitrary<string>> = {};
  const headers: Record<string, fc.Arbitrary<string>> = {};
  const requiredQuery: string[] = [];
  const requiredHeaders: string[] = [];
  for (const p of op.parameters) {
    const value = paramValue(p.name, p.schema, known);
    if (p.in === 'path') path[p.name] = value;
    if (p.in === 'query') {
      query[p.name] = value;
      if (p.required) requiredQuery.push(p.name);
    }
    if (p.in === 'header') {
      // Header values must be ByteStrings for fetch: others are a client error, not a test.
      headers[p.name] = value.filter((v) => /^[\x20-\x7e]*$/.test(v));
      if (p.required) requiredHeaders.push(p.name);
    }
  }
  const [type, schema] = Object.entries(op.body)[0] ?? [];
  const body: fc.Arbitrary<FuzzRequest['body']> = isMultipartRoute(op)
    ? fc.constant({ type: `multipart/form-data; boundary=${BOUNDARY}`, raw: multipartBody(PNG) })
    : type && schema
      ? valueOf(schema).map((payload) => ({ type, payload }))
      : fc.constant(undefined);
  return fc
    .record({
      path: fc.record(path),
      query: fc.record(query, { requiredKeys: requiredQuery }),
      headers: fc.record(headers, { requiredKeys: requiredHeaders }),
      body,
    })
    .map((r) => ({
      op,
      kind: 'valid',
      path: r.path,
      rawPath: {},
      query: Object.entries(r.query),
      headers: r.headers,
      ...(r.body ? { body: r.body } : {}),
    }));
}

type Key = string | number;
/** Paths to the primitive values of a JSON value. */
function leaves(value: unknown, at: Key[] = []): Key[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...at, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  }
  return [at];
}

function setAt(value: unknown, at: Key[], next: (old: unknown) => unknown): unknown {
  if (at.length === 0) return next(value);
  const [head, ...rest] = at;
  const copy = (
    Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }
  ) as Record<Key, unknown>;
  copy[head!] = setAt(copy[head!], rest, next);
  return copy;
}

const insertAt = (s: string, i: number, what: string) => {
  const at = i % (s.length + 1);
  return s.slice(0, at) + what + s.slice(at);
};

/** The request spoiled by one mutation; `pick` chooses where, `evil` which value. */
function mutate(req: FuzzRequest, kind: string, pick: number, evil: number): FuzzRequest {
  const out: FuzzRequest = {
    ...req,
    kind,
    rawPath: { ...req.rawPath },
    headers: { ...req.headers },
  };
  const payload = req.body && 'payload' in req.body ? req.body.payload : undefined;
  const bodyLeaves = req.body && 'payload' in req.body ? leaves(payload) : [];
  const leafAt = bodyLeaves.length > 0 ? bodyLeaves[pick % bodyLeaves.length]! : null;
  const withPayload = (p: unknown) => ({ ...out, body: { type: req.body!.type, payload: p } });
  const pathNames = Object.keys(req.path);
  const choose = <T>(xs: readonly T[]) => xs[evil % xs.length]!;
  switch (kind) {
    case 'nul':
    case 'lone-surrogate': {
      const bad = kind === 'nul' ? NUL : '\uD800';
      const places = bodyLeaves.length + req.query.length + pathNames.length;
      const i = places === 0 ? 0 : pick % places;
      if (i < bodyLeaves.length) {
        return withPayload(setAt(payload, bodyLeaves[i]!, (v) => insertAt(String(v), evil, bad)));
      }
      if (i < bodyLeaves.length + req.query.length) {
        out.query = req.query.map(([k, v], j) =>
          j === i - bodyLeaves.length ? [k, insertAt(v, evil, bad)] : [k, v],
        );
        return out;
      }
      const name = pathNames[i - bodyLeaves.length - req.query.length];
      if (name)
        out.rawPath[name] =
          kind === 'nul' ? `${encodeURIComponent(req.path[name]!)}%00` : '%ED%A0%80';
      else out.query = [...req.query, ['q', bad]];
      return out;
    }
    case 'wrong-type':
      return req.body && 'payload' in req.body
        ? withPayload(
            leafAt && pick % 3 !== 0
              ? setAt(payload, leafAt, () => choose(WRONG_VALUES))
              : choose(WRONG_VALUES),
          )
        : { ...out, body: { type: 'application/json', payload: choose(WRONG_VALUES) } };
    case 'drop-field': {
      if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
        const keys = Object.keys(payload);
        const drop = keys[pick % Math.max(1, keys.length)];
        return withPayload(Object.fromEntries(Object.entries(payload).filter(([k]) => k !== drop)));
      }
      out.query = req.query.filter((_, i) => i !== pick % Math.max(1, req.query.length));
      return out;
    }
    case 'unknown-field':
      if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
        return withPayload({
          ...payload,
          [`zz_${choose(['x', 'a.b', '__proto__', 'constructor', NUL])}`]: 1,
        });
      }
      out.query = [...req.query, ['zz_unknown', '1']];
      return out;
    case 'extreme-number':
      if (leafAt && pick % 2 === 0)
        return withPayload(setAt(payload, leafAt, () => choose(EXTREME_NUMBERS)));
      if (req.query.length > 0) {
        out.query = req.query.map(([k, v], j) =>
          j === pick % req.query.length ? [k, choose(EXTREME_QUERY)] : [k, v],
        );
        return out;
      }
      out.query = [
        ...req.query,
        [choose(['before', 'limit', 'offset', 'page']), choose(EXTREME_QUERY)],
      ];
      return out;
    case 'malformed-json': {
      const text = JSON.stringify(payload ?? { a: 1 });
      return { ...out, body: { type: 'application/json', raw: text.slice(0, pick % text.length) } };
    }
    case 'wrong-content-type': {
      const type = choose([
        'text/plain',
        'application/xml',
        'multipart/form-data',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
      ]);
      return { ...out, body: { type, raw: JSON.stringify(payload ?? { a: 1 }) } };
    }
    case 'overlong': {
      const long = choose(['ä'.repeat(70_000), 'x'.repeat(10_001), '😀'.repeat(3000)]);
      if (leafAt) return withPayload(setAt(payload, leafAt, () => long));
      // Node answers 431 itself past 16 KiB of request line and headers: stay below.
      out.query = [...req.query, [req.query[0]?.[0] ?? 'q', long.slice(0, 1500)]];
      return out;
    }
    case 'bad-path': {
      const name = pathNames[pick % Math.max(1, pathNames.length)];
      if (name) out.rawPath[name] = choose(EVIL_SEGMENTS);
      else out.query = [...req.query, ['id', choose(EVIL_SEGMENTS)]];
      return out;
    }
    case 'bad-query':
      out.query = [
        ...req.query,
        ...req.query.slice(0, 1),
        [choose(['limit', 'before', 'q', 'x[y]', 'format', 'from', 'to']), choose(EXTREME_QUERY)],
      ];
      return out;
    case 'broken-multipart': {
      const whole = multipartBody(PNG);
      const variants: { type: string; raw: Buffer }[] = [
        {
          type: `multipart/form-data; boundary=${BOUNDARY}`,
          raw: whole.subarray(0, pick % whole.length),
        },
        { type: 'multipart/form-data', raw: whole },
        { type: `multipart/form-data; boundary=${BOUNDARY}`, raw: Buffer.from('garbage\r\n--') },
        { type: `multipart/form-data; boundary=${BOUNDARY}`, raw: multipartBody(PNG, `f${NUL}`) },
        { type: `multipart/form-data; boundary=other`, raw: whole },
      ];
      return { ...out, body: choose(variants) };
    }
    case 'empty-body':
      return { ...out, body: { type: req.body?.type ?? 'application/json', raw: '' } };
    default:
      return out;
  }
}

/** Bad requests: a valid one spoiled by one mutation. */
export const badRequest = (op: Operation, known: KnownValues) =>
  fc
    .tuple(validRequest(op, known), fc.constantFrom(...MUTATIONS), fc.nat(), fc.nat())
    .map(([req, kind, pick, evil]) => mutate(req, kind, pick, evil));

/** The URL and fetch options of a request. */
export function toFetch(baseUrl: string, req: FuzzRequest, auth: Record<string, string>) {
  const path = req.op.path.replace(
    /\{([^}]+)\}/g,
    (_, name: string) => req.rawPath[name] ?? encodeURIComponent(req.path[name] ?? 'x'),
  );
  const search = new URLSearchParams(req.query).toString();
  const headers: Record<string, string> = { ...auth, ...req.headers };
  let body: string | Buffer | undefined;
  if (req.body) {
    headers['content-type'] = req.body.type;
    if ('raw' in req.body) body = req.body.raw;
    else if (req.body.type === 'application/x-www-form-urlencoded') {
      const form = new URLSearchParams();
      const flat = (req.body.payload ?? {}) as Record<string, unknown>;
      for (const [k, v] of Object.entries(typeof flat === 'object' ? flat : { value: flat })) {
        if (v !== null && typeof v === 'object') {
          for (const [sub, sv] of Object.entries(v)) form.append(`${k}[${sub}]`, String(sv));
        } else form.append(k, String(v));
      }
      body = form.toString();
    } else body = JSON.stringify(req.body.payload);
  }
  const method = req.op.method;
  return {
    url: `${baseUrl}${path}${search ? `?${search}` : ''}`,
    init: {
      method,
      headers,
      ...(body !== undefined && method !== 'GET' ? { body } : {}),
    } satisfies RequestInit,
  };
}
