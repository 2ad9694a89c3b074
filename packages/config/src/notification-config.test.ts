import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

describe('notification settings', () => {
  it('defaults to the log providers, folded SMS, 5 tries from 2 s', () => {
    expect(loadConfig({}).notifications).toEqual({
      sms: { provider: 'log' },
      smsFoldAscii: true,
      email: { provider: 'log', from: 'Hotline <no-reply@hotline.local>' },
      attempts: 5,
      backoffMs: 2000,
    });
  });

  it('reads the HTTP SMS gateway and SMTP settings', () => {
    const c = loadConfig({
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: 'https://sms.example.vn/send',
      SMS_HTTP_TOKEN: 'tok',
      SMS_FOLD_ASCII: 'false',
      EMAIL_PROVIDER: 'smtp',
      SMTP_URL: 'smtps://user:pass@mail.example.vn:465',
      NOTIFICATION_ATTEMPTS: '3',
      NOTIFICATION_BACKOFF_MS: '100',
    }).notifications;
    expect(c).toMatchObject({
      sms: { provider: 'http', url: 'https://sms.example.vn/send', token: 'tok' },
      smsFoldAscii: false,
      email: { provider: 'smtp', url: 'smtps://user:pass@mail.example.vn:465' },
      attempts: 3,
      backoffMs: 100,
    });
  });

  it.each([
    [{ SMS_PROVIDER: 'http' }, 'SMS_HTTP_URL'],
    [{ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'https://x.vn' }, 'SMS_HTTP_TOKEN'],
    [{ EMAIL_PROVIDER: 'smtp' }, 'SMTP_URL'],
    [{ SMS_PROVIDER: 'carrier-pigeon' }, 'SMS_PROVIDER'],
    [{ NOTIFICATION_ATTEMPTS: '0' }, 'NOTIFICATION_ATTEMPTS'],
  ])('refuses %j, naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(new RegExp(variable));
  });
});
