import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from '../support/browser.js';
import { addTriageOfficials, caseAt, type Officials } from '../follow-up/follow-up-support.js';
import { startSystem, type TestSystem } from '../support/system.js';

interface LangReport {
  htmlLang: string;
  /** Vietnamese words whose nearest `lang` is not Vietnamese. */
  untagged: string[];
  /** Label and text of every element marked `lang="vi"`. */
  tagged: string[];
}

// Runs in the page: any letter only Vietnamese uses must sit under a lang="vi" element, so a
// screen reader switches voice for it. Text nodes and the attributes that are read out.
const REPORT = `(() => {
  const vietnamese = /[àáâãèéêìíòóôõùúýăđĩũơư\\u1EA0-\\u1EF9]/i;
  const langOf = (el) => (el && el.closest('[lang]')?.getAttribute('lang')) || '';
  const untagged = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (vietnamese.test(text) && !langOf(node.parentElement).startsWith('vi')) untagged.push(text);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [label], [alt], [placeholder]')) {
    for (const name of ['aria-label', 'title', 'label', 'alt', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value && vietnamese.test(value) && !langOf(el).startsWith('vi')) untagged.push(name + '=' + value);
    }
  }
  const tagged = [...document.body.querySelectorAll('[lang="vi"]')].map((el) =>
    ((el.getAttribute('label') || '') + ' ' + el.textContent).replace(/\\s+/g, ' ').trim(),
  );
  return { htmlLang: document.documentElement.lang, untagged, tagged };
})()`;

describe('English pages mark the Vietnamese that stays Vietnamese (lang="vi")', () => {
  let sys: TestSystem;
  let browser: Browser;
  let officials: Officials;
  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'portal-language', withWorker: false });
    officials = await addTriageOfficials(sys);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  /** The owner-token cookie the portal sets after submitting, for a case's page. */
  const ownerCookie = (c: { trackingCode: string; token: string }) => ({
    name: 'hl_owner',
    value: c.token,
    domain: '127.0.0.1',
    path: `/tra-cuu/${c.trackingCode}`,
    httpOnly: true,
  });

  const reportOf = async (page: Page, path: string): Promise<LangReport> => {
    const res = await page.goto(`${sys.baseUrl}${path}`);
    expect(res!.status(), path).toBe(200);
    return page.evaluate<LangReport>(REPORT);
  };

  it('every page: <html lang="en">, and no Vietnamese outside lang="vi"', async () => {
    const answered = await caseAt(sys, officials, 'resolved', {
      consentToPublish: true,
      published: true,
    });
    const waiting = await caseAt(sys, officials, 'awaiting_citizen');
    const context = await newContext(browser, { locale: 'en-GB' });
    // The question is shown to the case's owner only.
    await context.addCookies([ownerCookie(waiting)]);
    const page = await context.newPage();
    // Each page, with names that must be found marked (so the check is not vacuous).
    const pages: Array<[string, string[]]> = [
      ['/?lang=en', ['UBND tỉnh Thử nghiệm', 'Đường dây nóng Giám đốc Sở Xây dựng']],
      ['/gui-phan-anh', ['Môi trường', 'Xã A1', 'Huyện A']],
      [
        '/duong-day-nong',
        ['Đường dây nóng Giám đốc Sở Xây dựng', 'Trần Văn Lãnh Đạo, Giám đốc Sở', 'Sở Xây dựng'],
      ],
      ['/cong-khai', ['Môi trường', 'Trung tâm tiếp nhận', 'Đã thu gom. Liên hệ cán bộ:']],
      ['/lich-lam-viec?thang=2027-02', ['Tết']],
      [`/tra-cuu/${answered.trackingCode}`, ['Môi trường', 'Trung tâm tiếp nhận', 'Đã thu gom.']],
      [`/tra-cuu/${waiting.trackingCode}`, ['Xin cho biết vị trí chính xác?']],
    ];
    for (const [path, names] of pages) {
      const report = await reportOf(page, path);
      expect(report.htmlLang, path).toBe('en');
      expect(report.untagged, path).toEqual([]);
      for (const name of names) {
        expect(
          report.tagged.some((t) => t.includes(name)),
          `${path}: ${name}`,
        ).toBe(true);
      }
    }
    // In the timeline, the unit's name is marked, the English around it is not.
    expect(
      await page.locator('.timeline-text', { hasText: 'Sent for handling to' }).innerHTML(),
    ).toBe('Sent for handling to <span lang="vi">Trung tâm tiếp nhận</span>');
    await context.close();
  }, 60_000);

  it('inside an answer, the “hidden” markers are English again', async () => {
    const c = await caseAt(sys, officials, 'resolved');
    const context = await newContext(browser, { locale: 'en-GB' });
    // The answer of an unpublished case is shown to its owner only.
    await context.addCookies([ownerCookie(c)]);
    const page = await context.newPage();
    await page.goto(`${sys.baseUrl}/tra-cuu/${c.trackingCode}?lang=en`);
    expect(await page.locator('.answer').getAttribute('lang')).toBe('vi');
    expect(await page.locator('.answer [lang="en"]').allTextContents()).toEqual([
      '[phone number hidden]',
      '[e-mail hidden]',
    ]);
    await context.close();
  }, 60_000);

  it('Vietnamese pages: <html lang="vi"> and no redundant marks', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const report = await reportOf(page, '/duong-day-nong?lang=vi');
    expect(report.htmlLang).toBe('vi');
    // Only the link to the other language says it is in another language.
    const marked = "[...document.body.querySelectorAll('[lang]')].map((el) => el.lang)";
    expect(await page.evaluate<string[]>(marked)).toEqual(['en']);
    await context.close();
  }, 60_000);
});
