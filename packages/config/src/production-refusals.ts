import {
  DEV_SESSION_SECRET,
  DEV_SMS_WEBHOOK_SECRETS,
  DEV_TWILIO_AUTH_TOKEN,
} from './development-defaults.js';
import type { Env } from './env.schema.js';

/** The secrets in `provider:secret,…` (SMS_WEBHOOK_SECRETS), malformed pairs included. */
const webhookSecretsOf = (list: string) =>
  list.split(',').map((pair) => pair.slice(pair.indexOf(':') + 1).trim());

const DEV_WEBHOOK_SECRETS = new Set(webhookSecretsOf(DEV_SMS_WEBHOOK_SECRETS));

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True when PUBLIC_BASE_URL would make citizens' links and cookies travel in clear text. */
function isPlainHttpBase(url: string | undefined): boolean {
  if (url === undefined) return true;
  if (!URL.canParse(url)) return true;
  const { protocol, hostname } = new URL(url);
  return protocol !== 'https:' && !LOOPBACK_HOSTS.has(hostname);
}

interface Refusal {
  variable: string;
  /** Whether the value is one that exists only for development or the demo. */
  isDevelopmentValue: (e: Env) => boolean;
  /** What to do instead, ending the error message. */
  instead: string;
}

/**
 * Every development default or demo value a production process must not run with: anyone who
 * has read the docs could forge sessions, SMS (withdraw a case by `HUY <code>`, rate cases)
 * or read the metrics. One row per variable, checked at start; the first match is a ConfigError
 * naming it.
 */
export const PRODUCTION_REFUSALS: readonly Refusal[] = [
  {
    variable: 'SESSION_SECRET',
    // The TOTP secrets are sealed with a key derived from it (totpKeyFrom): one variable for both.
    isDevelopmentValue: (e) => e.SESSION_SECRET === DEV_SESSION_SECRET,
    instead: 'set a random secret of 32+ characters (it also seals the TOTP secrets)',
  },
  {
    variable: 'TWILIO_AUTH_TOKEN',
    isDevelopmentValue: (e) => e.TWILIO_AUTH_TOKEN === DEV_TWILIO_AUTH_TOKEN,
    instead: "set the auth token of the province's Twilio account",
  },
  {
    variable: 'SMS_WEBHOOK_SECRETS',
    isDevelopmentValue: (e) =>
      webhookSecretsOf(e.SMS_WEBHOOK_SECRETS).some((secret) => DEV_WEBHOOK_SECRETS.has(secret)),
    instead: "set each gateway's own secret (provider:secret,…), none of the development ones",
  },
  {
    variable: 'COOKIE_SECURE',
    isDevelopmentValue: (e) => !e.COOKIE_SECURE,
    instead: 'leave it true: session and owner cookies must never travel over plain http',
  },
  {
    variable: 'PUBLIC_BASE_URL',
    isDevelopmentValue: (e) => isPlainHttpBase(e.PUBLIC_BASE_URL),
    instead: 'set the https:// address citizens reach (plain http only on 127.0.0.1 or localhost)',
  },
  {
    variable: 'METRICS_TOKEN',
    isDevelopmentValue: (e) => e.METRICS_TOKEN === undefined,
    instead: 'set a random token of 16+ characters: /metrics then asks for it as a Bearer token',
  },
];

/** In production, the first variable still holding a development value, with what to do. */
export function developmentValueIn(e: Env): Refusal | undefined {
  if (e.NODE_ENV !== 'production') return undefined;
  return PRODUCTION_REFUSALS.find((rule) => rule.isDevelopmentValue(e));
}
