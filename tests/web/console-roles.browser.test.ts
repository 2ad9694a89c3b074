import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routedCase } from '../case-actions/helpers.js';
import { launchBrowser, newContext } from '../support/browser.js';
import { addSignInOfficial, bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { actAs, detailAs, signInByKeyboard, shownActions } from './console-case-fixtures.js';

describe('what a handler sees in the console', () => {
  let sys: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'web-roles', withWorker: false });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  it('no administration menu, nothing at /console/admin, and no action he may not take', async () => {
    const { db } = sys.database;
    const unit = sys.province.triageUnitId;
    const handler = await addSignInOfficial(db, unit, ['handler']);
    const colleague = await addSignInOfficial(db, unit, ['handler']);
    const leader = await addSignInOfficial(db, unit, ['unit_leader']);
    const leaderApi = await bearerFor(sys.baseUrl, leader.id);
    // A colleague's case: the handler may read it, comment, maybe transfer — not work it.
    const c = await routedCase(sys);
    await actAs(sys.baseUrl, leaderApi, c.trackingCode, 'assign', { assigneeId: colleague.id });
    const allowed = (
      await detailAs(sys.baseUrl, await bearerFor(sys.baseUrl, handler.id), c.trackingCode)
    ).allowedActions;
    for (const a of ['accept', 'resolve', 'reassign', 'approve-resolution', 'close']) {
      expect(allowed).not.toContain(a);
    }

    const context = await newContext(browser);
    const page = await context.newPage();
    await signInByKeyboard(page, sys.baseUrl, handler.login);
    const menu = await page.getByRole('navigation', { name: 'Menu' }).textContent();
    expect(menu).toContain('Việc của tôi');
    expect(menu).not.toContain('Quản trị');
    expect(menu).not.toContain('Ghi nhận cuộc gọi');

    await page.goto(`${sys.baseUrl}/console/admin`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    expect(await page.locator('a[href^="/console/admin/"]').count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);

    await page.goto(`${sys.baseUrl}/console/cases/${c.trackingCode}`);
    await page.getByTestId('case-timeline').waitFor();
    const shown = await shownActions(page);
    expect(shown.sort()).toEqual([...allowed].sort());
    await context.close();
  }, 90_000);
});
