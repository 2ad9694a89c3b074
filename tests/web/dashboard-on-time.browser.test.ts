import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_TIME_DEFINITION } from '@hotline/domain';
import { seedOnTimeProvince } from '../reports/on-time-province.js';
import { SCREENSHOTS_DIR, launchBrowser, newContext, screenshot } from '../support/browser.js';
import { addSignInOfficial, TEST_PASSWORD } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';

// The ranking on the dashboard: each rate with the numbers behind it, and the definition
// beside it (the province of seedOnTimeProvince: commune 1/1, department 2/3, centre 1/3).
describe('the on-time ranking on the dashboard', () => {
  let sys: TestSystem;
  let browser: Browser;
  let login: string;
  const now = Date.now();
  const ymd = (t: number) =>
    new Date(t).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
  const url = () =>
    `${sys.baseUrl}/console/dashboard?period=custom&from=${ymd(now - 90 * 86_400_000)}&to=${ymd(now)}`;

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'web-on-time', withWorker: false });
    await seedOnTimeProvince(sys, now);
    login = (
      await addSignInOfficial(sys.database.db, sys.province.triageUnitId, ['supervisor'], {
        fullName: 'Giám sát viên',
      })
    ).login;
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  for (const viewport of ['desktop', 'mobile'] as const) {
    it(`ranks units with the numbers behind each rate and the definition (${viewport})`, async () => {
      const context = await newContext(browser, { viewport });
      const page = await context.newPage();
      await page.goto(`${sys.baseUrl}/console/`);
      await page.getByLabel(/Thư điện tử/).fill(login);
      await page
        .getByLabel(/Mật khẩu/)
        .first()
        .fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByTestId('signed-in-as').waitFor({ state: 'attached' });
      await page.goto(url());

      const ranking = page.getByRole('region', { name: /Tỷ lệ giải quyết đúng hạn theo đơn vị/ });
      await ranking.getByTestId('on-time-row').first().waitFor({ timeout: 15_000 });
      expect(await ranking.getByTestId('on-time-definition').textContent()).toBe(
        ON_TIME_DEFINITION.vi,
      );
      const rows = await ranking.getByTestId('on-time-row').allTextContents();
      expect(rows).toEqual([
        expect.stringMatching(/^1\. Huyện A\s*100(?:[,.]0)?\s?%/),
        expect.stringMatching(/^2\. Sở Xây dựng\s*66[,.]7\s?%/),
        expect.stringMatching(/^3\. Trung tâm tiếp nhận\s*33[,.]3\s?%/),
      ]);
      // The centre: 1 on time of 1 resolved, 2 open past their deadline.
      expect(rows[2]).toContain(
        'đúng hạn 1/3 · đã giải quyết 1 (trễ hạn 0, không có hạn 0) · đang quá hạn 2',
      );
      expect(rows[1]).toContain(
        'đúng hạn 2/3 · đã giải quyết 2 (trễ hạn 0, không có hạn 0) · đang quá hạn 1',
      );

      // The same numbers as a table.
      await ranking.getByRole('button', { name: 'Xem bảng số liệu' }).click();
      const table = ranking.getByRole('table');
      await table.waitFor();
      const centre = table.getByRole('row').filter({ hasText: 'Trung tâm tiếp nhận' });
      expect((await centre.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual([
        '3',
        'Trung tâm tiếp nhận',
        '1',
        '1',
        '0',
        '0',
        '2',
        expect.stringMatching(/^33[,.]3\s?%$/),
      ]);
      await ranking.getByRole('button', { name: 'Xem danh sách' }).click();
      await ranking.getByTestId('on-time-row').first().waitFor();

      if (viewport === 'mobile') {
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow).toBeLessThanOrEqual(1);
      }
      await ranking.scrollIntoViewIfNeeded();
      await ranking.screenshot({
        path: join(SCREENSHOTS_DIR, `dashboard-on-time-${viewport}.png`),
      });
      await screenshot(page, `dashboard-on-time-page-${viewport}`);
      await context.close();
    }, 90_000);
  }
});
