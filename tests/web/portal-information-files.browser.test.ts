import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { addSignInOfficial, bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { caseAt, type Officials } from '../follow-up/follow-up-support.js';
import { signInByKeyboard } from './console-case-fixtures.js';
import { CookieJar, fieldError, pngOf, postForm } from './portal-support.js';

const PNG = pngOf(320, 240);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * A citizen asked for information answers with a photo and a PDF from the tracking page, with
 * and without JavaScript, and the handler finds the files with that information on the case.
 */
describe('portal: information with photos and PDF files, seen by the official', () => {
  let sys: TestSystem;
  let browser: Browser;
  let officials: Officials;
  let handler: { id: string; login: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    sys = await startSystem({
      listen: true,
      label: 'portal-info-files',
      withWorker: false,
      env: { COOKIE_SECURE: 'false' },
    });
    browser = await launchBrowser();
    const { db } = sys.database;
    const unit = sys.province.triageUnitId;
    handler = await addSignInOfficial(db, unit, ['handler'], { fullName: 'Phạm Văn Xử Lý' });
    const leader = await addSignInOfficial(db, unit, ['unit_leader'], { fullName: 'Lê Lãnh Đạo' });
    const scopeUnitIds = new Set([unit]);
    officials = {
      handler: { kind: 'official', officialId: handler.id, roles: ['handler'], scopeUnitIds },
      leader: { kind: 'official', officialId: leader.id, roles: ['unit_leader'], scopeUnitIds },
    };
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await sys?.close();
  });

  /** A citizen's browser holding the case's owner cookie, as after submitting from it. */
  async function citizen(
    code: string,
    token: string,
    options: { viewport: 'mobile' | 'desktop'; javaScriptEnabled: boolean },
  ): Promise<Page> {
    const context = await newContext(browser, options);
    contexts.push(context);
    const url = new URL(sys.baseUrl);
    await context.addCookies([
      {
        name: 'hl_owner',
        value: token,
        domain: url.hostname,
        path: `/tra-cuu/${code}`,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    return context.newPage();
  }

  const filesOf = (caseId: string) =>
    sys.database.db
      .select()
      .from(tables.attachments)
      .where(eq(tables.attachments.caseId, caseId))
      .orderBy(tables.attachments.fileName);

  async function answerWithFiles(
    page: Page,
    code: string,
    shot: string,
    text: string,
  ): Promise<void> {
    await page.goto(`${sys.baseUrl}/tra-cuu/${code}`);
    await page.getByLabel('Thông tin bổ sung').fill(text);
    await page.getByLabel(/Ảnh hoặc tệp PDF/).setInputFiles([
      { name: 'o-ga-truoc-nha.png', mimeType: 'image/png', buffer: PNG },
      { name: 'giay-xac-nhan.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await page.locator('#f-info-files').scrollIntoViewIfNeeded();
    await screenshot(page, `${shot}-form`);
    await page.getByRole('button', { name: 'Gửi thông tin bổ sung' }).click();
    await page.getByText('Đã gửi thông tin bổ sung').waitFor();
    // The owner's timeline says the files went with the information.
    await page.getByText('Kèm 2 tệp (ảnh, PDF) bạn đã gửi.').waitFor();
    await screenshot(page, `${shot}-sent`);
  }

  it('on a phone with JavaScript: the photo and the PDF are kept with the information', async () => {
    const c = await caseAt(sys, officials, 'awaiting_citizen', { phone: '0912 345 681' });
    const page = await citizen(c.trackingCode, c.token, {
      viewport: 'mobile',
      javaScriptEnabled: true,
    });
    await answerWithFiles(page, c.trackingCode, 'portal-info-files-mobile', 'Ổ gà ở cổng trường.');
    const files = await filesOf(c.caseId);
    expect(files.map((f) => [f.fileName, f.contentType, f.sha256, f.source])).toEqual([
      ['giay-xac-nhan.pdf', 'application/pdf', sha(PDF), 'web'],
      ['o-ga-truoc-nha.png', 'image/png', sha(PNG), 'web'],
    ]);
  }, 60_000);

  it('without JavaScript (plain multipart), then the handler sees the files with the information', async () => {
    const c = await caseAt(sys, officials, 'awaiting_citizen', { phone: '0912 345 682' });
    const page = await citizen(c.trackingCode, c.token, {
      viewport: 'desktop',
      javaScriptEnabled: false,
    });
    await answerWithFiles(
      page,
      c.trackingCode,
      'portal-info-files-nojs',
      'Giấy xác nhận kèm theo.',
    );
    const files = await filesOf(c.caseId);
    expect(files).toHaveLength(2);
    const [row] = await sys.database.db
      .select({ status: tables.cases.status })
      .from(tables.cases)
      .where(eq(tables.cases.id, c.caseId));
    expect(row!.status).toBe('in_progress');

    for (const viewport of ['desktop', 'mobile'] as const) {
      const context = await newContext(browser, { viewport });
      contexts.push(context);
      const official = await context.newPage();
      await signInByKeyboard(official, sys.baseUrl, handler.login);
      await official.goto(`${sys.baseUrl}/console/cases/${c.trackingCode}`);
      const timeline = official.getByTestId('case-timeline');
      await timeline.getByText('Giấy xác nhận kèm theo.').waitFor();
      const entry = timeline.locator('[data-testid^="entry-files-"]');
      await expect
        .poll(() => entry.getByRole('link').allTextContents())
        // In the order the citizen chose them.
        .toEqual(['o-ga-truoc-nha.png', 'giay-xac-nhan.pdf']);
      const list = official.getByTestId('case-files');
      expect(await list.textContent()).toContain('kèm thông tin bổ sung');
      await entry.scrollIntoViewIfNeeded();
      await screenshot(official, `console-case-info-files-${viewport}`);
      // The link downloads the very bytes the citizen sent.
      const href = await entry
        .getByRole('link', { name: 'o-ga-truoc-nha.png' })
        .getAttribute('href');
      const res = await official.request.get(`${sys.baseUrl}${href}`);
      expect(res.status()).toBe(200);
      expect(sha(Buffer.from(await res.body()))).toBe(sha(PNG));
    }
  }, 120_000);

  it('refuses a file that is neither a photo nor a PDF, by the field, keeping the text; nothing stored', async () => {
    const c = await caseAt(sys, officials, 'awaiting_citizen');
    const jar = new CookieJar();
    jar.set('hl_owner', c.token, `/tra-cuu/${c.trackingCode}`);
    const form = new FormData();
    form.set('text', 'Tôi gửi tệp');
    form.append('files', new Blob([Buffer.from('MZ not a photo at all')]), 'virus.exe');
    const refused = await postForm(sys.baseUrl, `/tra-cuu/${c.trackingCode}/bo-sung`, form, jar);
    expect(refused.status).toBe(400);
    expect(fieldError(refused.html, 'infoFiles')).toBe(
      'Chỉ nhận ảnh (JPEG, PNG, WebP, HEIC, GIF) hoặc tệp PDF.',
    );
    expect(refused.html).toContain('Tôi gửi tệp</textarea>');
    expect(await filesOf(c.caseId)).toHaveLength(0);
  });

  it('the API takes the same answer as multipart, documented in OpenAPI', async () => {
    const c = await caseAt(sys, officials, 'awaiting_citizen');
    const path = `/v1/cases/${c.trackingCode}/information`;
    const form = () => {
      const f = new FormData();
      f.set('text', 'Ảnh hiện trường');
      f.append('file', new Blob([PNG], { type: 'image/png' }), 'hien-truong.png');
      return f;
    };
    const unproven = await fetch(sys.baseUrl + path, { method: 'POST', body: form() });
    expect(unproven.status).toBe(403);
    const bad = new FormData();
    bad.set('text', 'x');
    bad.append('file', new Blob([Buffer.from('plain text')]), 'a.txt');
    const refused = await fetch(sys.baseUrl + path, {
      method: 'POST',
      headers: { 'x-case-token': c.token },
      body: bad,
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errors: [{ field: 'file', reason: 'file_type_not_allowed' }],
    });
    expect(await filesOf(c.caseId)).toHaveLength(0);

    const ok = await fetch(sys.baseUrl + path, {
      method: 'POST',
      headers: { 'x-case-token': c.token },
      body: form(),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'in_progress' });
    const headers = await bearerFor(sys.baseUrl, handler.id);
    const detail = (await (
      await fetch(`${sys.baseUrl}/v1/cases/${c.caseId}/detail`, { headers })
    ).json()) as {
      timeline: { version: number; type: string; details: Record<string, unknown> }[];
      attachments: { fileName: string; eventVersion: number | null }[];
    };
    const info = detail.timeline.find((e) => e.type === 'info_provided')!;
    expect(info.details.text).toBe('Ảnh hiện trường');
    expect(detail.attachments).toMatchObject([
      { fileName: 'hien-truong.png', eventVersion: info.version },
    ]);

    const doc = (await (await fetch(`${sys.baseUrl}/docs/json`)).json()) as {
      paths: Record<string, { post?: { requestBody?: { content?: Record<string, unknown> } } }>;
    };
    const content = doc.paths['/v1/cases/{trackingCode}/information']?.post?.requestBody?.content;
    expect(Object.keys(content ?? {}).sort()).toEqual(['application/json', 'multipart/form-data']);
  });
});
