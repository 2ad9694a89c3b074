import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshot, signInToConsole } from '../support/browser.js';
import { addSignInOfficial, TEST_PASSWORD } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';

describe('console sign-in in a browser', () => {
  let sys: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'web-sign-in', withWorker: false });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  it('a handler signs in with username and password and sees his name and his menu', async () => {
    const handler = await addSignInOfficial(sys.database.db, sys.province.departmentUnitId, [
      'handler',
    ]);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${sys.baseUrl}/console/`);
    await screenshot(page, 'console-sign-in-desktop');
    await page.getByLabel(/Mật khẩu/).fill('wrong-password-123');
    await page.getByLabel(/Thư điện tử/).fill(handler.login);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').waitFor();
    await signInToConsole(page, sys.baseUrl, handler.login, TEST_PASSWORD);
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('Cán bộ');
    const menu = await page.getByRole('navigation').textContent();
    expect(menu).toContain('Việc của tôi');
    expect(menu).not.toContain('Quản trị');
    await context.close();
  }, 60_000);
});
