import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routedCase } from '../case-actions/helpers.js';
import { newContext, screenshot } from '../support/browser.js';
import { addSignInOfficial, bearerFor } from '../support/officials.js';
import type { TestSystem } from '../support/system.js';
import {
  actAs,
  poll,
  sidewaysOverflow,
  signInByKeyboard,
  type Headers,
  triageTeam,
  closeTeam,
} from './console-case-fixtures.js';

/** A one-page PDF with a line of text, offsets computed so viewers need no repair. */
function onePagePdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 24 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 24 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A 40×30 PNG of one colour (real bytes for the upload's magic-number check). */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAAK0lEQVR4nO3NMQ0AAAgDsDlBGvaQiQw4mvRvqudExGKxWCwWi8VisVj8N155VGJsEgrbdQAAAABJRU5ErkJggg==',
  'base64',
);

describe('templates, bulk actions and file previews in the console', () => {
  let sys: TestSystem;
  let browser: Browser;
  let leader: { id: string; login: string };
  let handler: { id: string; login: string };
  let leaderApi: Headers;
  let handlerApi: Headers;
  let supervisorApi: Headers;

  beforeAll(async () => {
    ({ sys, browser, leader, handler, leaderApi, handlerApi } =
      await triageTeam('web-productivity'));
    const supervisor = await addSignInOfficial(sys.database.db, sys.province.triageUnitId, [
      'supervisor',
    ]);
    supervisorApi = await bearerFor(sys.baseUrl, supervisor.id);
  }, 60_000);
  afterAll(() => closeTeam({ sys, browser }));

  /** Routed to the triage unit, assigned to the handler and accepted: in progress. */
  async function inProgressCase() {
    const c = await routedCase(sys);
    expect(
      (await actAs(sys.baseUrl, leaderApi, c.caseId, 'assign', { assigneeId: handler.id })).status,
    ).toBe(200);
    expect((await actAs(sys.baseUrl, handlerApi, c.caseId, 'accept')).status).toBe(200);
    return c;
  }

  async function signedIn(login: string, viewport: 'desktop' | 'mobile') {
    const context = await newContext(browser, { viewport });
    const page = await context.newPage();
    await signInByKeyboard(page, sys.baseUrl, login);
    return { context, page };
  }

  async function upload(ref: string, name: string, type: string, bytes: Buffer) {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    const res = await fetch(`${sys.baseUrl}/v1/cases/${ref}/official-attachments`, {
      method: 'POST',
      headers: { authorization: handlerApi.authorization! },
      body: form,
    });
    expect(res.status).toBeLessThan(300);
  }

  const replyBox = (page: Page) => page.getByRole('textbox', { name: /Nội dung trả lời/ });

  it.each(['desktop', 'mobile'] as const)(
    'a handler picks a template and the reply shows the case’s code, unit and deadline (%s)',
    async (viewport) => {
      const title = `Đã tiếp nhận (${viewport})`;
      const created = await fetch(`${sys.baseUrl}/v1/reply-templates`, {
        method: 'POST',
        headers: leaderApi,
        body: JSON.stringify({
          purpose: 'reply',
          title,
          body: 'Phản ánh {ma_phan_anh} đã được {don_vi} tiếp nhận, hạn xử lý {han_xu_ly}. {chu_ky}',
        }),
      });
      // An unknown placeholder is refused when saved: the template is written without it.
      expect(created.status).toBe(400);
      const saved = await fetch(`${sys.baseUrl}/v1/reply-templates`, {
        method: 'POST',
        headers: leaderApi,
        body: JSON.stringify({
          purpose: 'reply',
          title,
          body: 'Phản ánh {ma_phan_anh} đã được {don_vi} tiếp nhận, hạn xử lý {han_xu_ly}.',
        }),
      });
      expect(saved.status).toBe(201);

      const c = await inProgressCase();
      const { context, page } = await signedIn(handler.login, viewport);
      await page.goto(`${sys.baseUrl}/console/cases/${c.trackingCode}`);
      await page.locator('[data-action="reply"]').click();
      const picker = page.getByTestId('template-picker');
      await picker.getByRole('combobox', { name: 'Mẫu soạn sẵn' }).click();
      await page.getByRole('option', { name: title }).click();
      await poll(async () => replyBox(page).inputValue()).toContain(c.trackingCode);
      const text = await replyBox(page).inputValue();
      expect(text).toContain('Trung tâm tiếp nhận');
      expect(text).toMatch(/hạn xử lý \d\d:\d\d \d\d\/\d\d\/\d{4}\.$/);
      expect(await page.getByTestId('template-unresolved').count()).toBe(0);
      await screenshot(page, `console-reply-template-${viewport}`);
      // The official may edit it, and it is sent as the reply.
      await replyBox(page).press('End');
      await replyBox(page).pressSequentially(' Trân trọng.');
      await page.getByRole('dialog').getByRole('button', { name: 'Trả lời công dân' }).click();
      await poll(async () => {
        const res = await fetch(`${sys.baseUrl}/v1/cases/${c.caseId}/detail`, {
          headers: handlerApi,
        });
        const body = (await res.json()) as { timeline: { type: string; details: unknown }[] };
        return JSON.stringify(body.timeline.filter((e) => e.type === 'replied'));
      }).toContain('Trân trọng.');
      await context.close();
    },
    60_000,
  );

  it(
    'a leader manages templates on their page, with the placeholders explained',
    { timeout: 60_000 },
    async () => {
      const { context, page } = await signedIn(leader.login, 'desktop');
      await page.goto(`${sys.baseUrl}/console/templates`);
      await page.getByTestId('placeholder-help').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('placeholder-help').textContent()).toContain('{han_xu_ly}');
      await page.getByRole('button', { name: 'Thêm mẫu' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Tên mẫu' }).fill('Xin bổ sung ảnh');
      await dialog
        .getByRole('textbox', { name: 'Nội dung' })
        .fill('Đề nghị gửi ảnh hiện trường cho phản ánh {ma_phan_anh}.');
      await dialog.getByRole('button', { name: 'Tạo' }).click();
      await page.getByRole('cell', { name: 'Xin bổ sung ảnh', exact: true }).waitFor();
      await screenshot(page, 'console-templates-desktop');
      await context.close();
    },
  );

  it.each(['desktop', 'mobile'] as const)(
    'a leader assigns three ticked cases; one closed meanwhile is refused, in words (%s)',
    async (viewport) => {
      const a = await routedCase(sys);
      const b = await routedCase(sys);
      const closing = await inProgressCase();
      const { context, page } = await signedIn(leader.login, viewport);
      await page.goto(`${sys.baseUrl}/console/queues/unit`);
      for (const code of [a.trackingCode, b.trackingCode]) {
        await page.getByRole('checkbox', { name: `Chọn phản ánh ${code}` }).check();
      }
      const third = page.getByRole('checkbox', { name: `Chọn phản ánh ${closing.trackingCode}` });
      if (viewport === 'desktop') {
        // From the keyboard: move to the row, x ticks it.
        await page.locator(`a[data-code="${closing.trackingCode}"]`).focus();
        await page.keyboard.press('x');
        await poll(() => third.isChecked()).toBe(true);
      } else {
        await third.check();
      }
      await page.getByTestId('bulk-bar').getByText('Đã chọn 3 phản ánh').waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      await screenshot(page, `console-queue-bulk-selected-${viewport}`);

      // Meanwhile the handler resolves the third case and a supervisor closes it.
      await actAs(sys.baseUrl, handlerApi, closing.caseId, 'resolve', { answer: 'Đã xử lý.' });
      expect((await actAs(sys.baseUrl, supervisorApi, closing.caseId, 'close')).status).toBe(200);

      await page.locator('[data-bulk-action="assign"]').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: /Cán bộ xử lý/ }).click();
      await page.getByRole('option', { name: /Phạm Thị Xử Lý/ }).click();
      await dialog.getByRole('button', { name: 'Phân công 3 phản ánh' }).click();
      const results = page.getByTestId('bulk-results');
      await results.waitFor();
      expect(await results.getByRole('status').textContent()).toBe('Đã xong 2, không thực hiện 1.');
      const refused = results.locator('[data-outcome="refused"]');
      expect(await refused.textContent()).toContain(closing.trackingCode);
      expect(await refused.textContent()).toContain(
        'Phản ánh đang ở trạng thái “Đã đóng” nên không thể phân công.',
      );
      expect(await results.locator('[data-outcome="done"]').count()).toBe(2);
      await screenshot(page, `console-queue-bulk-results-${viewport}`);

      for (const ref of [a.caseId, b.caseId]) {
        const res = await fetch(`${sys.baseUrl}/v1/cases/${ref}/detail`, { headers: leaderApi });
        expect(((await res.json()) as { assignee: { id: string } }).assignee.id).toBe(handler.id);
      }
      // Closing the results keeps only the refused case ticked.
      await results.getByRole('button', { name: 'Xong' }).click();
      await page.getByTestId('bulk-bar').getByText('Đã chọn 1 phản ánh').waitFor();
      await context.close();
    },
    60_000,
  );

  it.each(['desktop', 'mobile'] as const)(
    'a photo shows as a thumbnail and opens larger; a PDF previews in place (%s)',
    async (viewport) => {
      const c = await inProgressCase();
      await upload(c.caseId, 'hien-truong.png', 'image/png', PHOTO);
      await upload(c.caseId, 'bien-ban.pdf', 'application/pdf', onePagePdf('Bien ban hien truong'));
      const { context, page } = await signedIn(handler.login, viewport);
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      const downloads: string[] = [];
      page.on('download', (d) => downloads.push(d.suggestedFilename()));
      await page.goto(`${sys.baseUrl}/console/cases/${c.trackingCode}`);

      const thumbnail = page.getByTestId('file-thumbnail').locator('img');
      await thumbnail.waitFor();
      await poll(() =>
        thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      ).toBe(40);
      await page.getByTestId('file-thumbnail').click();
      const large = page.getByTestId('image-dialog').locator('img');
      await poll(() =>
        large.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      ).toBe(40);
      expect((await large.boundingBox())!.width).toBeGreaterThan(120);
      await screenshot(page, `console-file-image-dialog-${viewport}`);
      await page.keyboard.press('Escape');

      const pdfResponse = page.waitForResponse(
        (r) => r.url().includes('/attachments/') && r.request().resourceType() === 'document',
      );
      await page.getByTestId('pdf-toggle').click();
      const response = await pdfResponse;
      expect(response.status()).toBe(200);
      const headers = response.headers();
      expect(headers['content-type']).toBe('application/pdf');
      expect(headers['content-disposition']).toMatch(/^inline; filename="bien-ban.pdf"/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
      await page.getByTestId('pdf-frame').waitFor();
      // The browser's own viewer draws the page a moment after the bytes arrive (picture only).
      await page.waitForTimeout(3000);
      await screenshot(page, `console-file-pdf-${viewport}`);
      expect(downloads).toEqual([]);
      expect(violations).toEqual([]);
      await context.close();
    },
    60_000,
  );
});
