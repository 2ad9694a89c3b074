import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTrackingCode } from '@hotline/domain';
import { addCase } from '../queues/queue-fixtures.js';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { addSignInOfficial } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import {
  signInByKeyboard,
  poll,
  focusedAttribute,
  sidewaysOverflow,
} from './console-case-fixtures.js';

const HOUR = 3_600_000;

describe("a handler's queue in the console", () => {
  let sys: TestSystem;
  let browser: Browser;
  let handler: { id: string; login: string };
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'web-queue', withWorker: false });
    browser = await launchBrowser();
    const { db } = sys.database;
    const unitId = sys.province.departmentUnitId;
    handler = await addSignInOfficial(db, unitId, ['handler'], { fullName: 'Phạm Thị Xử Lý' });
    const now = Date.now();
    const mine = { unitId, assigneeId: handler.id, status: 'in_progress' as const };
    const add = async (key: string, fields: Parameters<typeof addCase>[1]) => {
      codes[key] = formatTrackingCode((await addCase(db, { ...mine, ...fields })).trackingCode);
    };
    await add('overdue', {
      text: 'Đường hỏng nặng ở tổ 3, xe máy ngã liên tục vào ban đêm.',
      slaState: 'breached',
      resolutionDueAt: new Date(now - 30 * HOUR),
      priority: 'urgent',
    });
    await add('atRisk', {
      text: 'Bãi rác tự phát bốc mùi cạnh trường học.',
      slaState: 'at_risk',
      resolutionDueAt: new Date(now + 3 * HOUR),
      categoryCode: 'moi-truong',
    });
    await add('onTrack', {
      text: 'Lấn chiếm vỉa hè trên đường Trần Phú để bán hàng.',
      slaState: 'on_track',
      resolutionDueAt: new Date(now + 120 * HOUR),
    });
    await add('paused', {
      text: 'Cống thoát nước bị tắc sau mưa lớn.',
      status: 'awaiting_citizen',
      slaState: 'on_track',
      resolutionDueAt: new Date(now + 48 * HOUR),
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  const rows = (page: Page) => page.getByTestId('queue-row');
  const rowCodes = async (page: Page) =>
    (await rows(page).locator('a[data-row-index]').allTextContents()).map((s) => s.trim());
  async function signedIn(viewport: 'desktop' | 'mobile' = 'desktop') {
    const context = await newContext(browser, { viewport });
    const page = await context.newPage();
    await signInByKeyboard(page, sys.baseUrl, handler.login);
    return { context, page };
  }

  it('shows SLA badges and the remaining working time, overdue first', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${sys.baseUrl}/console/queues/mine`);
    await poll(() => rows(page).count()).toBe(4);
    expect(await rowCodes(page)).toEqual([
      codes.overdue,
      codes.atRisk,
      codes.paused,
      codes.onTrack,
    ]);
    const first = rows(page).first();
    expect(await first.locator('[data-sla]').textContent()).toBe('Quá hạn');
    // Overdue by however much working time has passed (none, over a weekend).
    expect(await first.getByTestId('remaining').textContent()).toMatch(/^quá hạn/);
    expect(await rows(page).nth(1).locator('[data-sla]').textContent()).toBe('Sắp đến hạn');
    expect(await rows(page).nth(2).locator('[data-sla]').textContent()).toBe('Tạm dừng');
    expect(await rows(page).nth(3).getByTestId('remaining').textContent()).toMatch(/ngày/);
    expect(await page.getByTestId('queue-total').textContent()).toContain('4 phản ánh');
    await screenshot(page, 'console-queue-desktop');
    await context.close();
  }, 60_000);

  it('keeps filters and the search in the URL: reload, back and a shared link show the same', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${sys.baseUrl}/console/queues/mine?sla=breached`);
    await poll(() => rowCodes(page)).toEqual([codes.overdue]);
    await page.reload();
    await poll(() => rowCodes(page)).toEqual([codes.overdue]);
    // The filter panel opens with the filter that is set.
    expect(await page.getByRole('combobox', { name: 'Tình trạng hạn' }).inputValue()).toBe(
      'Quá hạn',
    );

    // A count is a quick filter: it goes to the URL, and Back undoes it.
    await page.goto(`${sys.baseUrl}/console/queues/mine`);
    await poll(() => rows(page).count()).toBe(4);
    await page.getByTestId('count-sla-at_risk').click();
    await poll(() => new URL(page.url()).searchParams.get('sla')).toBe('at_risk');
    await poll(() => rowCodes(page)).toEqual([codes.atRisk]);
    await page.goBack();
    await poll(() => rows(page).count()).toBe(4);

    // Search without diacritics finds the text with them, and survives a reload.
    await page.getByRole('searchbox', { name: 'Tìm trong nội dung' }).fill('duong hong');
    await poll(() => new URL(page.url()).searchParams.get('q')).toBe('duong hong');
    await poll(() => rowCodes(page)).toEqual([codes.overdue]);
    await page.reload();
    await poll(() => rowCodes(page)).toEqual([codes.overdue]);
    expect(await page.getByRole('searchbox', { name: 'Tìm trong nội dung' }).inputValue()).toBe(
      'duong hong',
    );
    await page.goto(`${sys.baseUrl}/console/queues/mine?q=LAN+CHIEM+via+he`);
    await poll(() => rowCodes(page)).toEqual([codes.onTrack]);
    // A hand-edited link with nonsense in it is ignored, not an error.
    await page.goto(`${sys.baseUrl}/console/queues/mine?sla=nope&status=bad&from=x&limit=7`);
    await poll(() => rows(page).count()).toBe(4);
    await context.close();
  }, 90_000);

  it('moves with j/k and the arrows, opens with Enter, and / goes to the search', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${sys.baseUrl}/console/queues/mine`);
    await poll(() => rows(page).count()).toBe(4);
    const focusedRow = () => focusedAttribute(page, 'data-row-index');
    await page.locator('body').press('j');
    await poll(focusedRow).toBe('0');
    await page.keyboard.press('j');
    await poll(focusedRow).toBe('1');
    await page.keyboard.press('ArrowDown');
    await poll(focusedRow).toBe('2');
    await page.keyboard.press('k');
    await poll(focusedRow).toBe('1');
    // The active row is visibly marked (and focused, so outlined).
    expect(await rows(page).nth(1).getAttribute('data-active')).not.toBeNull();
    await page.keyboard.press('/');
    expect(await focusedAttribute(page, 'type')).toBe('search');
    await page.keyboard.press('ArrowDown');
    await poll(focusedRow).toBe('1');
    await page.keyboard.press('Enter');
    await poll(() => page.url()).toContain(`/console/cases/${codes.atRisk}`);
    await context.close();
  }, 60_000);

  it('reads in English too, with no untranslated keys', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${sys.baseUrl}/console/queues/mine?sla=breached`);
    await poll(() => rows(page).count()).toBe(1);
    await page.getByText('EN', { exact: true }).click();
    await poll(() => page.getByRole('heading', { level: 2 }).textContent()).toBe('My cases');
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('Overdue');
    expect(body).not.toMatch(/\b(queue|case|calls|notifications)\.[a-zA-Z]/);
    await page.goto(`${sys.baseUrl}/console/cases/${codes.overdue}`);
    // These queue rows were written without a history: the page says so rather than failing.
    await page.getByText('No such case').waitFor();
    await page.goto(`${sys.baseUrl}/console/calls/new`);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    expect((await page.textContent('body')) ?? '').not.toMatch(
      /\b(queue|case|calls|notifications)\.[a-zA-Z]/,
    );
    await context.close();
  }, 60_000);

  it('fits a phone screen', async () => {
    const { context, page } = await signedIn('mobile');
    await page.goto(`${sys.baseUrl}/console/queues/mine`);
    await poll(() => rows(page).count()).toBe(4);
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'console-queue-mobile');
    await context.close();
  }, 60_000);
});
