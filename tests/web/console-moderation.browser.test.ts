import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTriageOfficials, caseAt, type Officials } from '../follow-up/follow-up-support.js';
import { launchBrowser, newContext, screenshot, signInToConsole } from '../support/browser.js';
import { addSignInOfficial, TEST_PASSWORD } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { getPage, textOf } from './portal-support.js';

describe('the console’s publication review, and what the portal then shows', () => {
  let sys: TestSystem;
  let browser: Browser;
  let officials: Officials;
  let moderator: { id: string; login: string };

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'web-moderation', withWorker: false });
    browser = await launchBrowser();
    officials = await addTriageOfficials(sys);
    moderator = await addSignInOfficial(
      sys.database.db,
      sys.province.triageUnitId,
      ['unit_leader'],
      { fullName: 'Hoàng Kiểm Duyệt' },
    );
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  it('a leader approves one case (edited) and refuses another; only the approved one is public', async () => {
    // Letters only: a run of digits would read as a phone number and be redacted (and nothing
    // that reads as a name or a house address, which redaction may take out too).
    const stamp = Array.from(
      { length: 8 },
      () => 'abcdefghkmnpqrstuvxy'[Math.floor(Math.random() * 20)],
    ).join('');
    const approved = await caseAt(sys, officials, 'resolved', {
      consentToPublish: true,
      phone: '0912345678',
      text: `Đèn chiếu sáng trước trường học hỏng ${stamp}, gọi tôi 0912 345 678.`,
    });
    const refused = await caseAt(sys, officials, 'resolved', {
      consentToPublish: true,
      text: `Hàng xóm ông Tư đổ rác ${stamp}.`,
    });
    const unconsented = await caseAt(sys, officials, 'resolved', {
      text: `Không muốn công khai ${stamp}.`,
    });

    const context = await newContext(browser);
    const page = await context.newPage();
    await signInToConsole(page, sys.baseUrl, moderator.login, TEST_PASSWORD);
    await page.getByRole('link', { name: 'Kiểm duyệt công khai' }).click();
    await page.getByRole('heading', { name: 'Kiểm duyệt công khai' }).waitFor();
    await page.getByRole('link', { name: approved.trackingCode }).waitFor();
    const queue = (await page.getByRole('table').textContent()) ?? '';
    expect(queue).toContain(refused.trackingCode);
    expect(queue).not.toContain(unconsented.trackingCode);
    expect(queue).not.toContain('0912 345 678');

    // The original beside the redacted, editable public version.
    await page.getByRole('link', { name: approved.trackingCode }).click();
    await page.getByTestId('original-text').waitFor();
    expect(await page.getByTestId('original-text').textContent()).toContain('0912 345 678');
    const publicText = page.getByLabel('Nội dung công khai');
    const proposed = await publicText.inputValue();
    expect(proposed).toContain(`Đèn chiếu sáng trước trường học hỏng ${stamp}`);
    expect(proposed).not.toMatch(/0912|345 678/);
    const edited = `Đèn chiếu sáng trước trường học hỏng ${stamp}, đề nghị sửa.`;
    await publicText.fill(edited);
    await screenshot(page, 'console-moderation-case');
    await page.getByRole('button', { name: 'Duyệt công khai' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã duyệt công khai' }).waitFor();

    await page.getByRole('link', { name: /Danh sách chờ duyệt/ }).click();
    await page.getByRole('link', { name: refused.trackingCode }).click();
    await page.getByRole('button', { name: 'Không công khai' }).click();
    await page.getByLabel('Lý do không công khai').fill('Nêu đích danh người khác.');
    await page.getByRole('button', { name: 'Xác nhận không công khai' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã quyết định không công khai' }).waitFor();

    // The portal's published answers: the approved, edited text only.
    await page.goto(`${sys.baseUrl}/cong-khai`);
    const shown = (await page.locator('main').textContent()) ?? '';
    expect(shown).toContain(edited);
    expect(shown).toContain(approved.trackingCode);
    expect(shown).not.toContain(refused.trackingCode);
    expect(shown).not.toContain(`Hàng xóm ông Tư đổ rác ${stamp}`);
    expect(shown).not.toContain(unconsented.trackingCode);
    expect(shown).not.toMatch(/0912|345 678|0987 654 321/);
    await screenshot(page, 'portal-published-after-moderation');
    await context.close();

    // And without a browser, the same from the page as served.
    const served = textOf((await getPage(sys.baseUrl, '/cong-khai')).html);
    expect(served).toContain(edited);
    expect(served).not.toContain(`Không muốn công khai ${stamp}`);
  });
});
