import { and, eq, like } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { addSignInOfficial } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { poll, shownActions, signInByKeyboard } from './console-case-fixtures.js';

/**
 * The whole flow of the issue, through the pages: a citizen submits from a phone, an operator
 * of the triage unit (where the worker routes a web case without routing rules) assigns it,
 * a handler asks for information, the citizen adds it with an SMS code from another browser,
 * the handler answers, the citizen rates 2 and reopens, and the case is back with its handler,
 * whose bell told him of the information, the low rating and the reopening.
 */
/** The bell's list once its opening transition is over (for a screenshot that shows it). */
const bellListShown = (page: Page) =>
  poll(() =>
    page.evaluate<boolean>(
      `(() => { const d = document.querySelector('[role="dialog"][aria-label="Thông báo"]');
        return !!d && getComputedStyle(d).opacity === '1'; })()`,
    ),
  ).toBe(true);

describe('end to end: citizen and officials in browsers, with the worker', () => {
  let sys: TestSystem;
  let browser: Browser;
  let operator: { id: string; login: string };
  let handler: { id: string; login: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    sys = await startSystem({
      listen: true,
      label: 'web-e2e-flow',
      withWorker: true,
      env: { COOKIE_SECURE: 'false' },
    });
    browser = await launchBrowser();
    const { db } = sys.database;
    const unit = sys.province.triageUnitId;
    operator = await addSignInOfficial(db, unit, ['operator'], { fullName: 'Đỗ Thị Tiếp Nhận' });
    handler = await addSignInOfficial(db, unit, ['handler'], { fullName: 'Phạm Văn Xử Lý' });
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await sys?.close();
  });

  async function open(viewport: 'desktop' | 'mobile'): Promise<Page> {
    const context = await newContext(browser, { viewport });
    contexts.push(context);
    return context.newPage();
  }

  const caseRow = async (code: string) => {
    const [row] = await sys.database.db
      .select()
      .from(tables.cases)
      .where(eq(tables.cases.trackingCode, code.replace('-', '')));
    return row!;
  };

  /**
   * The code texted through the log SMS provider: it logs only the notification id, so the
   * text is read from that notification once the provider has sent it (GSM-7, no diacritics).
   */
  const sentOtp = async (caseId: string): Promise<string | null> => {
    const rows = await sys.database.db
      .select({ body: tables.notifications.body, createdAt: tables.notifications.createdAt })
      .from(tables.notifications)
      .where(
        and(
          eq(tables.notifications.caseId, caseId),
          eq(tables.notifications.channel, 'sms'),
          eq(tables.notifications.status, 'sent'),
          like(tables.notifications.providerMessageId, 'log-%'),
          eq(tables.notifications.template, 'citizen_otp'),
        ),
      );
    const newest = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    return newest?.body.match(/: (\d{6})\./)?.[1] ?? null;
  };

  /** The queue's case codes, read again until `code` is (or is not) among them. */
  async function queueShows(page: Page, queue: string, code: string, shown = true) {
    const links = page.getByTestId('queue-row').locator('a[data-row-index]');
    await poll(async () => {
      await page.goto(`${sys.baseUrl}/console/queues/${queue}`);
      await page
        .getByTestId('queue-row')
        .first()
        .or(page.getByText('Không có phản ánh nào khớp với bộ lọc.'))
        .waitFor();
      return (await links.allTextContents()).map((s) => s.trim()).includes(code);
    }).toBe(shown);
  }

  /** Reloads the console's case page until it offers `action`. */
  async function offers(page: Page, code: string, action: string) {
    await poll(async () => {
      await page.goto(`${sys.baseUrl}/console/cases/${code}`);
      await page.getByTestId('case-timeline').waitFor();
      return shownActions(page);
    }).toContain(action);
  }

  it('submit → track → triage → request info → SMS code → resolve → rate 2 → reopen → queue', async () => {
    // 1. A citizen submits on a phone; the tracking page shows the code.
    const citizen = await open('mobile');
    await citizen.goto(`${sys.baseUrl}/gui-phan-anh`);
    await citizen.getByLabel('Môi trường').check();
    const text = `Bãi rác tự phát cạnh trường tiểu học bốc mùi, lần ${Date.now()}.`;
    await citizen.getByRole('textbox', { name: /^Nội dung phản ánh/ }).fill(text);
    await citizen.getByLabel('Tìm xã, phường').fill('xa a1');
    await poll(() => citizen.locator('#f-communeCode').inputValue()).toBe('xa-a1');
    await citizen.getByLabel('Số điện thoại di động').fill('0912 345 222');
    await citizen.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await citizen.waitForURL(/\/tra-cuu\/[2-9A-Z]{4}-[2-9A-Z]{4}\?tb=da-gui-sms$/);
    await citizen.getByRole('heading', { name: 'Đã gửi phản ánh thành công' }).waitFor();
    const code = (await citizen.locator('[data-code]').textContent())!.trim();
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await screenshot(citizen, 'e2e-1-citizen-submitted-mobile');
    const { id: caseId } = await caseRow(code);

    // 2. The worker routes it to the triage unit; the operator sees it there and assigns it.
    await poll(async () => (await caseRow(code)).unitId).toBe(sys.province.triageUnitId);
    const op = await open('desktop');
    await signInByKeyboard(op, sys.baseUrl, operator.login);
    await op.waitForURL(/\/console\/queues\/unassigned/);
    await queueShows(op, 'unassigned', code);
    await screenshot(op, 'e2e-2-operator-triage-queue-desktop');
    await op.getByTestId('queue-row').getByRole('link', { name: code }).click();
    await op.getByTestId('case-timeline').waitFor();
    expect(await op.getByTestId('case-text').textContent()).toContain(text);
    await op.locator('[data-action="assign"]').click();
    const assign = op.getByRole('dialog');
    await assign.getByRole('combobox', { name: 'Cán bộ xử lý' }).click();
    await op.getByRole('option', { name: /Phạm Văn Xử Lý/ }).click();
    await assign.getByRole('button', { name: 'Giao xử lý' }).click();
    await poll(() => op.getByTestId('case-summary').textContent()).toContain('Phạm Văn Xử Lý');

    // 3. The handler takes it on and asks the citizen for more information.
    const hd = await open('desktop');
    await signInByKeyboard(hd, sys.baseUrl, handler.login);
    await offers(hd, code, 'accept');
    await hd.locator('[data-action="accept"]').click();
    await hd.getByRole('dialog').getByRole('button', { name: 'Thụ lý' }).click();
    await poll(() => shownActions(hd)).toContain('request-information');
    await hd.locator('[data-action="request-information"]').click();
    const ask = hd.getByRole('dialog');
    const question = 'Xin cho biết bãi rác ở phía cổng trước hay cổng sau của trường?';
    await ask.getByRole('textbox', { name: /^Nội dung đề nghị bổ sung/ }).fill(question);
    await ask.getByRole('button', { name: 'Đề nghị bổ sung thông tin' }).click();
    await poll(() => hd.getByTestId('case-timeline').textContent()).toContain(question);
    await poll(async () => (await caseRow(code)).status).toBe('awaiting_citizen');
    await screenshot(hd, 'e2e-3-handler-requested-information-desktop');

    // 4. From another browser (no owner cookie), the citizen proves it with an SMS code.
    const other = await open('mobile');
    await other.goto(`${sys.baseUrl}/tra-cuu/${code}`);
    await other.getByRole('button', { name: 'Gửi mã xác nhận qua SMS' }).waitFor();
    // Anyone may know a code: the official's question is for the proven owner.
    expect(await other.getByText(question).count()).toBe(0);
    expect(await other.locator('#f-info').count()).toBe(0);
    await other.getByRole('button', { name: 'Gửi mã xác nhận qua SMS' }).click();
    await other.waitForURL(/\?tb=gui-ma$/);
    await poll(() => sentOtp(caseId)).toMatch(/^\d{6}$/);
    const otp = (await sentOtp(caseId))!;
    await other.getByLabel('Mã xác nhận (6 chữ số)').fill(otp);
    await other.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await other.getByText('Đã xác nhận. Bây giờ bạn có thể thực hiện').waitFor();
    await other.getByText(question).first().waitFor();
    const info = 'Ở cổng sau của trường, sát hàng rào phía đường Lê Lợi.';
    await other.getByLabel('Thông tin bổ sung').fill(info);
    await screenshot(other, 'e2e-4-citizen-adds-information-mobile');
    await other.getByRole('button', { name: 'Gửi thông tin bổ sung' }).click();
    await other.getByText('Đã gửi thông tin bổ sung.').waitFor();
    await poll(async () => (await caseRow(code)).status).toBe('in_progress');

    // 5. The handler sees the information and resolves the case with an answer.
    await offers(hd, code, 'resolve');
    await poll(() => hd.getByTestId('case-timeline').textContent()).toContain(info);
    await hd.locator('[data-action="resolve"]').click();
    const resolve = hd.getByRole('dialog');
    const answer = 'Đã thu dọn bãi rác ở cổng sau trường và đặt biển cấm đổ rác.';
    await resolve.getByRole('textbox', { name: /^Kết quả giải quyết/ }).fill(answer);
    await resolve.getByRole('button', { name: 'Giải quyết' }).click();
    await poll(async () => (await caseRow(code)).status).toBe('resolved');
    await screenshot(hd, 'e2e-5-handler-resolved-desktop');

    // 6. On the phone the case was sent from: the answer, a rating of 2, then reopening.
    await citizen.goto(`${sys.baseUrl}/tra-cuu/${code}`);
    const answerPanel = citizen.getByRole('region', { name: 'Kết quả giải quyết' });
    await poll(() => answerPanel.textContent()).toContain(answer);
    await citizen.getByLabel('2 – Không hài lòng').check();
    await citizen.getByLabel(/^Nhận xét/).fill('Bãi rác đã dọn nhưng vẫn có người đổ trộm.');
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.getByText('Cảm ơn bạn đã đánh giá.').waitFor();
    await citizen.getByText('Bạn đã đánh giá 2/5.').waitFor();
    await screenshot(citizen, 'e2e-6-citizen-answer-rated-mobile');
    expect((await caseRow(code)).satisfaction).toBe(2);
    await citizen.getByLabel('Lý do mở lại').fill('Tối qua lại có người đổ rác ở đúng chỗ cũ.');
    await citizen.getByRole('button', { name: 'Mở lại phản ánh' }).click();
    await citizen.getByText('Đã mở lại phản ánh.').waitFor();
    await screenshot(citizen, 'e2e-7-citizen-reopened-mobile');
    // A reopened case goes back to the official who handled it.
    const reopened = await caseRow(code);
    expect(reopened.status).toBe('assigned');
    expect(reopened.assigneeId).toBe(handler.id);

    // 7. It is back in the handler's queue, and his bell told him each time the citizen spoke.
    await queueShows(hd, 'mine', code);
    const bell = hd.getByTestId('notifications-bell');
    await bell.click();
    const lines = hd.getByTestId('notification');
    // The list loads after the bell opens (and the worker may still be writing the last line).
    const saidNow = async () => (await lines.allTextContents()).join('\n');
    await poll(saidNow).toContain(`Phản ánh ${code}: công dân chưa hài lòng và đã mở lại`);
    const said = await saidNow();
    expect(said).toContain(`Phản ánh ${code}: công dân đánh giá 2/5 sao, chưa hài lòng`);
    expect(said).toContain(`Phản ánh ${code}: công dân đã bổ sung thông tin`);
    await bellListShown(hd);
    await screenshot(hd, 'e2e-8-handler-bell-reopened-desktop');
    const unread = Number(await bell.getAttribute('data-unread'));
    await lines.filter({ hasText: 'đã mở lại' }).getByRole('link').click();
    await hd.getByTestId('case-timeline').waitFor();
    // Opening one line reads that one only.
    await poll(async () => Number(await bell.getAttribute('data-unread'))).toBe(unread - 1);
    await offers(hd, code, 'accept');
  }, 240_000);
});
