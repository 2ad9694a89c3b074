import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { adminRequest, startSystem, type TestSystem } from '../support/system.js';

/** The text of the elements matching `selector`, and the language each is marked in. */
const textsOf = (page: Page, selector: string) =>
  page.evaluate<
    { text: string; lang: string }[]
  >(`[...document.querySelectorAll(${JSON.stringify(selector)})]
    .map((el) => ({
      text: (el.getAttribute('label') ?? el.textContent ?? '').trim(),
      lang: el.closest('[lang]')?.getAttribute('lang') ?? '',
    }))`);

describe('the portal’s English pages show the English names administrators entered', () => {
  let sys: TestSystem;
  let browser: Browser;
  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'portal_english_names', withWorker: false });
    const set = async (path: string, body: unknown) => {
      const res = await adminRequest(sys.baseUrl, 'PATCH', path, body);
      expect(res.status, path).toBe(200);
    };
    await set('/v1/admin/units/province', { nameEn: 'Test Provincial People’s Committee' });
    await set('/v1/admin/units/so-xay-dung', { nameEn: 'Department of Construction' });
    await set('/v1/admin/units/huyen-a', { nameEn: 'District A' });
    await set('/v1/admin/units/xa-a1', { nameEn: 'A1 Commune People’s Committee' });
    await set('/v1/admin/categories/xay-dung', {
      nameEn: 'Construction',
      descriptionEn: 'Unlicensed building, pavements taken over.',
    });
    const { body } = await adminRequest(sys.baseUrl, 'GET', '/v1/admin/hotlines');
    const [hotline] = body!.hotlines as { id: string }[];
    await set(`/v1/admin/hotlines/${hotline!.id}`, {
      nameEn: 'Hotline of the Director of Construction',
    });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  it('home, directory and the form in English; Vietnamese where no English name was set', async () => {
    for (const size of ['mobile', 'desktop'] as const) {
      const context = await newContext(browser, { viewport: size, locale: 'en-GB' });
      const page = await context.newPage();

      await page.goto(`${sys.baseUrl}/?lang=en`);
      expect(await page.locator('.brand-org').textContent()).toBe(
        'Test Provincial People’s Committee',
      );
      const homeLines = await textsOf(page, '.hotline-name');
      expect(homeLines).toContainEqual({
        text: 'Hotline of the Director of Construction',
        lang: 'en',
      });
      await screenshot(page, `portal-english-names-home-${size}`);

      await page.goto(`${sys.baseUrl}/duong-day-nong`);
      const body = await page.locator('main').textContent();
      expect(body).toContain('Hotline of the Director of Construction');
      expect(body).toContain('Department of Construction');
      expect(body).not.toContain('Đường dây nóng Giám đốc Sở Xây dựng');
      await screenshot(page, `portal-english-names-directory-${size}`);

      await page.goto(`${sys.baseUrl}/gui-phan-anh`);
      const categories = await textsOf(page, '.choice-title');
      expect(categories).toContainEqual({ text: 'Construction', lang: 'en' });
      // No English name entered: the Vietnamese one, marked so it is read as Vietnamese.
      expect(categories).toContainEqual({ text: 'Môi trường', lang: 'vi' });
      expect(await page.locator('.choice-desc').allTextContents()).toContain(
        'Unlicensed building, pavements taken over.',
      );
      expect(await textsOf(page, 'optgroup')).toContainEqual({ text: 'District A', lang: 'en' });
      expect((await textsOf(page, 'option')).map((o) => o.text)).toContain('A1 Commune');
      await screenshot(page, `portal-english-names-submit-${size}`);

      // The same pages in Vietnamese keep the Vietnamese names.
      await page.goto(`${sys.baseUrl}/gui-phan-anh?lang=vi`);
      const vietnamese = (await textsOf(page, '.choice-title')).map((c) => c.text);
      expect(vietnamese).toContain('Xây dựng');
      expect(vietnamese).not.toContain('Construction');
      await context.close();
    }
  }, 120_000);
});
