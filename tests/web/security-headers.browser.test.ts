import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@hotline/api';
import { createLogger } from '@hotline/config';
import { createRedis } from '@hotline/queue';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { startSystem, TEST_ADMIN_TOKEN, type TestSystem } from '../support/system.js';

const directivesOf = (csp: string | null) =>
  new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );

/** What every response must carry, whatever produced it. */
function expectCommonHeaders(headers: Headers, what: string) {
  const csp = directivesOf(headers.get('content-security-policy'));
  expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(csp.get('object-src'), what).toEqual(["'none'"]);
  expect(csp.get('script-src'), what).toEqual(["'self'"]);
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('same-origin');
  return csp;
}

/** CSP violations the page reported in its console. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

describe('security headers on the API, console, portal, docs and dashboard', () => {
  let sys: TestSystem;
  let browser: Browser;
  // The dashboard takes an administrator's session or an admin-scoped API token.
  const adminBearer = `Bearer ${TEST_ADMIN_TOKEN}`;

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'headers', withWorker: false });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  it.each([
    ['API JSON', '/v1/categories', 200],
    ['probe', '/healthz', 200],
    ['an unknown route', '/v1/nothing-here', 404],
    ['a bad request', '/v1/cases/NOPE-NOPE', 400],
  ])('%s: strict policy, no inline styles', async (what, path, status) => {
    const res = await fetch(sys.baseUrl + path);
    expect(res.status).toBe(status);
    const csp = expectCommonHeaders(res.headers, what);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // PUBLIC_BASE_URL is plain http here: no HSTS.
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it.each([
    ['the console', '/console/', 200],
    ['a console page', '/console/cases/ABCD-EFGH', 200],
    ['Swagger UI', '/docs/static/index.html', 200],
    ['the dashboard, refused', '/admin/queues', 401],
  ])('%s: inline styles allowed, never inline scripts', async (what, path, status) => {
    const res = await fetch(sys.baseUrl + path);
    expect(res.status).toBe(status);
    const csp = expectCommonHeaders(res.headers, what);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('the portal keeps its own stricter policy, with the same framing rules', async () => {
    const res = await fetch(`${sys.baseUrl}/`);
    expect(res.status).toBe(200);
    const csp = expectCommonHeaders(res.headers, 'portal');
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });

  it('sends HSTS only when PUBLIC_BASE_URL is https', async () => {
    const redis = createRedis(sys.config.redisUrl, 'probe');
    redis.on('error', () => {});
    const config = { ...sys.config, publicBaseUrl: 'https://hotline.hatinh.gov.vn' };
    const app: FastifyInstance = await buildApp({
      config,
      db: sys.database.db,
      sql: sys.database.raw,
      redis,
      logger: createLogger(config),
    });
    try {
      for (const url of ['/v1/categories', '/', '/console/']) {
        const res = await app.inject({ url });
        expect(res.headers['strict-transport-security'], url).toMatch(/^max-age=31536000/);
      }
    } finally {
      await app.close();
      redis.disconnect();
    }
  });

  it('Swagger UI still renders at /docs in Chromium, without a CSP violation', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations = cspViolations(page);
    await page.goto(`${sys.baseUrl}/docs`);
    // Swagger UI renders the tags a few at a time, as the page scrolls: a few operations show
    // that its script ran and built the document under the policy.
    await page.locator('.opblock').nth(5).waitFor();
    await screenshot(page, 'docs-with-csp');
    expect(violations).toEqual([]);
    await context.close();
  }, 60_000);

  it('the console and the queue dashboard render in Chromium without a CSP violation', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations = cspViolations(page);
    await page.goto(`${sys.baseUrl}/console/`);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(violations).toEqual([]);
    await context.close();

    const admin = await browser.newContext({ extraHTTPHeaders: { authorization: adminBearer } });
    const dashboard = await admin.newPage();
    const blocked = cspViolations(dashboard);
    await dashboard.goto(`${sys.baseUrl}/admin/queues`);
    await dashboard.getByText('routing').first().waitFor();
    await screenshot(dashboard, 'queue-dashboard-with-csp');
    // Only the dashboard's Google Fonts stylesheet is refused, on purpose.
    expect(blocked.filter((v) => !v.includes('fonts.googleapis.com'))).toEqual([]);
    await admin.close();
  }, 60_000);
});
