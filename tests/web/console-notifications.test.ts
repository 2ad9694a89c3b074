import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCase } from '@hotline/core';
import { tables } from '@hotline/db';
import { routedCase } from '../case-actions/helpers.js';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { addSignInOfficial, bearerFor } from '../support/officials.js';
import { getJson, startSystem, type TestSystem } from '../support/system.js';
import { actAs, signInByKeyboard, type Headers, poll } from './console-case-fixtures.js';

interface Inbox {
  items: {
    kind: string;
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
    sys = await startSystem({ label: 'web-notifications', withWorker: false });
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

  it('the bell counts what is new since the list was last opened', async () => {
    const { db } = sys.database;
    const other = await addSignInOfficial(db, sys.province.triageUnitId, ['handler'], {
      fullName: 'Trần Văn Mới',
    });
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInByKeyboard(page, sys.baseUrl, other.login);
    const bell = page.getByTestId('notifications-bell');
    await poll(() => bell.getAttribute('data-unread')).toBe('0');

    const c = await routedCase(sys);
    await actAs(sys.baseUrl, leaderApi, c.trackingCode, 'assign', { assigneeId: other.id });
    // The bell polls every 30 s; a reload asks at once.
    await page.reload();
    await poll(() => bell.getAttribute('data-unread')).toBe('1');
    expect(await bell.getAttribute('aria-label')).toContain('1 chưa đọc');
    await bell.click();
    const item = page.getByTestId('notification').first();
    expect(await item.textContent()).toContain(`Bạn được giao xử lý phản ánh ${c.trackingCode}`);
    await screenshot(page, 'console-notifications-desktop');
    await page.keyboard.press('Escape');
    await poll(() => bell.getAttribute('data-unread')).toBe('0');
    await page.reload();
    await poll(() => page.getByTestId('notifications-bell').getAttribute('data-unread')).toBe('0');
    // A line leads to its case.
    await page.getByTestId('notifications-bell').click();
    await page.getByTestId('notification').first().getByRole('link').click();
    await poll(() => page.url()).toContain(`/console/cases/${c.trackingCode}`);
    await context.close();
  }, 60_000);
});
