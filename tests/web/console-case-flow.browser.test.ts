import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCase } from '@hotline/core';
import { tables } from '@hotline/db';
import { routedCase } from '../case-actions/helpers.js';
import { newContext, screenshot } from '../support/browser.js';
import { postJson, type TestSystem } from '../support/system.js';
import {
  actAs,
  type Headers,
  poll,
  signInByKeyboard,
  triageTeam,
  closeTeam,
  localDate,
  addDays,
} from './console-case-fixtures.js';

/**
 * The case page as officials use it: extensions within the policy (a leader may grant less),
 * a transfer that sends the handler back to his queue told where the case went (and the
 * citizen's page naming the new unit), and an anonymous case's place shown without its sender.
 */
describe('the case page: extensions, transfers, the place of an anonymous case', () => {
  let sys: TestSystem;
  let browser: Browser;
  let leader: { id: string; login: string };
  let handler: { id: string; login: string };
  let leaderApi: Headers;
  let handlerApi: Headers;

  beforeAll(async () => {
    ({ sys, browser, leader, handler, leaderApi, handlerApi } = await triageTeam('web-case-flow'));
  }, 60_000);
  afterAll(() => closeTeam({ sys, browser }));

  async function inProgressCase() {
    const c = await routedCase(sys);
    await actAs(sys.baseUrl, leaderApi, c.trackingCode, 'assign', { assigneeId: handler.id });
    expect((await actAs(sys.baseUrl, handlerApi, c.trackingCode, 'accept')).status).toBe(200);
    return c;
  }

  async function open(login: string, code: string, viewport: 'desktop' | 'mobile' = 'desktop') {
    const context = await newContext(browser, { viewport });
    const page = await context.newPage();
    await signInByKeyboard(page, sys.baseUrl, login);
    await page.goto(`${sys.baseUrl}/console/cases/${code}`);
    await page.getByTestId('case-timeline').waitFor();
    return { context, page };
  }

  it('refuses a longer extension than the policy allows, and the leader grants less than asked', async () => {
    const c = await inProgressCase();
    const before = (await (
      await fetch(`${sys.baseUrl}/v1/cases/${c.trackingCode}/detail`, { headers: leaderApi })
    ).json()) as {
      allowedActions: string[];
      sla: { calendarId: string; clocks: { target: string; dueAt: string }[] };
    };
    // Nothing to approve yet: the leader is not offered it.
    expect(before.allowedActions).not.toContain('grant-extension');
    const dueDate = localDate(before.sla.clocks.find((k) => k.target === 'resolution')!.dueAt);
    const from = addDays(dueDate, 1);
    const days = (await (
      await fetch(
        `${sys.baseUrl}/v1/calendars/${before.sla.calendarId}/days?from=${from}&to=${addDays(from, 20)}`,
      )
    ).json()) as { days: { date: string; isWorking: boolean }[] };
    const working = days.days.filter((d) => d.isWorking).map((d) => d.date);

    // The handler, on a phone, asks for 8 working days: the form says the policy allows 5.
    const h = await open(handler.login, c.trackingCode, 'mobile');
    await h.page.locator('[data-action="request-extension"]').click();
    const ask = h.page.getByRole('dialog');
    await ask.getByText('Theo quy định, mỗi lần gia hạn tối đa 5 ngày làm việc.').waitFor();
    await ask.getByLabel(/Hạn giải quyết mới/).fill(working[7]!);
    await poll(() => ask.textContent()).toContain('Gia hạn thêm 8 ngày làm việc');
    await ask.getByRole('textbox', { name: /^Lý do gia hạn/ }).fill('Chờ kết quả giám định.');
    await ask.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    await ask
      .getByText(
        'Theo quy định, mỗi lần gia hạn tối đa 5 ngày làm việc; ngày đã chọn gia hạn thêm 8 ngày làm việc. Hãy chọn ngày sớm hơn.',
      )
      .waitFor();
    await screenshot(h.page, 'case-flow-extension-too-long-mobile');
    await ask.getByLabel(/Hạn giải quyết mới/).fill(working[3]!);
    await poll(() => ask.textContent()).toContain('Gia hạn thêm 4 ngày làm việc');
    await ask.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    await poll(() => h.page.textContent('body')).toMatch(/Đề nghị gia hạn 4 ngày đang chờ duyệt/);
    await h.context.close();

    // The leader approves 2 of the 4 days asked; more than asked is refused in words.
    const l = await open(leader.login, c.trackingCode);
    await l.page.locator('[data-action="grant-extension"]').click();
    const grant = l.page.getByRole('dialog');
    const daysField = grant.getByLabel('Số ngày được duyệt gia hạn');
    expect(await daysField.inputValue()).toBe('4');
    await daysField.fill('5');
    await grant.getByRole('textbox', { name: /^Ý kiến duyệt/ }).fill('Đồng ý một phần.');
    await grant.getByRole('button', { name: 'Duyệt gia hạn' }).click();
    await grant.getByText('Không được duyệt quá thời gian đã đề nghị (4 ngày làm việc).').waitFor();
    await daysField.fill('2');
    await screenshot(l.page, 'case-flow-grant-shorter-desktop');
    await grant.getByRole('button', { name: 'Duyệt gia hạn' }).click();
    await poll(() => l.page.locator('[data-action="grant-extension"]').count()).toBe(0);
    const [event] = await sys.database.db
      .select({ payload: tables.caseEvents.payload })
      .from(tables.caseEvents)
      .where(
        and(
          eq(tables.caseEvents.caseId, c.caseId),
          eq(tables.caseEvents.type, 'extension_granted'),
        ),
      );
    expect(event!.payload).toEqual({
      duration: 'P2D',
      requested: 'P4D',
      reason: 'Đồng ý một phần.',
    });
    const after = (await (
      await fetch(`${sys.baseUrl}/v1/cases/${c.trackingCode}/detail`, { headers: handlerApi })
    ).json()) as { sla: { clocks: { target: string; dueAt: string }[] } };
    expect(localDate(after.sla.clocks.find((k) => k.target === 'resolution')!.dueAt)).toBe(
      working[1],
    );
    await l.context.close();
  }, 120_000);

  it('after a transfer the handler lands on his queue, told where the case went', async () => {
    const c = await inProgressCase();
    const { context, page } = await open(handler.login, c.trackingCode);
    await page.locator('[data-action="transfer"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Đơn vị nhận' }).click();
    await page.getByRole('option', { name: 'Sở Xây dựng' }).click();
    await dialog
      .getByRole('textbox', { name: /^Lý do chuyển/ })
      .fill('Việc cấp phép xây dựng thuộc Sở Xây dựng.');
    await dialog.getByRole('button', { name: 'Chuyển đơn vị' }).click();
    await page.waitForURL(/\/console\/queues\/mine/);
    const notice = page.getByTestId('page-notice');
    expect(await notice.textContent()).toContain(
      `Đã chuyển phản ánh ${c.trackingCode} sang Sở Xây dựng.`,
    );
    expect(await page.getByText('Không tìm thấy phản ánh').count()).toBe(0);
    await screenshot(page, 'case-flow-transferred-queue-desktop');
    await context.close();

    // The citizen's tracking page names the receiving unit.
    const citizen = await newContext(browser, { viewport: 'mobile' });
    const track = await citizen.newPage();
    await track.goto(`${sys.baseUrl}/tra-cuu/${c.trackingCode}`);
    await track.getByText('Sở Xây dựng').first().waitFor();
    expect(await track.textContent('body')).toMatch(/Đã chuyển sang đơn vị:\s*Sở Xây dựng/);
    await screenshot(track, 'case-flow-transferred-tracking-mobile');
    await citizen.close();
    const api = await fetch(`${sys.baseUrl}/v1/cases/${c.trackingCode}`);
    const timeline = (
      (await api.json()) as { timeline: { type: string; description: { vi: string } }[] }
    ).timeline;
    expect(timeline.find((e) => e.type === 'transferred')?.description.vi).toBe(
      'Đã chuyển sang đơn vị: Sở Xây dựng',
    );
  }, 90_000);

  it('shows the handler where an anonymous case happened, never who sent it', async () => {
    const res = await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'xay-dung',
      text: 'Công trình xây dựng lấn chiếm lòng đường suốt một tháng nay.',
      isAnonymous: true,
      communeCode: 'xa-a1',
      address: 'Số 45 đường Phan Đình Phùng',
      citizen: { name: 'Hoàng Thị Kín', phone: '0912 000 999', address: '7 Nguyễn Huy Tự' },
    });
    expect(res.status).toBe(201);
    const code = res.body!.trackingCode as string;
    const [row] = await sys.database.db
      .select({ id: tables.cases.id })
      .from(tables.cases)
      .where(eq(tables.cases.trackingCode, code.replace('-', '')));
    await routeCase({ db: sys.database.db }, row!.id, new Date());
    await actAs(sys.baseUrl, leaderApi, code, 'assign', { assigneeId: handler.id });
    for (const viewport of ['mobile', 'desktop'] as const) {
      const { context, page } = await open(handler.login, code, viewport);
      const body = (await page.textContent('body')) ?? '';
      expect(body).toContain('Địa chỉ nơi xảy ra');
      expect(body).toContain('Số 45 đường Phan Đình Phùng');
      expect(body).toContain('Xã A1');
      expect(await page.getByTestId('case-contact').textContent()).toContain(
        'Người gửi yêu cầu ẩn danh',
      );
      for (const secret of ['Hoàng Thị Kín', '0912 000 999', '912000999', 'Nguyễn Huy Tự']) {
        expect(body).not.toContain(secret);
      }
      await screenshot(page, `case-flow-anonymous-place-${viewport}`);
      await context.close();
    }
  }, 90_000);
});
