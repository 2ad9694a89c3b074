import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCase } from '@hotline/core';
import { tables } from '@hotline/db';
import { routedCase } from '../case-actions/helpers.js';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { addSignInOfficial, bearerFor } from '../support/officials.js';
import { getJson, startSystem, type TestSystem } from '../support/system.js';
import { actAs, signInByKeyboard, type Headers, poll } from './console-case-fixtures.js';

/** The bell's list once its opening transition is over (for a screenshot that shows it). */
const bellListShown = (page: Page) =>
  poll(() =>
    page.evaluate<boolean>(
      `(() => { const d = document.querySelector('[role="dialog"][aria-label="Thông báo"]');
        return !!d && getComputedStyle(d).opacity === '1'; })()`,
    ),
  ).toBe(true);

interface Inbox {
  items: {
    id: string;
    kind: string;
    isRead: boolean;
    case: { trackingCode: string };
    level: number | null;
    isSettled: boolean;
  }[];
}

describe('in-app notifications: GET /v1/me/notifications and the bell', () => {
  let sys: TestSystem;
  let browser: Browser;
  let leader: { id: string; login: string };
  let handler: { id: string; login: string };
  let leaderApi: Headers;
  let handlerApi: Headers;

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'web-notifications', withWorker: false });
    browser = await launchBrowser();
    const { db } = sys.database;
    const unit = sys.province.triageUnitId;
    // Handlers' resolutions wait for a leader here.
    await db
      .update(tables.adminUnits)
      .set({ resolutionNeedsApproval: true })
      .where(eq(tables.adminUnits.id, unit));
    leader = await addSignInOfficial(db, unit, ['unit_leader'], { fullName: 'Lê Văn Trưởng' });
    handler = await addSignInOfficial(db, unit, ['handler'], { fullName: 'Phạm Thị Xử Lý' });
    leaderApi = await bearerFor(sys.baseUrl, leader.id);
    handlerApi = await bearerFor(sys.baseUrl, handler.id);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  const inbox = async (headers: Headers) => {
    const res = await getJson(sys.baseUrl, '/v1/me/notifications', headers);
    expect(res.status).toBe(200);
    return res.body as unknown as Inbox;
  };

  it('lists assignments to me, escalations to my unit as its leader, and requests waiting for me', async () => {
    const c = await routedCase(sys);
    await actAs(sys.baseUrl, leaderApi, c.trackingCode, 'assign', { assigneeId: handler.id });
    expect((await inbox(handlerApi)).items[0]).toMatchObject({
      kind: 'assigned',
      case: { trackingCode: c.trackingCode },
    });
    await changeCase(
      { db: sys.database.db },
      c.caseId,
      {
        type: 'escalated',
        level: 1,
        reason: 'manual',
        toOfficialId: null,
        toUnitId: sys.province.triageUnitId,
      },
      { kind: 'system', process: 'test' },
      new Date(),
    );
    expect((await inbox(leaderApi)).items[0]).toMatchObject({ kind: 'escalated', level: 1 });

    await actAs(sys.baseUrl, handlerApi, c.trackingCode, 'accept');
    await actAs(sys.baseUrl, handlerApi, c.trackingCode, 'resolve', { answer: 'Đã xử lý.' });
    const waiting = (await inbox(leaderApi)).items[0];
    expect(waiting).toMatchObject({ kind: 'resolution_proposed', isSettled: false });
    await actAs(sys.baseUrl, leaderApi, c.trackingCode, 'approve-resolution');
    expect((await inbox(leaderApi)).items[0]).toMatchObject({
      kind: 'resolution_proposed',
      isSettled: true,
    });
    // Nobody else's: the handler's own inbox has none of the leader's lines.
    expect((await inbox(handlerApi)).items.map((i) => i.kind)).toEqual(['assigned']);
    // Bad input is a 400, not a 500.
    expect((await getJson(sys.baseUrl, '/v1/me/notifications?limit=0', handlerApi)).status).toBe(
      400,
    );
    expect((await getJson(sys.baseUrl, '/v1/me/notifications')).status).toBe(401);
  }, 60_000);

  it('marks one item read when it is opened, and all only when asked', async () => {
    const { db } = sys.database;
    const other = await addSignInOfficial(db, sys.province.triageUnitId, ['handler'], {
      fullName: 'Trần Văn Mới',
    });
    const otherApi = await bearerFor(sys.baseUrl, other.id);
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInByKeyboard(page, sys.baseUrl, other.login);
    const bell = page.getByTestId('notifications-bell');
    await poll(() => bell.getAttribute('data-unread')).toBe('0');

    const first = await routedCase(sys);
    const second = await routedCase(sys);
    await actAs(sys.baseUrl, leaderApi, first.trackingCode, 'assign', { assigneeId: other.id });
    await actAs(sys.baseUrl, leaderApi, second.trackingCode, 'assign', { assigneeId: other.id });
    // The bell polls every 30 s; a reload asks at once.
    await page.reload();
    await poll(() => bell.getAttribute('data-unread')).toBe('2');
    expect(await bell.getAttribute('aria-label')).toContain('2 chưa đọc');
    await bell.click();
    const items = page.getByTestId('notification');
    await poll(() => items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain(
      `Bạn được giao xử lý phản ánh ${second.trackingCode}`,
    );
    await bellListShown(page);
    await screenshot(page, 'console-notifications-desktop');
    // Looking at the list reads nothing.
    await page.keyboard.press('Escape');
    await page.reload();
    await poll(() => bell.getAttribute('data-unread')).toBe('2');

    // Opening one reads that one only.
    await bell.click();
    await items.nth(1).getByRole('link').click();
    await poll(() => page.url()).toContain(`/console/cases/${first.trackingCode}`);
    await poll(() => bell.getAttribute('data-unread')).toBe('1');
    await page.reload();
    await poll(() => bell.getAttribute('data-unread')).toBe('1');
    const listed = (await inbox(otherApi)).items;
    expect(listed.map((i) => [i.case.trackingCode, i.isRead])).toEqual([
      [second.trackingCode, false],
      [first.trackingCode, true],
    ]);
    await bell.click();
    await poll(() => items.nth(1).getAttribute('data-read')).toBe('true');
    expect(await items.nth(0).getAttribute('data-read')).toBe('false');

    // Nobody marks another official's line read.
    const foreign = listed[0]!.id;
    const res = await fetch(`${sys.baseUrl}/v1/me/notifications/${foreign}/read`, {
      method: 'POST',
      headers: handlerApi,
      body: '{}',
    });
    expect(await res.json()).toEqual({ marked: 0 });

    await page.getByTestId('notifications-mark-all').click();
    await poll(() => bell.getAttribute('data-unread')).toBe('0');
    await page.reload();
    await poll(() => page.getByTestId('notifications-bell').getAttribute('data-unread')).toBe('0');
    await context.close();
  }, 90_000);

  it('the bell on a phone', async () => {
    const { db } = sys.database;
    const other = await addSignInOfficial(db, sys.province.triageUnitId, ['handler'], {
      fullName: 'Võ Thị Điện Thoại',
    });
    const context = await newContext(browser, { viewport: 'mobile' });
    const page = await context.newPage();
    await signInByKeyboard(page, sys.baseUrl, other.login);
    const c = await routedCase(sys);
    await actAs(sys.baseUrl, leaderApi, c.trackingCode, 'assign', { assigneeId: other.id });
    await page.reload();
    const bell = page.getByTestId('notifications-bell');
    await poll(() => bell.getAttribute('data-unread')).toBe('1');
    await bell.click();
    await page.getByTestId('notification').first().waitFor();
    await bellListShown(page);
    await screenshot(page, 'console-notifications-mobile');
    await context.close();
  }, 60_000);
});
