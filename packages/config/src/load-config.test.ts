import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';
import { createLogger } from './logger.js';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.displayTimeZone).toBe('Asia/Ho_Chi_Minh');
    expect(c.redisPrefix).toBe('{hotline}');
    expect(c.databaseUrl).toMatch(/^postgres:\/\//);
  });

  it('converts numbers and booleans from strings', () => {
    const c = loadConfig({ PORT: '8080', LOG_PRETTY: 'true', DATABASE_POOL_SIZE: '4' });
    expect(c).toMatchObject({
      port: 8080,
      logPretty: true,
      databasePoolSize: { api: 4, worker: 4 },
    });
  });

  it("puts the worker's health port at 3001, off under tests unless asked for", () => {
    expect(loadConfig({}).workerHealthPort).toBe(3001);
    expect(loadConfig({ NODE_ENV: 'test' }).workerHealthPort).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', WORKER_HEALTH_PORT: '4001' }).workerHealthPort).toBe(
      4001,
    );
    expect(() => loadConfig({ WORKER_HEALTH_PORT: '70000' })).toThrowError(/WORKER_HEALTH_PORT/);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://x'],
    ['LOG_LEVEL', 'loud'],
    ['TZ', 'Mars/Olympus'],
  ])('names the variable when %s=%s is invalid', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrowError(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrowError(new RegExp(variable));
  });

  it('says whether PUBLIC_BASE_URL was given, else guesses it from HOST and PORT', () => {
    expect(loadConfig({ PORT: '0' })).toMatchObject({
      publicBaseUrl: 'http://127.0.0.1:0',
      hasPublicBaseUrl: false,
    });
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://hotline.example.gov.vn/' })).toMatchObject({
      publicBaseUrl: 'https://hotline.example.gov.vn',
      hasPublicBaseUrl: true,
    });
  });

  it('refuses the development session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(/SESSION_SECRET/);
  });
});

describe('production refuses development values', () => {
  /** A production environment with nothing of development left. */
  const production = {
    NODE_ENV: 'production',
    SESSION_SECRET: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8',
    TWILIO_AUTH_TOKEN: 'f3e2d1c0b9a8f7e6d5c4',
    SMS_WEBHOOK_SECRETS: 'viettel:9f8e7d6c5b4a3928,android:0a1b2c3d4e5f6071',
    PUBLIC_BASE_URL: 'https://hotline.hatinh.gov.vn',
    METRICS_TOKEN: 'metrics-4f9a2c7e1b8d',
  };

  it('starts when every secret is its own', () => {
    expect(loadConfig(production)).toMatchObject({
      nodeEnv: 'production',
      metricsToken: production.METRICS_TOKEN,
      session: { cookieSecure: true },
    });
  });

  it.each([
    ['SESSION_SECRET', { SESSION_SECRET: undefined }],
    ['SESSION_SECRET', { SESSION_SECRET: 'development-only-secret-change-me-0123456789' }],
    ['TWILIO_AUTH_TOKEN', { TWILIO_AUTH_TOKEN: undefined }],
    ['TWILIO_AUTH_TOKEN', { TWILIO_AUTH_TOKEN: 'dev-twilio-auth-token' }],
    ['SMS_WEBHOOK_SECRETS', { SMS_WEBHOOK_SECRETS: undefined }],
    [
      'SMS_WEBHOOK_SECRETS',
      { SMS_WEBHOOK_SECRETS: 'viettel:9f8e7d6c5b4a3928,dev:dev-sms-webhook-secret' },
    ],
    ['SMS_WEBHOOK_SECRETS', { SMS_WEBHOOK_SECRETS: 'android:dev-sms-webhook-secret' }],
    ['COOKIE_SECURE', { COOKIE_SECURE: 'false' }],
    ['PUBLIC_BASE_URL', { PUBLIC_BASE_URL: undefined }],
    ['PUBLIC_BASE_URL', { PUBLIC_BASE_URL: 'http://hotline.hatinh.gov.vn' }],
    ['METRICS_TOKEN', { METRICS_TOKEN: undefined }],
  ])('refuses %s: %j', (variable, change) => {
    const env = { ...production, ...change };
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(
      new RegExp(`^Invalid environment variable ${variable}: holds a development value`),
    );
    // The same values are fine off production: the demo runs on them.
    expect(() => loadConfig({ ...env, NODE_ENV: 'development' })).not.toThrow();
  });

  it('allows plain http on the loopback address (a smoke test of a production build)', () => {
    expect(loadConfig({ ...production, PUBLIC_BASE_URL: 'http://127.0.0.1:3000' })).toMatchObject({
      publicBaseUrl: 'http://127.0.0.1:3000',
    });
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.0/8', ['10.0.0.0/8']],
    ['10.0.0.1, 192.168.0.0/16,fd00::/8,::1', ['10.0.0.1', '192.168.0.0/16', 'fd00::/8', '::1']],
  ])('reads %j as %j', (value, trustProxy) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(
      trustProxy,
    );
  });

  it.each(['yes', '10.0.0.0/33', '10.0.0', 'fd00::/129', '1,2', '101', ','])(
    'refuses %j, naming the variable',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrowError(/TRUST_PROXY/);
    },
  );
});

describe('createLogger', () => {
  it('redacts personal data at any depth', () => {
    const lines: string[] = [];
    const log = createLogger(
      { logLevel: 'info', logPretty: false },
      {},
      {
        write: (s: string) => void lines.push(s),
      },
    );
    log.info(
      { phone: '+84912345678', body: { citizen: { name: 'Nguyễn Văn A', email: 'a@b.vn' } } },
      'case submitted',
    );
    const out = lines.join('');
    expect(out).not.toContain('912345678');
    expect(out).not.toContain('Nguyễn');
    expect(out).not.toContain('a@b.vn');
    expect(out).toContain('[redacted]');
  });

  it("redacts a database error's row detail", () => {
    const lines: string[] = [];
    const log = createLogger(
      { logLevel: 'info', logPretty: false },
      {},
      {
        write: (s: string) => void lines.push(s),
      },
    );
    const err = Object.assign(new Error('new row violates check constraint'), {
      code: '23514',
      detail: 'Failing row contains (…, +84912345678, Nguyễn Văn A, …).',
    });
    log.error({ err }, 'insert failed');
    expect(lines.join('')).not.toContain('912345678');
    expect(lines.join('')).toContain('23514');
  });
});
