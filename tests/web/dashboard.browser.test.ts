import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@hotline/testing';
import { launchBrowser, newContext, screenshot, signInToConsole } from '../support/browser.js';
import { addLeaders, useFastClocks } from '../support/fast-clocks.js';
import { addOfficial, addSignInOfficial, bearerFor, TEST_PASSWORD } from '../support/officials.js';
import { postJson, startSystem, type TestSystem } from '../support/system.js';

type Headers = Record<string, string>;

describe('the supervisors’ dashboard in a browser', () => {
  let sys: TestSystem;
  let browser: Browser;
  let supervisorLogin: string;
  let watched: { code: string; id: string };

  const caseIdOf = async (code: string) => {
    const [row] = await sys.database.db.execute<{ id: string }>(
      sql`select id from cases where tracking_code = ${code.replace(/-/g, '')}`,
    );
    return row!.id;
  };
  const post = async (path: string, body: unknown, headers: Headers) => {
    const res = await postJson(sys.baseUrl, path, body, {
      'content-type': 'application/json',
      ...headers,
    });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body!;
  };
  const submit = async (text: string, extra: Record<string, unknown> = {}) => {
    const res = await post('/v1/cases', { categoryCode: 'xay-dung', text, ...extra }, {});
    return {
      code: res.trackingCode as string,
      token: res.ownerToken as string,
      id: await caseIdOf(res.trackingCode as string),
    };
  };
  const routed = (id: string) =>
    waitFor(
      async () => {
        const [row] = await sys.database.db.execute<{ due: string | null }>(
          sql`select resolution_due_at as due from cases where id = ${id}`,
        );
        return row?.due ? new Date(row.due) : undefined;
      },
      { timeoutMs: 15_000, what: 'routed with a deadline' },
    );

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'web-dashboard' });
    // Deadlines of 25 s in a 24/7 calendar: the watched case turns overdue during the test.
    await useFastClocks(sys, 'PT25S', { rung2After: 'PT5S', rung3After: 'PT5S' });
    await addLeaders(sys);
    const { db } = sys.database;
    const unit = sys.province.triageUnitId;
    supervisorLogin = (
      await addSignInOfficial(db, unit, ['supervisor'], { fullName: 'Giám sát viên' })
    ).login;
    const handlerId = await addOfficial(db, unit, ['handler'], { fullName: 'Nguyễn Văn Xử Lý' });
    const handler = await bearerFor(sys.baseUrl, handlerId);
    const boss = await bearerFor(sys.baseUrl, await addOfficial(db, unit, ['operator']));

    // One answered on time and rated, two passed between units, one through the leader's
    // hotline, and the watched one left alone until it is late.
    const answered = await submit('Đèn chiếu sáng hỏng trên đường Trần Phú.');
    const passed = await submit('Công trình không phép lấn chiếm vỉa hè.');
    const passedTwice = await submit('Nước thải xả ra kênh thủy lợi.');
    await submit('Rác thải ùn ứ ở chợ.', { hotline: '0239 3000 111' });
    for (const c of [answered, passed, passedTwice]) await routed(c.id);

    await post(`/v1/cases/${answered.code}/assign`, { assigneeId: handlerId }, boss);
    await post(`/v1/cases/${answered.code}/accept`, {}, handler);
    await post(`/v1/cases/${answered.code}/resolve`, { answer: 'Đã thay bóng đèn.' }, handler);
    await post(
      `/v1/cases/${answered.code}/rating`,
      { rating: 5 },
      { 'x-case-token': answered.token },
    );
    const move = (code: string, toUnitCode: string) =>
      post(`/v1/cases/${code}/transfer`, { toUnitCode, reason: 'Không thuộc thẩm quyền' }, boss);
    await move(passed.code, 'so-xay-dung');
    await move(passedTwice.code, 'so-xay-dung');
    await move(passedTwice.code, 'huyen-a');
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  const openAsSupervisor = async (viewport: 'desktop' | 'mobile' = 'desktop') => {
    const context = await newContext(browser, { viewport });
    const page = await context.newPage();
    if (viewport === 'desktop') {
      await signInToConsole(page, sys.baseUrl, supervisorLogin, TEST_PASSWORD);
    } else {
      // On a phone the name in the header is hidden: wait for the menu button instead.
      await page.goto(`${sys.baseUrl}/console/`);
      await page.getByLabel(/Thư điện tử/).fill(supervisorLogin);
      await page
        .getByLabel(/Mật khẩu/)
        .first()
        .fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByTestId('signed-in-as').waitFor({ state: 'attached' });
    }
    return { context, page };
  };
  const download = async (page: Page, name: RegExp) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name }).click(),
    ]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: await readFile(path) };
  };

  it('shows a case turning overdue when its deadline passes, and exports the list', async () => {
    // Sent now, so that its 25-second deadline passes while the supervisor watches.
    watched = await submit('Cống thoát nước bị vỡ gây ngập đường.');
    const { context, page } = await openAsSupervisor();
    // Supervisors land on the dashboard.
    await page.waitForURL(/\/console\/dashboard/);
    await page
      .getByRole('link', { name: /^Quá hạn/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Quá hạn', level: 3 }).waitFor();
    const due = await routed(watched.id);
    expect(due.getTime()).toBeGreaterThan(Date.now());
    await expect.poll(() => page.getByText(watched.code).count(), { timeout: 15_000 }).toBe(0);

    // The list refreshes itself: the case shows up once its deadline has passed.
    await page.getByText(watched.code).waitFor({ timeout: 60_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(due.getTime());
    const row = page.getByRole('row').filter({ hasText: watched.code });
    await expect
      .poll(() => row.textContent(), { timeout: 15_000 })
      .toContain('Trung tâm tiếp nhận');

    const csv = await download(page, /^Tải CSV: Quá hạn/);
    expect(csv.name).toMatch(/\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Mã tra cứu');
    expect(text).toContain(watched.code);
    expect(text).not.toContain('0912'); // no citizen phone numbers

    const xlsx = await download(page, /^Tải XLSX: Quá hạn/);
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    book.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain('Mã tra cứu');
    expect(cells).toContain(watched.code);
    await screenshot(page, 'dashboard-overdue-desktop');
    await context.close();
  }, 120_000);

  it('draws the period’s charts, keeps the period in the URL and opens the leader view', async () => {
    const { context, page } = await openAsSupervisor();
    await page.goto(`${sys.baseUrl}/console/dashboard?period=quarter`);
    await page.getByRole('heading', { name: /Tỷ lệ giải quyết đúng hạn theo đơn vị/ }).waitFor();
    // Every chart is drawn (an SVG image with its description) or says it has no figures.
    await expect
      .poll(() => page.locator('[role="img"] svg').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(5);
    await expect
      .poll(() => page.getByRole('radio', { name: 'Quý này' }).isChecked(), { timeout: 15_000 })
      .toBe(true);
    // The transfers: Trung tâm → Sở Xây dựng twice, Sở Xây dựng → Huyện A once.
    const transfers = page.getByRole('region', { name: /Chuyển vụ việc giữa các đơn vị/ });
    await transfers.getByRole('button', { name: 'Xem bảng số liệu' }).click();
    const table = transfers.getByRole('table');
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain('Sở Xây dựng');
    expect(await table.getByRole('row').count()).toBe(3);
    await transfers.getByRole('button', { name: 'Xem biểu đồ' }).click();
    await page.evaluate('window.scrollTo(0, 0)');
    await page.waitForTimeout(300);
    await screenshot(page, 'dashboard-desktop');

    await page.getByRole('link', { name: 'Đường dây nóng lãnh đạo' }).click();
    await page.getByRole('link', { name: 'Đường dây nóng Giám đốc Sở Xây dựng' }).click();
    await page.getByText('Rác thải ùn ứ ở chợ.').waitFor();
    expect(page.url()).toContain('period=quarter');
    expect(page.url()).not.toMatch(/\+84|0239/);
    await screenshot(page, 'dashboard-hotline-desktop');
    await context.close();
  }, 60_000);

  it('fits a phone', async () => {
    const { context, page } = await openAsSupervisor('mobile');
    await page.goto(`${sys.baseUrl}/console/dashboard?period=this-month`);
    await page.getByRole('heading', { name: /Tỷ lệ giải quyết đúng hạn theo đơn vị/ }).waitFor();
    await expect
      .poll(() => page.locator('[role="img"] svg').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(5);
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'dashboard-mobile');
    await context.close();
  }, 60_000);
});
