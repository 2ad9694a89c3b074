import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { normalizeTrackingCode } from '@hotline/domain';
import { routedCase } from '../case-actions/helpers.js';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { addSignInOfficial } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { signInByKeyboard, poll, focusedLabel, sidewaysOverflow } from './console-case-fixtures.js';

const CALLER = '0912345678';

describe('an operator logs a call in the console', () => {
  let sys: TestSystem;
  let browser: Browser;
  let operator: { id: string; login: string };
  let earlierCode: string;

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'web-call', withWorker: false });
    browser = await launchBrowser();
    operator = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['operator'], {
      fullName: 'Nguyễn Thu Thương',
    });
    earlierCode = (
      await routedCase(sys, { phone: CALLER, text: 'Đèn đường hỏng ở tổ 5 đã một tuần.' })
    ).trackingCode;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  it('with the keyboard only: the caller’s earlier case shows, Ctrl+Enter saves, the code is read out', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInByKeyboard(page, sys.baseUrl, operator.login);
    await page.goto(`${sys.baseUrl}/console/calls/new`);
    // The number field has the focus from the start; the shortcuts are written on the page.
    await poll(() => focusedLabel(page)).toContain('Số điện thoại người gọi');
    expect(await page.getByTestId('call-shortcuts').textContent()).toContain('Ctrl');
    await page.keyboard.type(CALLER);
    const earlier = page.getByTestId('caller-case');
    await earlier.first().waitFor();
    expect(await earlier.first().textContent()).toContain(earlierCode);
    // The number never goes into a URL.
    expect(page.url()).not.toContain(CALLER);

    await page.keyboard.press('Tab'); // the hotline: the only one is chosen already
    await poll(() => focusedLabel(page)).toContain('Đường dây nóng');
    await page.keyboard.press('Tab');
    await poll(() => focusedLabel(page)).toContain('Lĩnh vực');
    await page.keyboard.type('Xây');
    // Enter picks the highlighted option: only once the list (loaded while the page opened)
    // is filtered to the one that matches.
    await poll(() => page.getByRole('option').allTextContents()).toEqual(['Xây dựng']);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await poll(() => focusedLabel(page)).toContain('Nội dung cuộc gọi');
    await page.keyboard.type('Người gọi phản ánh đèn đường vẫn chưa được sửa, đề nghị xử lý.');
    await screenshot(page, 'console-call-desktop');
    await page.keyboard.press('Control+Enter');

    const saved = page.getByTestId('saved-code');
    await saved.waitFor();
    const code = (await saved.textContent())?.trim() ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const [row] = await sys.database.db
      .select({ channel: tables.cases.channel, phone: tables.cases.citizenPhone })
      .from(tables.cases)
      .where(eq(tables.cases.trackingCode, normalizeTrackingCode(code)));
    expect(row).toEqual({ channel: 'call', phone: '+84912345678' });

    // "Log another" has the focus: Enter starts a fresh form at the number.
    await page.keyboard.press('Enter');
    await poll(() => focusedLabel(page)).toContain('Số điện thoại người gọi');
    expect(await page.getByLabel('Số điện thoại người gọi').inputValue()).toBe('');
    await context.close();
  }, 90_000);

  it('says what is missing, at each field, without sending', async () => {
    const context = await newContext(browser, { viewport: 'mobile' });
    const page = await context.newPage();
    await signInByKeyboard(page, sys.baseUrl, operator.login);
    await page.goto(`${sys.baseUrl}/console/calls/new`);
    await page.getByLabel('Số điện thoại người gọi').waitFor();
    await page.keyboard.press('Enter');
    const summary = page.getByLabel('Nội dung cuộc gọi');
    await poll(() => summary.getAttribute('aria-invalid')).toBe('true');
    expect(
      await page.getByRole('combobox', { name: 'Lĩnh vực' }).getAttribute('aria-invalid'),
    ).toBe('true');
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'console-call-mobile');
    await context.close();
  }, 60_000);
});
