import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { PNG, routedCase, uploadAsOfficial } from '../case-actions/helpers.js';
import { newContext, screenshot } from '../support/browser.js';
import { adminRequest, type TestSystem } from '../support/system.js';
import {
  actAs,
  detailAs,
  signInByKeyboard,
  type Headers,
  poll,
  shownActions,
  sidewaysOverflow,
  triageTeam,
  closeTeam,
  localDate,
  addDays,
} from './console-case-fixtures.js';

describe('the case page in the console', () => {
  let sys: TestSystem;
  let browser: Browser;
  let leader: { id: string; login: string };
  let handler: { id: string; login: string };
  let leaderApi: Headers;
  let handlerApi: Headers;

  beforeAll(async () => {
    ({ sys, browser, leader, handler, leaderApi, handlerApi } = await triageTeam('web-case'));
  }, 60_000);
  afterAll(() => closeTeam({ sys, browser }));

  /** A citizen's case, routed to the triage unit and assigned to the handler by the leader. */
  async function assignedCase(text?: string) {
    const c = await routedCase(sys, text ? { text } : {});
    const r = await actAs(sys.baseUrl, leaderApi, c.trackingCode, 'assign', {
      assigneeId: handler.id,
    });
    expect(r.status).toBe(200);
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

  it('shows the handler and the leader exactly the actions each may take now', async () => {
    const c = await assignedCase();
    const asHandler = await detailAs(sys.baseUrl, handlerApi, c.trackingCode);
    const asLeader = await detailAs(sys.baseUrl, leaderApi, c.trackingCode);

    const h = await open(handler.login, c.trackingCode);
    expect((await shownActions(h.page)).sort()).toEqual([...asHandler.allowedActions].sort());
    // The handler cannot give the case to someone else; the leader can.
    expect(await shownActions(h.page)).not.toContain('reassign');
    expect(await shownActions(h.page)).toContain('accept');
    // Fields, contact (in scope), deadlines with time left, and the timeline with names.
    expect(await h.page.getByTestId('case-text').textContent()).toContain('lấn chiếm vỉa hè');
    expect(await h.page.getByTestId('case-contact').textContent()).toContain('Nguyễn Thị Dân');
    expect(await h.page.getByTestId('case-deadlines').textContent()).toMatch(/Giải quyết/);
    expect(await h.page.getByTestId('case-timeline').textContent()).toContain('Lê Văn Trưởng');
    await screenshot(h.page, 'console-case-desktop');
    await h.context.close();

    const l = await open(leader.login, c.trackingCode);
    expect((await shownActions(l.page)).sort()).toEqual([...asLeader.allowedActions].sort());
    expect(await shownActions(l.page)).toContain('reassign');
    await l.context.close();
  }, 90_000);

  it('accepts a case from its button and offers the next actions', async () => {
    const c = await assignedCase();
    const { context, page } = await open(handler.login, c.trackingCode);
    await page.locator('[data-action="accept"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Thụ lý' }).click();
    await poll(() => shownActions(page)).not.toContain('accept');
    expect(await shownActions(page)).toContain('resolve');
    expect((await detailAs(sys.baseUrl, handlerApi, c.trackingCode)).status).toBe('in_progress');
    await context.close();
  }, 60_000);

  it('a transfer needs a reason: the form says so at the field and sends nothing', async () => {
    const c = await assignedCase();
    const before = await detailAs(sys.baseUrl, handlerApi, c.trackingCode);
    const { context, page } = await open(handler.login, c.trackingCode);
    await page.locator('[data-action="transfer"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Đơn vị nhận' }).fill('Sở Xây');
    await page.getByRole('option', { name: 'Sở Xây dựng' }).click();
    await dialog.getByRole('button', { name: 'Chuyển đơn vị' }).click();
    const reason = dialog.getByLabel('Lý do chuyển');
    await poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.textContent()).toContain('Cần nêu lý do chuyển');
    // The message is tied to the field (read out with it).
    const describedBy = (await reason.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(
      describedBy
        .split(' ')
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(messages.join(' ')).toContain('Cần nêu lý do chuyển');
    const after = await detailAs(sys.baseUrl, handlerApi, c.trackingCode);
    expect(after.version).toBe(before.version);
    // With a reason it goes.
    await reason.fill('Thuộc lĩnh vực xây dựng, đề nghị Sở Xây dựng xử lý.');
    await dialog.getByRole('button', { name: 'Chuyển đơn vị' }).click();
    // Now out of the triage unit's scope: read the row itself.
    await expect
      .poll(async () => {
        const [row] = await sys.database.db
          .select({ n: tables.cases.transferCount })
          .from(tables.cases)
          .where(eq(tables.cases.id, c.caseId));
        return row?.n;
      })
      .toBe(1);
    await context.close();
  }, 60_000);

  it('says when the case changed meanwhile (409), reloads it, and the retry goes through', async () => {
    const c = await assignedCase();
    const { context, page } = await open(handler.login, c.trackingCode);
    await page.locator('[data-action="comment"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Ghi chú/ }).fill('Đã liên hệ tổ dân phố.');
    // Someone else changes the case after the page was read.
    expect(
      (
        await actAs(sys.baseUrl, leaderApi, c.trackingCode, 'comment', {
          text: 'Lãnh đạo: ưu tiên xử lý.',
        })
      ).status,
    ).toBe(200);
    await dialog.getByRole('button', { name: 'Ghi chú' }).click();
    const problem = dialog.getByTestId('action-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Phản ánh vừa được thay đổi');
    // The page now shows the other change; the typed note is still there to send again.
    await expect
      .poll(() => page.getByTestId('case-timeline').textContent())
      .toContain('Lãnh đạo: ưu tiên xử lý.');
    await dialog.getByRole('button', { name: 'Ghi chú' }).click();
    await expect
      .poll(() => page.getByTestId('case-timeline').textContent())
      .toContain('Đã liên hệ tổ dân phố.');
    await context.close();
  }, 60_000);

  it('the other forms: assign from the unit list, more time by a date, files', async () => {
    const c = await routedCase(sys);
    // The leader gives the case to the handler, picked from the unit's officials.
    const l = await open(leader.login, c.trackingCode);
    await l.page.locator('[data-action="assign"]').click();
    let dialog = l.page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Cán bộ xử lý' }).click();
    // The handler's load as his own queue counts it (earlier tests gave him cases).
    const mine = await fetch(`${sys.baseUrl}/v1/queues/mine?limit=1`, { headers: handlerApi });
    const { total } = (await mine.json()) as { total: number };
    expect(total).toBeGreaterThan(0);
    const option = l.page.getByRole('option', { name: /Phạm Thị Xử Lý/ });
    expect(await option.textContent()).toContain(`(${total} phản ánh đang xử lý)`);
    await option.click();
    await dialog.getByRole('button', { name: 'Giao xử lý' }).click();
    await poll(() => l.page.getByTestId('case-summary').textContent()).toContain('Phạm Thị Xử Lý');
    await l.context.close();

    const h = await open(handler.login, c.trackingCode);
    await h.page.locator('[data-action="accept"]').click();
    await h.page.getByRole('dialog').getByRole('button', { name: 'Thụ lý' }).click();
    await poll(() => shownActions(h.page)).toContain('request-extension');
    // More time: the date of the new deadline becomes working days after the current one.
    const due = (await detailAs(sys.baseUrl, handlerApi, c.trackingCode)) as unknown as {
      sla: { clocks: { target: string; dueAt: string | null }[] };
    };
    const dueAt = Date.parse(due.sla.clocks.find((k) => k.target === 'resolution')!.dueAt!);
    const newDate = new Date(dueAt + 7 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
    await h.page.locator('[data-action="request-extension"]').click();
    dialog = h.page.getByRole('dialog');
    await dialog.getByLabel(/Hạn giải quyết mới/).fill(newDate);
    await poll(() => dialog.textContent()).toMatch(/Gia hạn thêm \d+ ngày làm việc/);
    await dialog.getByRole('textbox', { name: /^Lý do gia hạn/ }).fill('Cần khảo sát hiện trường.');
    await dialog.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    await poll(() => h.page.textContent('body')).toMatch(/Đề nghị gia hạn \d+ ngày đang chờ duyệt/);
    // Files, sent as multipart with the session's CSRF token.
    await h.page.locator('[data-action="attachments"]').click();
    dialog = h.page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'bien-ban.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await dialog.getByRole('button', { name: 'Đính kèm tệp' }).click();
    await poll(() => h.page.getByTestId('case-files').textContent()).toContain('bien-ban.png');
    await screenshot(h.page, 'console-case-extension-desktop');
    await h.context.close();
  }, 90_000);

  it('more time counts working days in the calendar of the case’s unit, not the province’s', async () => {
    const { db } = sys.database;
    const unit = sys.province.triageUnitId;
    const created = await adminRequest(sys.baseUrl, 'POST', '/v1/admin/calendars', {
      id: 'triage-own',
      name: 'Lịch riêng của Trung tâm',
      parentId: 'default',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await db
      .update(tables.adminUnits)
      .set({ calendarId: 'triage-own' })
      .where(eq(tables.adminUnits.id, unit));
    try {
      const c = await assignedCase();
      expect((await actAs(sys.baseUrl, handlerApi, c.trackingCode, 'accept')).status).toBe(200);
      const before = (await detailAs(sys.baseUrl, handlerApi, c.trackingCode)) as unknown as {
        sla: { calendarId: string; clocks: { target: string; dueAt: string | null }[] };
      };
      expect(before.sla.calendarId).toBe('triage-own');
      const dueDate = localDate(before.sla.clocks.find((k) => k.target === 'resolution')!.dueAt!);
      // The province's next five working days after the deadline; the first is a day off in
      // the unit's calendar only, so the fifth is four working days away there (five by the
      // province's).
      const from = addDays(dueDate, 1);
      const days = (await (
        await fetch(`${sys.baseUrl}/v1/calendars/default/days?from=${from}&to=${addDays(from, 20)}`)
      ).json()) as { days: { date: string; isWorking: boolean }[] };
      const working = days.days.filter((d) => d.isWorking).map((d) => d.date);
      const [holiday, , , , newDate] = working;
      const off = await adminRequest(
        sys.baseUrl,
        'PUT',
        `/v1/admin/calendars/triage-own/overrides/${holiday}`,
        { kind: 'day_off', note: 'Nghỉ riêng của Trung tâm' },
      );
      expect(off.status, JSON.stringify(off.body)).toBe(200);

      const { context, page } = await open(handler.login, c.trackingCode);
      await page.locator('[data-action="request-extension"]').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/Hạn giải quyết mới/).fill(newDate!);
      await poll(() => dialog.textContent()).toContain('Gia hạn thêm 4 ngày làm việc');
      await dialog.getByRole('textbox', { name: /^Lý do gia hạn/ }).fill('Chờ kết quả giám định.');
      await dialog.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
      await poll(() => page.textContent('body')).toMatch(/Đề nghị gia hạn 4 ngày đang chờ duyệt/);
      await context.close();

      // Granted, the deadline falls on the chosen date (by the province's calendar, a day early).
      const granted = await actAs(sys.baseUrl, leaderApi, c.trackingCode, 'grant-extension', {
        reason: 'Đồng ý.',
      });
      expect(granted.status, JSON.stringify(granted.body)).toBe(200);
      const after = (await detailAs(sys.baseUrl, handlerApi, c.trackingCode)) as unknown as {
        sla: { clocks: { target: string; dueAt: string | null }[] };
      };
      expect(localDate(after.sla.clocks.find((k) => k.target === 'resolution')!.dueAt!)).toBe(
        newDate,
      );
    } finally {
      await db
        .update(tables.adminUnits)
        .set({ calendarId: null })
        .where(eq(tables.adminUnits.id, unit));
    }
  }, 90_000);

  it('lists the files as download links that only officials in scope can follow', async () => {
    const c = await assignedCase();
    expect((await uploadAsOfficial(sys.baseUrl, handlerApi, c.trackingCode)).status).toBe(201);
    const { context, page } = await open(handler.login, c.trackingCode);
    const link = page.getByTestId('case-files').getByRole('link', { name: 'anh.png' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/v1\/cases\/[0-9a-f-]{36}\/attachments\/[0-9a-f-]{36}$/);
    const file = await page.request.get(`${sys.baseUrl}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('image/png');
    // A photo is shown in place (inline); other types download (tests/attachments).
    expect(file.headers()['content-disposition']).toMatch(/^inline;/);
    expect((await file.body()).subarray(1, 4).toString()).toBe('PNG');
    // Without a session, with a made-up file or a malformed id: 401, 404, 400 (never a 500).
    expect((await fetch(`${sys.baseUrl}${href}`)).status).toBe(401);
    const other = href.replace(/[0-9a-f-]{36}$/, '00000000-0000-4000-8000-000000000000');
    expect((await page.request.get(`${sys.baseUrl}${other}`)).status()).toBe(404);
    const malformed = href.replace(/[0-9a-f-]{36}$/, 'not-a-uuid');
    expect((await page.request.get(`${sys.baseUrl}${malformed}`)).status()).toBe(400);
    await context.close();
  }, 60_000);

  it('shows a file the sender only linked to as an external link, never through us', async () => {
    const c = await assignedCase();
    const url = 'https://media.example.net/mms/ME1/anh-ngap.jpg';
    await sys.database.db.insert(tables.attachments).values({
      caseId: c.caseId,
      source: 'open311',
      fileName: 'anh-ngap.jpg',
      contentType: 'image/jpeg',
      externalUrl: url,
    });
    const { context, page } = await open(handler.login, c.trackingCode);
    const files = page.getByTestId('case-files');
    const link = files.getByRole('link', { name: /anh-ngap\.jpg/ });
    expect(await link.getAttribute('href')).toBe(url);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect((await link.getAttribute('rel'))?.split(' ').sort()).toEqual([
      'nofollow',
      'noopener',
      'noreferrer',
    ]);
    expect(await files.textContent()).toContain('media.example.net');
    await context.close();
  }, 60_000);

  it('fits a phone screen', async () => {
    const c = await assignedCase();
    const { context, page } = await open(handler.login, c.trackingCode, 'mobile');
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'console-case-mobile');
    await context.close();
  }, 60_000);
});
