import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { DEFAULT_SLA_POLICIES } from '@hotline/domain';
import { routedCase } from '../case-actions/helpers.js';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { addSignInOfficial, bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { actAs, poll, signInByKeyboard, type Headers } from './console-case-fixtures.js';

// What an official reads when the API refuses: words in the console's language next to the
// field, never the server's codes ("login: too_short") or its English sentences.

const RAW = /too_short|_required|extension_too_long|EXTENSION_LIMIT|VALIDATION_FAILED|P\dD/;

/** The error Mantine shows under an input (linked by aria-describedby). */
async function errorOf(page: Page, label: RegExp): Promise<string> {
  const ids = (await page.getByLabel(label).first().getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(' ').trim();
}

describe('errors in words in the console', () => {
  let sys: TestSystem;
  let browser: Browser;
  let leader: { id: string; login: string };
  let leaderApi: Headers;
  let handlerApi: Headers;
  let handlerId: string;

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'web-errors', withWorker: false });
    browser = await launchBrowser();
    const { db } = sys.database;
    const unit = sys.province.triageUnitId;
    leader = await addSignInOfficial(db, unit, ['unit_leader'], { fullName: 'Lê Văn Trưởng' });
    const handler = await addSignInOfficial(db, unit, ['handler']);
    handlerId = handler.id;
    leaderApi = await bearerFor(sys.baseUrl, leader.id);
    handlerApi = await bearerFor(sys.baseUrl, handler.id);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  for (const viewport of ['mobile', 'desktop'] as const) {
    it(`sign-in without a login says so next to the field, in Vietnamese (${viewport})`, async () => {
      const context = await newContext(browser, { viewport });
      const page = await context.newPage();
      await page.goto(`${sys.baseUrl}/console/`);
      await page.getByLabel(/Mật khẩu/).fill('mot-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await poll(() => errorOf(page, /Thư điện tử/)).toBe('Cần nhập ô này.');
      expect(await page.locator('body').innerText()).not.toMatch(RAW);
      await screenshot(page, `console-sign-in-error-${viewport}`);
      await context.close();
    }, 60_000);
  }

  /** A case in progress whose handler asked for an extension of 5 days, as the policy allows. */
  async function caseAskingTooLongAnExtension() {
    const c = await routedCase(sys);
    for (const [who, action, body] of [
      [leaderApi, 'assign', { assigneeId: handlerId }],
      [handlerApi, 'accept', {}],
      [handlerApi, 'request-extension', { duration: 'P5D', reason: 'Cần phối hợp liên ngành' }],
    ] as const) {
      expect((await actAs(sys.baseUrl, who, c.trackingCode, action, body)).status).toBe(200);
    }
    return c;
  }

  async function grantExtension(page: Page, code: string, lang: 'vi' | 'en') {
    await page.goto(`${sys.baseUrl}/console/cases/${code}`);
    await page.locator('[data-action="grant-extension"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(lang === 'vi' ? /Ý kiến duyệt/ : /Decision note/).fill('Đồng ý');
    // The policy shrinks to 3 days while the dialog is open: only the server can refuse now.
    const { id: _id, ...feedback } = DEFAULT_SLA_POLICIES.feedback;
    const [stored] = await sys.database.db
      .insert(tables.slaPolicies)
      .values({ ...feedback, maxExtension: { duration: 'P3D', unit: 'working' } })
      .returning({ id: tables.slaPolicies.id });
    try {
      await dialog.locator('button[type="submit"]').click();
      const problem = page.getByTestId('action-problem');
      await problem.waitFor();
      return problem;
    } finally {
      await sys.database.db.delete(tables.slaPolicies).where(eq(tables.slaPolicies.id, stored!.id));
    }
  }

  it('an extension the server refuses as too long: Vietnamese words, no codes', async () => {
    const c = await caseAskingTooLongAnExtension();
    for (const viewport of ['mobile', 'desktop'] as const) {
      const context = await newContext(browser, { viewport });
      const page = await context.newPage();
      await signInByKeyboard(page, sys.baseUrl, leader.login);
      const problem = await grantExtension(page, c.trackingCode, 'vi');
      const text = await problem.innerText();
      expect(text).toContain(
        'Theo quy định, mỗi lần gia hạn tối đa 3 ngày; đề nghị 5 ngày là quá dài.',
      );
      expect(text).not.toMatch(RAW);
      expect(text).not.toMatch(/an extension may be at most/);
      await screenshot(page, `console-extension-refused-${viewport}`);
      await context.close();
    }
  }, 120_000);

  it('the same in English when the console is in English', async () => {
    const c = await caseAskingTooLongAnExtension();
    const context = await newContext(browser);
    await context.addInitScript("localStorage.setItem('hotline.lang', 'en')");
    const page = await context.newPage();
    await page.goto(`${sys.baseUrl}/console/`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => errorOf(page, /E-mail or username/)).toBe('This field is required.');
    await signInByKeyboard(page, sys.baseUrl, leader.login);
    const problem = await grantExtension(page, c.trackingCode, 'en');
    const text = await problem.innerText();
    expect(text).toContain('The policy allows at most 3 days per extension; 5 days is too long.');
    expect(text).not.toMatch(RAW);
    await screenshot(page, 'console-extension-refused-en-desktop');
    await context.close();
  }, 90_000);
});
