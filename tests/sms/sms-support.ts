import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { buildApp } from '@hotline/api';
import { createLogger, loadConfigWith } from '@hotline/config';
import { createRedis } from '@hotline/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
} from '@hotline/testing';

export const TWILIO_TOKEN = 'test-twilio-token-0123';
export const GENERIC_SECRET = 'test-gateway-secret-0123';
export const PUBLIC_BASE = 'https://hotline.example.gov.vn';

/** Signs and posts form params exactly as Twilio does (signature by the official library). */
export async function postTwilio(
  baseUrl: string,
  params: Record<string, string>,
  opts: { signUrl?: string; token?: string; signature?: string | null; tamper?: boolean } = {},
) {
  const path = '/webhooks/sms/twilio';
  const signature =
    opts.signature === undefined
      ? twilio.getExpectedTwilioSignature(
          opts.token ?? TWILIO_TOKEN,
          opts.signUrl ?? PUBLIC_BASE + path,
          params,
        )
      : opts.signature;
  const sent = opts.tamper ? { ...params, Body: `${params.Body ?? ''}!` } : params;
  const res = await fetch(baseUrl + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
    },
    body: new URLSearchParams(sent).toString(),
  });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

let sid = 0;
/** A Twilio-shaped SMS with a fresh MessageSid. */
export const sms = (
  from: string,
  to: string,
  body: string,
  extra: Record<string, string> = {},
) => ({
  MessageSid: `SM${Date.now().toString(16)}${(sid++).toString().padStart(8, '0')}`,
  AccountSid: 'AC00000000000000000000000000000000',
  From: from,
  To: to,
  Body: body,
  NumMedia: '0',
  ...extra,
});

/** Posts to the generic webhook with `X-Signature: sha256=hex(HMAC(ts + "." + body))`. */
export async function postGeneric(
  baseUrl: string,
  provider: string,
  message: Record<string, unknown>,
  opts: { secret?: string; timestamp?: number; tamper?: boolean } = {},
) {
  const raw = JSON.stringify(message);
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const mac = createHmac('sha256', opts.secret ?? GENERIC_SECRET)
    .update(`${ts}.${raw}`)
    .digest('hex');
  const res = await fetch(`${baseUrl}/webhooks/sms/${provider}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-timestamp': ts,
      'x-signature': `sha256=${mac}`,
    },
    body: opts.tamper ? raw.replace('}', ' }') : raw,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

/** The tracking code in a reply (XXXX-XXXX). */
export const codeIn = (text: string) => /([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(text)?.[1] ?? null;

/** The API alone (routing is driven by the tests) on a fresh database, with SMS settings. */
export async function startSmsSystem(label: string, env: Record<string, string>) {
  const database = await createTestDatabase(label);
  const province = await seedSmallProvince(database.db);
  const prefix = freshRedisPrefix();
  const config = loadConfigWith({
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    ...env,
  });
  const redis = createRedis(config.redisUrl, 'probe');
  redis.on('error', () => {});
  const api = await buildApp({
    config,
    db: database.db,
    sql: database.raw,
    redis,
    logger: createLogger(config),
  });
  await api.listen({ host: '127.0.0.1', port: 0 });
  const { port } = api.server.address() as AddressInfo;
  return {
    database,
    province,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await api.close();
      redis.disconnect();
      await database.drop();
      await deleteRedisPrefix(prefix);
    },
  };
}
export type SmsSystem = Awaited<ReturnType<typeof startSmsSystem>>;
