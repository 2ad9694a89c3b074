import type { Env } from './env.schema.js';

/** How notifications leave the system: providers, SMS folding, retries. */
export interface NotificationConfig {
  sms: { provider: 'log' } | { provider: 'http'; url: string; token: string };
  /** Send Vietnamese SMS without diacritics, so it fits GSM-7 (160 characters a message). */
  smsFoldAscii: boolean;
  email: { provider: 'log'; from: string } | { provider: 'smtp'; url: string; from: string };
  /** Tries per message before it becomes a dead letter. */
  attempts: number;
  /** Base of the exponential backoff between tries: base, 2×base, 4×base… */
  backoffMs: number;
}

/** The notification settings; a provider chosen without its settings is a boot error. */
export function notificationConfig(
  e: Env,
  fail: (variable: string, reason: string) => Error,
): NotificationConfig {
  let sms: NotificationConfig['sms'] = { provider: 'log' };
  if (e.SMS_PROVIDER === 'http') {
    if (!e.SMS_HTTP_URL) throw fail('SMS_HTTP_URL', 'required when SMS_PROVIDER=http');
    if (!e.SMS_HTTP_TOKEN) throw fail('SMS_HTTP_TOKEN', 'required when SMS_PROVIDER=http');
    sms = { provider: 'http', url: e.SMS_HTTP_URL, token: e.SMS_HTTP_TOKEN };
  }
  let email: NotificationConfig['email'] = { provider: 'log', from: e.EMAIL_FROM };
  if (e.EMAIL_PROVIDER === 'smtp') {
    if (!e.SMTP_URL) throw fail('SMTP_URL', 'required when EMAIL_PROVIDER=smtp');
    email = { provider: 'smtp', url: e.SMTP_URL, from: e.EMAIL_FROM };
  }
  return {
    sms,
    smsFoldAscii: e.SMS_FOLD_ASCII,
    email,
    attempts: e.NOTIFICATION_ATTEMPTS,
    backoffMs: e.NOTIFICATION_BACKOFF_MS,
  };
}
