import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { routedCase } from '../case-actions/helpers.js';
import { launchBrowser, newContext, screenshot, VIEWPORTS } from '../support/browser.js';
import { addSignInOfficial } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { focusedLabel, poll, sidewaysOverflow, signInByKeyboard } from './console-case-fixtures.js';

describe('the console header’s search, its pickers, and the header on a phone', () => {
  let sys: TestSystem;
  let browser: Browser;
  let operator: { id: string; login: string };
  let departmentHandler: { id: string; login: string };
  let single: string;
  let twice: string[];

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'web-search', withWorker: false });
    browser = await launchBrowser();
    const { db } = sys.database;
    operator = await addSignInOfficial(db, sys.province.triageUnitId, ['operator'], {
      fullName: 'Nguyễn Thu Thương',
    });
    departmentHandler = await addSignInOfficial(db, sys.province.departmentUnitId, ['handler']);
    const [district] = await db
      .select({ id: tables.adminUnits.id })
      .from(tables.adminUnits)
      .where(eq(tables.adminUnits.code, 'huyen-a'));
    await db.insert(tables.adminUnits).values([
      { code: 'xa-thach-ha', name: 'Thạch Hà', kind: 'commune', parentId: district!.id },
      { code: 'xa-dong-loc', name: 'Đồng Lộc', kind: 'commune', parentId: district!.id },
    ]);
    single = (await routedCase(sys, { phone: '0912 345 678', text: 'Đèn đường hỏng ở tổ 5.' }))
      .trackingCode;
    twice = [
      (await routedCase(sys, { phone: '0987111222', text: 'Rác thải ùn ứ ở chợ.' })).trackingCode,
      (await routedCase(sys, { phone: '0987111222', text: 'Cống thoát nước tắc.' })).trackingCode,
    ];
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  async function signedIn(login: string, viewport: 'desktop' | 'mobile' = 'desktop') {
    const context = await newContext(browser, { viewport });
    const page = await context.newPage();
    await signInByKeyboard(page, sys.baseUrl, login);
    return { context, page };
  }

  async function search(page: Page, text: string) {
    const box = page.getByTestId('case-search');
    await box.fill(text);
    await box.press('Enter');
  }

  /** The case page shows this code (the search opened it). */
  const openedCase = (page: Page) => poll(() => decodeURIComponent(new URL(page.url()).pathname));

  it('finds a case by its code, with or without the dash, and by the phone in two forms', async () => {
    const { context, page } = await signedIn(operator.login);
    await search(page, single);
    await openedCase(page).toBe(`/console/cases/${single}`);
    await page.getByTestId('case-timeline').waitFor();

    await page.goto(`${sys.baseUrl}/console/queues/unit`);
    await search(page, single.replace('-', '').toLowerCase());
    await openedCase(page).toBe(`/console/cases/${single}`);

    for (const phone of ['+84 912 345 678', '84-912-345-678']) {
      await page.goto(`${sys.baseUrl}/console/queues/unit`);
      await search(page, phone);
      await openedCase(page).toBe(`/console/cases/${single}`);
      // The number is never in the address, and the box is emptied once the case opens.
      expect(decodeURIComponent(page.url())).not.toMatch(/912\D*345\D*678/);
      expect(await page.getByTestId('case-search').inputValue()).toBe('');
    }

    // Two cases from one number: both listed, one click opens either.
    await search(page, '0987 111 222');
    const results = page.getByTestId('case-search-result');
    await poll(() => results.count()).toBe(2);
    expect(await page.getByTestId('case-search-message').textContent()).toContain(
      '2 phản ánh từ số điện thoại này',
    );
    const listed = (await results.allTextContents()).join(' ');
    for (const code of twice) expect(listed).toContain(code);
    await screenshot(page, 'console-search-several-desktop');
    await results.getByRole('link', { name: twice[0] }).click();
    await openedCase(page).toBe(`/console/cases/${twice[0]}`);

    // None, and what cannot be read, are said in words.
    await search(page, 'ZZZZ-2223');
    await poll(() => page.getByTestId('case-search-message').textContent()).toContain(
      'Không tìm thấy phản ánh nào có mã này',
    );
    await search(page, 'đèn đường');
    await poll(() => page.getByTestId('case-search-message').textContent()).toContain(
      'Hãy nhập mã phản ánh',
    );
    await context.close();
  }, 120_000);

  it('does not find a case outside the official’s scope', async () => {
    const { context, page } = await signedIn(departmentHandler.login);
    const before = page.url();
    await search(page, single);
    await poll(() => page.getByTestId('case-search-message').textContent()).toContain(
      'Không tìm thấy phản ánh nào có mã này trong các phản ánh bạn được xem',
    );
    await search(page, '0912345678');
    await poll(() => page.getByTestId('case-search-message').textContent()).toContain(
      'Không có phản ánh nào từ số điện thoại này',
    );
    expect(page.url()).toBe(before);
    await context.close();
  }, 60_000);

  it('pickers ignore diacritics, and Enter with no match never saves the call', async () => {
    const { context, page } = await signedIn(operator.login);
    await page.goto(`${sys.baseUrl}/console/calls/new`);
    await poll(() => focusedLabel(page)).toContain('Số điện thoại người gọi');
    await page.keyboard.type('0912000999');
    await page.keyboard.press('Tab'); // the hotline: the only one is chosen already
    await page.keyboard.press('Tab');
    await poll(() => focusedLabel(page)).toContain('Lĩnh vực');
    await page.keyboard.type('xay dung');
    // Enter picks the highlighted option: only once the list (loaded while the page opened)
    // is filtered to the one that matches.
    await poll(() => page.getByRole('option').allTextContents()).toEqual(['Xây dựng']);
    await page.keyboard.press('Enter');
    const category = page.getByRole('combobox', { name: 'Lĩnh vực' });
    await poll(() => category.inputValue()).toBe('Xây dựng');
    await page.getByLabel('Nội dung cuộc gọi').fill('Người gọi báo đèn đường hỏng ở tổ 5.');

    // Every required field is filled: an Enter that submitted would save the call now.
    const commune = page.getByRole('combobox', { name: 'Xã, phường nơi xảy ra' });
    await commune.click();
    await page.keyboard.type('khong co xa nay');
    await page.getByTestId('picker-nothing-found').waitFor();
    expect(await page.getByTestId('picker-nothing-found').textContent()).toBe(
      'Không có mục nào phù hợp',
    );
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('call-saved').count()).toBe(0);

    await commune.fill('');
    await page.keyboard.type('thach ha');
    const option = page.getByRole('option', { name: 'Thạch Hà' });
    await option.waitFor();
    expect(await page.getByRole('option').allTextContents()).toEqual(['Thạch Hà']);
    await screenshot(page, 'console-picker-folded-desktop');
    await page.keyboard.press('Enter');
    await poll(() => commune.inputValue()).toBe('Thạch Hà');
    // Still the form: the Enters above saved nothing.
    expect(await page.getByTestId('call-saved').count()).toBe(0);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('saved-code').waitFor();

    const calls = await sys.database.db
      .select({ commune: tables.adminUnits.name })
      .from(tables.cases)
      .leftJoin(tables.adminUnits, eq(tables.adminUnits.id, tables.cases.communeUnitId))
      .where(and(eq(tables.cases.channel, 'call'), eq(tables.cases.citizenPhone, '+84912000999')));
    expect(calls).toEqual([{ commune: 'Thạch Hà' }]);
    await context.close();
  }, 90_000);

  it('draws a picker’s list over a dialog, not clipped inside it', async () => {
    const { context, page } = await signedIn(operator.login);
    await page.goto(`${sys.baseUrl}/console/cases/${single}`);
    await page.locator('[data-action="transfer"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Đơn vị nhận' }).click();
    const list = page.getByRole('listbox');
    await list.waitFor();
    expect(await dialog.getByRole('listbox').count()).toBe(0);
    // Every option can be seen whole: none is cut off by the dialog's edge.
    for (const option of await page.getByRole('option').all()) {
      const box = (await option.boundingBox())!;
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      const hit = await page.evaluate<boolean>(
        `document.elementFromPoint(${x}, ${y})?.closest('[role="option"]') != null`,
      );
      expect(hit).toBe(true);
    }
    await screenshot(page, 'console-dialog-picker-desktop');
    await context.close();
  }, 60_000);

  it('fits the header on a phone: no sideways scroll, search and bell at hand, a menu', async () => {
    const { context, page } = await signedIn(operator.login, 'mobile');
    for (const path of ['/queues/unit', `/cases/${single}`, '/calls/new']) {
      await page.goto(`${sys.baseUrl}/console${path}`);
      await page.getByTestId('case-search').waitFor();
      const widths = await page.evaluate<{ scroll: number; client: number }>(
        '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
      );
      expect(widths.scroll).toBeLessThanOrEqual(VIEWPORTS.mobile.width);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      for (const target of [
        page.getByTestId('case-search'),
        page.getByTestId('notifications-bell'),
      ]) {
        const box = (await target.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORTS.mobile.width);
        expect(box.width).toBeGreaterThan(20);
      }
    }
    await page.goto(`${sys.baseUrl}/console/queues/unit`);
    await screenshot(page, 'console-header-mobile');
    // The navigation is behind the menu button, with the language.
    await page.getByRole('button', { name: 'Menu' }).click();
    const nav = page.getByRole('navigation', { name: 'Menu' });
    await nav.getByRole('link', { name: 'Ghi nhận cuộc gọi' }).waitFor();
    expect(await nav.getByText('EN', { exact: true }).isVisible()).toBe(true);
    // The menu slides in: pictured once it is all on the screen.
    await poll(async () => (await nav.boundingBox())?.x).toBe(0);
    await screenshot(page, 'console-menu-mobile');
    await page.keyboard.press('Escape');
    await nav.getByRole('link', { name: 'Hàng đợi đơn vị' }).click();

    // The search works there too, its list within the screen.
    await search(page, '0987111222');
    const results = page.getByTestId('case-search-result');
    await poll(() => results.count()).toBe(2);
    const outcome = (await page.getByTestId('case-search-outcome').boundingBox())!;
    expect(outcome.x).toBeGreaterThanOrEqual(0);
    expect(outcome.x + outcome.width).toBeLessThanOrEqual(VIEWPORTS.mobile.width);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'console-search-several-mobile');
    await context.close();
  }, 90_000);
});
