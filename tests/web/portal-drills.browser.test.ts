import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { startSystem, type TestSystem } from '../support/system.js';

// The demo's drill (a "Diễn tập" category, a 24/7 duty unit and its hotline) is for officials
// practising: a citizen's home page, hotline list and form never offer it.

describe('the portal shows no drill', () => {
  let sys: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'portal-drills', withWorker: false });
    browser = await launchBrowser();
    const { db } = sys.database;
    const [unit] = await db
      .insert(tables.adminUnits)
      .values({
        code: 'to-truc-dien-tap',
        name: 'Tổ trực đường dây nóng 24/7 (diễn tập)',
        kind: 'agency',
        isDrill: true,
      })
      .returning();
    await db.insert(tables.hotlines).values({
      number: '+842393999000',
      displayNumber: '0239 3999 000',
      name: 'Đường dây nóng diễn tập 24/7',
      ownerOfficialId: sys.province.adminOfficialId,
      unitId: unit!.id,
      isDrill: true,
    });
    await db.insert(tables.categories).values({
      code: 'dien-tap',
      name: 'Diễn tập (hạn xử lý 2 phút)',
      description: 'Dùng để diễn tập.',
      isDrill: true,
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  for (const viewport of ['mobile', 'desktop'] as const) {
    it(`home page, hotline list and form (${viewport})`, async () => {
      const context = await newContext(browser, { viewport });
      const page = await context.newPage();
      for (const [path, name, shows] of [
        ['/', 'home', '0239 3000 111'],
        ['/duong-day-nong', 'directory', '0239 3000 111'],
        ['/gui-phan-anh', 'form', 'Xây dựng'],
      ] as const) {
        await page.goto(`${sys.baseUrl}${path}`);
        const text = await page.locator('body').innerText();
        expect(text, path).toContain(shows);
        expect(text, path).not.toMatch(/diễn tập/i);
        expect(text, path).not.toContain('0239 3999 000');
        await screenshot(page, `portal-no-drill-${name}-${viewport}`);
      }
      await context.close();
    }, 90_000);
  }
});
