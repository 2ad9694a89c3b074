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
