import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, UNCONFIRMED_REASON } from '@hotline/core';
import { tables } from '@hotline/db';
import { call } from '../auth/auth-client.js';
import { launchBrowser, newContext, screenshot, signInToConsole } from '../support/browser.js';
import { addSignInOfficial, TEST_PASSWORD } from '../support/officials.js';
import {
  adminRequest,
  getJson,
  postJson,
  startSystem,
  type TestSystem,
} from '../support/system.js';

describe('administration pages in a browser', () => {
  let sys: TestSystem;
  let browser: Browser;
  let admin: { id: string; login: string; secret: string };

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'web-admin', withWorker: false });
    const { db } = sys.database;
    const a = await addSignInOfficial(db, sys.province.triageUnitId, ['admin'], {
      fullName: 'Quản trị viên',
    });
    // Administrators must use a second factor: enrolled here as the console's user would.
    const enroll = await call(sys.baseUrl, 'POST', '/v1/auth/totp/enroll', {
      body: { login: a.login, password: TEST_PASSWORD },
    });
    const secret = enroll.body!.secret as string;
    await call(sys.baseUrl, 'POST', '/v1/auth/totp/confirm', {
      body: { login: a.login, password: TEST_PASSWORD, code: totpCode(secret) },
    });
    admin = { id: a.id, login: a.login, secret };
    const rule = await adminRequest(sys.baseUrl, 'POST', '/v1/admin/routing-rules', {
      name: 'Đất đai về Sở Xây dựng',
      conditions: { words: ['dat dai'] },
      targetUnitCode: 'so-xay-dung',
      strategy: 'unit_queue',
    });
    expect(rule.status).toBe(201);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  /** Signs the administrator in through the form: password, then the authenticator code. */
  async function signInAdmin(viewport: 'desktop' | 'mobile' = 'desktop') {
    const context = await newContext(browser, { viewport });
    const page = await context.newPage();
    await page.goto(`${sys.baseUrl}/console/`);
    await page.getByLabel(/Thư điện tử/).fill(admin.login);
    await page
      .getByLabel(/Mật khẩu/)
      .first()
      .fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const code = page.getByLabel(/Mã xác thực|Authentication code/);
    await code.waitFor();
    // The tests sign in again within seconds, and a code is accepted once: the step used last
    // is forgotten, as thirty seconds of waiting would.
    await sys.database.db
      .update(tables.officials)
      .set({ totpLastStep: null })
      .where(eq(tables.officials.id, admin.id));
    await code.fill(totpCode(admin.secret));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('signed-in-as').waitFor({ state: 'attached' });
    return { context, page };
  }
  const open = async (page: Page, path: string, heading: string | RegExp) => {
    await page.goto(`${sys.baseUrl}/console${path}`);
    await page.getByRole('heading', { name: heading, level: 3 }).waitFor();
  };

  it('browses the unit tree, previews a merge, and shows the API’s field errors', async () => {
    const { context, page } = await signInAdmin();
    await page
      .getByRole('navigation', { name: 'Menu' })
      .getByRole('link', { name: 'Quản trị' })
      .click();
    await page.waitForURL(/\/console\/admin\/units/);
    const tree = page.getByRole('tree', { name: 'Cây đơn vị' });
    await tree.getByRole('treeitem', { name: /Xã A1/ }).waitFor();
    // Keyboard: the tree's first item has focus, arrows move, Enter opens a unit.
    await tree.getByRole('treeitem').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/unit=/);
    await tree
      .getByRole('treeitem', { name: /Huyện A/ })
      .locator('div')
      .first()
      .click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('unit=huyen-a');
    const details = page.getByRole('region', { name: 'Thông tin đơn vị' });
    await details.getByRole('heading', { name: 'Huyện A' }).waitFor();
    await expect
      .poll(() => details.getByLabel(/Tên đơn vị/).inputValue(), { timeout: 15_000 })
      .toBe('Huyện A');
    await screenshot(page, 'admin-units-desktop');

    // The merge confirmation says what moves before anything does.
    await details.getByRole('button', { name: 'Sáp nhập…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sáp nhập Huyện A' });
    await dialog.getByLabel(/Sáp nhập vào đơn vị/).click();
    await page.getByRole('option', { name: /Sở Xây dựng/ }).click();
    await dialog.getByText('Sẽ chuyển sang Sở Xây dựng:').waitFor();
    expect(await dialog.textContent()).toContain('1 đơn vị trực thuộc');
    expect(await dialog.textContent()).toContain('0 vụ việc đang mở');
    await screenshot(page, 'admin-units-merge-desktop');
    await dialog.getByRole('button', { name: 'Hủy' }).click();

    // A taken code: the API's message sits under the code field, which gets the focus.
    await page.getByRole('button', { name: 'Thêm đơn vị' }).first().click();
    const create = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await create.getByLabel(/Mã đơn vị/).fill('huyen-a');
    await create.getByLabel(/Tên đơn vị/).fill('Huyện A trùng');
    await create.getByRole('button', { name: 'Tạo' }).click();
    const code = create.getByLabel(/Mã đơn vị/);
    await expect.poll(() => code.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    // The field's description and its error are both tied to it (aria-describedby).
    const describedBy = ((await code.getAttribute('aria-describedby')) ?? '')
      .split(' ')
      .filter(Boolean);
    const described = await Promise.all(
      describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(described.join(' | ')).toContain('Giá trị này đã được dùng');
    const codeId = await code.getAttribute('id');
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.id'), {
        timeout: 15_000,
      })
      .toBe(codeId);
    await context.close();
  }, 60_000);

  it('edits a day in the calendar’s month view', async () => {
    const { context, page } = await signInAdmin();
    await open(page, '/admin/calendars?calendar=default&month=2031-01', 'Lịch làm việc');
    // 4 January 2031 is a Saturday: made a working day in exchange for another.
    const day = page.locator('[data-date="2031-01-04"]');
    await day.waitFor();
    expect(await day.getAttribute('data-working')).toBe('false');
    expect(await day.getAttribute('aria-label')).toContain('Cuối tuần');
    // New Year's Day is a holiday, named.
    expect(await page.locator('[data-date="2031-01-01"]').getAttribute('aria-label')).toMatch(
      /Nghỉ lễ/,
    );
    await day.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Làm việc (điều chỉnh)' }).check();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    // The reason is required: said next to the field.
    await dialog.getByText('Vui lòng nhập thông tin này.').waitFor();
    await dialog.getByLabel(/Lý do/).fill('Làm bù cho ngày nghỉ 02/01');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => day.getAttribute('data-working'), { timeout: 15_000 }).toBe('true');
    expect(await day.getAttribute('aria-label')).toContain('Làm việc (điều chỉnh)');
    await page.getByText('Làm bù cho ngày nghỉ 02/01').first().waitFor();
    const days = await getJson(
      sys.baseUrl,
      '/v1/calendars/default/days?from=2031-01-04&to=2031-01-04',
    );
    expect(days.body.days).toEqual([
      expect.objectContaining({ date: '2031-01-04', isWorking: true, reason: 'override' }),
    ]);
    await screenshot(page, 'admin-calendars-desktop');
    await context.close();
  }, 60_000);

  it('runs the routing dry-run and explains the match', async () => {
    const { context, page } = await signInAdmin();
    await open(page, '/admin/routing', 'Quy tắc phân luồng');
    await page.getByRole('cell', { name: 'Đất đai về Sở Xây dựng', exact: true }).waitFor();
    const tester = page.getByRole('region', { name: 'Thử phân luồng' });
    await tester.getByRole('button', { name: 'Thử' }).click();
    // Nothing filled in: each required field says so.
    await tester.getByText('Vui lòng nhập thông tin này.').first().waitFor();
    await tester.getByLabel(/^Lĩnh vực/).click();
    await page.getByRole('option', { name: 'Môi trường' }).click();
    await tester
      .getByLabel(/Nội dung phản ánh/)
      .fill('Tranh chấp ĐẤT ĐAI giữa hai hộ dân ở thôn 3.');
    await tester.getByRole('button', { name: 'Thử' }).click();
    const result = page.getByTestId('dry-run-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Vụ việc sẽ vào: Sở Xây dựng');
    expect(await result.textContent()).toContain('Đất đai về Sở Xây dựng');
    expect(await result.getByRole('row').nth(1).textContent()).toContain('Khớp (áp dụng)');
    await screenshot(page, 'admin-routing-desktop');
    await context.close();
  }, 60_000);

  it('shows each page at desktop and phone sizes', async () => {
    const pages: [string, string, string][] = [
      ['units', '/admin/units?unit=province', 'Đơn vị'],
      ['officials', '/admin/officials', 'Cán bộ'],
      ['hotlines', '/admin/hotlines', 'Đường dây nóng'],
      ['categories', '/admin/categories', 'Lĩnh vực'],
      ['routing', '/admin/routing', 'Quy tắc phân luồng'],
      ['sla', '/admin/sla', 'Thời hạn xử lý'],
      ['calendars', '/admin/calendars?calendar=default&month=2027-02', 'Lịch làm việc'],
      ['notifications', '/admin/notifications', 'Tin nhắn không gửi được'],
    ];
    for (const size of ['desktop', 'mobile'] as const) {
      const { context, page } = await signInAdmin(size);
      for (const [name, path, heading] of pages) {
        await open(page, path, heading);
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow, `${name} at ${size} scrolls sideways`).toBeLessThanOrEqual(1);
        if (name !== 'routing' && name !== 'calendars' && name !== 'units') {
          await screenshot(page, `admin-${name}-${size}`);
        } else if (size === 'mobile') {
          await screenshot(page, `admin-${name}-${size}`);
        }
      }
      await context.close();
    }
  }, 120_000);

  it('sets a category’s English name, which the console in English shows', async () => {
    const { context, page } = await signInAdmin();
    await open(page, '/admin/categories', 'Lĩnh vực');
    await page.getByRole('button', { name: 'Sửa: Môi trường' }).click();
    await page.getByLabel('Tên tiếng Anh').fill('Environment');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('cell', { name: 'Environment', exact: true }).waitFor();
    const { body } = await adminRequest(sys.baseUrl, 'GET', '/v1/admin/categories');
    const saved = (body!.categories as { code: string; nameEn: string | null }[]).find(
      (c) => c.code === 'moi-truong',
    );
    expect(saved?.nameEn).toBe('Environment');
    await screenshot(page, 'admin-categories-english-name-desktop');

    // The console in English names the category in English; in Vietnamese, in Vietnamese.
    await page.evaluate("localStorage.setItem('hotline.lang', 'en')");
    await page.goto(`${sys.baseUrl}/console/admin/routing`);
    await page.getByRole('heading', { name: 'Routing rules', level: 3 }).waitFor();
    const tester = page.getByRole('region', { name: 'Try the routing' });
    await tester.getByLabel(/^Category/).click();
    await page.getByRole('option', { name: 'Environment', exact: true }).waitFor();
    expect(await page.getByRole('option', { name: 'Môi trường' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.evaluate("localStorage.setItem('hotline.lang', 'vi')");
    await context.close();
  }, 60_000);

  it('lists undelivered messages, an unconfirmed one as maybe sent, and sends one again after a warning', async () => {
    const [unconfirmed] = await sys.database.db
      .insert(tables.notifications)
      .values([
        {
          template: 'daily_digest',
          channel: 'email',
          recipientKey: 'digest:admin-test:unconfirmed',
          address: 'lanh.dao@mail.vn',
          body: 'Danh sách phản ánh quá hạn.',
          status: 'unconfirmed',
          attempts: 1,
          lastError: UNCONFIRMED_REASON,
        },
        {
          template: 'daily_digest',
          channel: 'email',
          recipientKey: 'digest:admin-test:dead',
          address: 'lanh.dao@mail.vn',
          body: 'Danh sách phản ánh quá hạn.',
          status: 'dead',
          attempts: 5,
          lastError: 'mail server answered 550',
        },
      ])
      .returning({ id: tables.notifications.id });
    const { context, page } = await signInAdmin();
    await open(page, '/admin/notifications', 'Tin nhắn không gửi được');
    await page.getByText('Đã gửi, chưa rõ kết quả').waitFor();
    await page.getByText('Gửi thất bại').waitFor();
    expect(await page.content()).not.toContain('lanh.dao');
    await screenshot(page, 'admin-notifications-vi-desktop');

    await page.evaluate("localStorage.setItem('hotline.lang', 'en')");
    await open(page, '/admin/notifications', 'Undelivered messages');
    const row = page.getByRole('row', { name: /Sent, outcome unknown/ });
    await row.getByRole('button', { name: 'Send again' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/may already have this message/).waitFor();
    await dialog.getByRole('button', { name: 'Send again' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByText('Failed', { exact: true }).waitFor();
    const [after] = await sys.database.db
      .select({ status: tables.notifications.status })
      .from(tables.notifications)
      .where(eq(tables.notifications.id, unconfirmed!.id));
    expect(after?.status).toBe('pending');
    await page.evaluate("localStorage.setItem('hotline.lang', 'vi')");
    await context.close();
  }, 60_000);

  it('names a case’s category in the queue in the console’s language', async () => {
    const sent = await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'moi-truong',
      hotline: '0239 3000 111',
      text: 'Nước thải từ xưởng nhuộm chảy ra kênh, bốc mùi hôi suốt cả tuần nay.',
      citizen: { name: 'Phạm Văn Tư', phone: '0913456781' },
    });
    expect(sent.status).toBe(201);
    const code = sent.body!.trackingCode as string;
    await adminRequest(sys.baseUrl, 'PATCH', '/v1/admin/categories/moi-truong', {
      nameEn: 'Environment',
    });
    for (const size of ['desktop', 'mobile'] as const) {
      const { context, page } = await signInAdmin(size);
      await page.evaluate("localStorage.setItem('hotline.lang', 'en')");
      await page.goto(`${sys.baseUrl}/console/queues/all`);
      const row = page.locator('tr, [role="row"], li, article').filter({ hasText: code }).last();
      await row.getByText('Environment', { exact: true }).waitFor();
      expect(await row.getByText('Môi trường').count()).toBe(0);
      await screenshot(page, `console-queue-english-names-${size}`);
      // So does the case page.
      await page.goto(`${sys.baseUrl}/console/cases/${code}`);
      await page.getByText('Environment', { exact: true }).first().waitFor();
      expect(await page.getByText('Môi trường', { exact: true }).count()).toBe(0);
      await screenshot(page, `console-case-english-names-${size}`);
      await page.goto(`${sys.baseUrl}/console/queues/all`);
      if (size === 'desktop') {
        // Switching back to Vietnamese asks the API again: the names follow the switch.
        await page.getByText('VI', { exact: true }).click();
        await row.getByText('Môi trường', { exact: true }).waitFor();
      }
      await page.evaluate("localStorage.setItem('hotline.lang', 'vi')");
      await context.close();
    }
  }, 90_000);

  it('a handler sees no administration menu, and /console/admin tells him it is not for him', async () => {
    const handler = await addSignInOfficial(sys.database.db, sys.province.departmentUnitId, [
      'handler',
    ]);
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInToConsole(page, sys.baseUrl, handler.login, TEST_PASSWORD);
    const menu = await page.getByRole('navigation', { name: 'Menu' }).textContent();
    expect(menu).not.toContain('Quản trị');
    await page.goto(`${sys.baseUrl}/console/admin/units`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('chỉ dành cho quản trị viên');
    expect(await page.getByRole('tree').count()).toBe(0);
    await screenshot(page, 'admin-forbidden-desktop');
    await context.close();
  }, 60_000);
});
