import type { Env } from './env.schema.js';

/** Inbound SMS: webhook keys, the joining window, how replies are sent. */
export interface SmsConfig {
  /** Key of X-Twilio-Signature. */
  twilioAuthToken: string;
  /** Secret of each generic gateway, by provider name (the `:provider` of the webhook path). */
  webhookSecrets: Record<string, string>;
  joinWindowMs: number;
  /** Credentials of Twilio's media URLs (account SID, auth token); null: none sent. */
  twilioMediaAuth: { username: string; password: string } | null;
  mediaFetchTimeoutMs: number;
  replyMode: 'twiml' | 'outbound';
}

/** Reads the SMS settings; `fail` builds the error naming the bad variable. */
export function smsConfig(e: Env, fail: (variable: string, reason: string) => Error): SmsConfig {
  // Development secrets are refused in production with the others (production-refusals.ts).
  const webhookSecrets: Record<string, string> = {};
  for (const pair of e.SMS_WEBHOOK_SECRETS.split(',')) {
    const at = pair.indexOf(':');
    const name = pair.slice(0, at).trim();
    const secret = pair.slice(at + 1).trim();
    if (at <= 0 || !/^[a-z0-9_-]+$/.test(name) || secret.length < 8) {
      throw fail('SMS_WEBHOOK_SECRETS', 'expected provider:secret pairs (secret 8+ characters)');
    }
    webhookSecrets[name] = secret;
  }
  return {
    twilioAuthToken: e.TWILIO_AUTH_TOKEN,
    webhookSecrets,
    joinWindowMs: e.SMS_JOIN_WINDOW_MS,
    twilioMediaAuth: e.TWILIO_ACCOUNT_SID
      ? { username: e.TWILIO_ACCOUNT_SID, password: e.TWILIO_AUTH_TOKEN }
      : null,
    mediaFetchTimeoutMs: e.MEDIA_FETCH_TIMEOUT_MS,
    replyMode: e.SMS_REPLY_MODE,
  };
}
