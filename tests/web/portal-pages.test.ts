import { request } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@hotline/db';
import { startSystem, type TestSystem } from '../support/system.js';
import {
  CookieJar,
  fieldError,
  getPage,
  pngOf,
  postForm,
  submitAndFollow,
  tagWithId,
  textOf,
  unlabelledControls,
  unusedTrackingCode,
} from './portal-support.js';

describe('citizen portal pages (no JavaScript)', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'portal-pages', withWorker: false });
  });
  afterAll(async () => {
    await sys?.close();
  });

  it('home: what the service is, the big button, tracking, hotline numbers (no personal phone)', async () => {
    const page = await getPage(sys.baseUrl, '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.html).toMatch(/<html lang="vi">/);
    expect(page.html).toContain('href="/gui-phan-anh"');
    const text = textOf(page.html);
    expect(text).toContain('Gửi phản ánh');
    expect(text).toContain('0239 3000 111');
    expect(text).toContain('UBND tỉnh Thử nghiệm');
    expect(page.html).not.toContain('912000001');
    expect(unlabelledControls(page.html)).toEqual([]);
  });

  it('English with ?lang=en, remembered in a cookie; <html lang> follows', async () => {
    const jar = new CookieJar();
    const first = await getPage(sys.baseUrl, '/?lang=en', jar);
    expect(first.html).toMatch(/<html lang="en">/);
    expect(textOf(first.html)).toContain('Send feedback');
    const cookie = first.headers.getSetCookie().find((c) => c.startsWith('hl_lang=en'));
    expect(cookie).toMatch(/HttpOnly/i);
    const next = await getPage(sys.baseUrl, '/gui-phan-anh', jar);
    expect(next.html).toMatch(/<html lang="en">/);
    expect(textOf(next.html)).toContain('What is your feedback about?');
    const back = await getPage(sys.baseUrl, '/duong-day-nong?lang=vi', jar);
    expect(back.html).toMatch(/<html lang="vi">/);
  });

  it('the submit form: categories with descriptions, communes, every control labelled', async () => {
    const page = await getPage(sys.baseUrl, '/gui-phan-anh');
    expect(page.status).toBe(200);
    expect(page.html).toContain('enctype="multipart/form-data"');
    expect(page.html).toMatch(/<input type="radio" id="f-cat-xay-dung" name="categoryCode"/);
    expect(page.html).toMatch(/<option value="xa-a1"[^>]*>Xã A1<\/option>/);
    expect(page.html).toMatch(/<optgroup label="Huyện A">/);
    expect(page.html).toMatch(
      /<input id="f-photos" name="photos" type="file" multiple accept="image\/\*"/,
    );
    expect(unlabelledControls(page.html)).toEqual([]);
  });

  it('validation: 400, each message by its field and tied to it, the input kept', async () => {
    const res = await postForm(sys.baseUrl, '/gui-phan-anh', {
      text: 'Ngắn',
      phone: '123',
      email: 'not-an-email',
      address: 'Thôn 3 <b>đậm</b>',
      contact: 'named',
    });
    expect(res.status).toBe(400);
    expect(fieldError(res.html, 'categoryCode')).toBe('Hãy chọn lĩnh vực của phản ánh.');
    expect(fieldError(res.html, 'text')).toBe('Nội dung cần ít nhất 10 ký tự.');
    expect(fieldError(res.html, 'phone')).toMatch(/Số điện thoại không hợp lệ/);
    expect(fieldError(res.html, 'email')).toMatch(/thư điện tử không hợp lệ/);
    expect(tagWithId(res.html, 'f-phone')).toMatch(/aria-describedby="h-phone e-phone"/);
    expect(tagWithId(res.html, 'f-phone')).toMatch(/aria-invalid="true"/);
    expect(res.html).toContain('>Ngắn</textarea>');
    // Kept, and escaped.
    expect(res.html).toContain('value="Thôn 3 &lt;b&gt;đậm&lt;/b&gt;"');
    expect(res.html).toContain('data-error-summary');
    expect(res.html).toContain('href="#f-cat-xay-dung"');
  });

  it('validation in English', async () => {
    const jar = new CookieJar();
    jar.set('hl_lang', 'en');
    const res = await postForm(sys.baseUrl, '/gui-phan-anh', { text: 'x' }, jar);
    expect(res.status).toBe(400);
    expect(fieldError(res.html, 'categoryCode')).toBe('Choose what your feedback is about.');
    expect(fieldError(res.html, 'text')).toBe('Your feedback needs at least 10 characters.');
  });

  it('a valid form: 303 to the tracking page, the owner token in a scoped cookie only', async () => {
    const jar = new CookieJar();
    const { post, page } = await submitAndFollow(
      sys.baseUrl,
      '/gui-phan-anh',
      {
        categoryCode: 'moi-truong',
        text: 'Rác thải đổ trộm ven sông gây ô nhiễm nặng.',
        communeCode: 'xa-a1',
        address: 'Thôn 3',
        contact: 'named',
        name: 'Nguyễn Văn Dân',
        phone: '0912 345 678',
        consent: 'yes',
      },
      jar,
    );
    expect(post.status).toBe(303);
    const code = /^\/tra-cuu\/([2-9A-Z]{4}-[2-9A-Z]{4})\?tb=da-gui-sms$/.exec(post.location!)?.[1];
    expect(code).toBeDefined();
    expect(post.location).not.toMatch(/912|Nguy|token/i);
    const owner = post.headers.getSetCookie().find((c) => c.startsWith('hl_owner='));
    expect(owner).toMatch(new RegExp(`Path=/tra-cuu/${code}`));
    expect(owner).toMatch(/HttpOnly/);
    expect(owner).toMatch(/SameSite=Strict/);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Đã gửi phản ánh thành công');
    expect(text).toContain('Mã tra cứu đã được gửi tới số điện thoại của bạn qua SMS');
    expect(page.html).toMatch(new RegExp(`<p class="code-large" data-code>${code}</p>`));
    // No PUBLIC_BASE_URL here: the link is where the portal really listens, not port 0.
    expect(sys.config.hasPublicBaseUrl).toBe(false);
    expect(page.html).toContain(
      `<a href="/tra-cuu/${code}" id="tracking-link">${sys.baseUrl}/tra-cuu/${code}</a>`,
    );
    expect(page.html).toContain(`data-copy="${sys.baseUrl}/tra-cuu/${code}"`);
    // No personal data on the page.
    expect(page.html).not.toContain('Nguyễn Văn Dân');
    expect(page.html).not.toContain('345 678');
  });

  it('the tracking link ignores the Host header; the receipt SMS links to the real address too', async () => {
    const jar = new CookieJar();
    const { post } = await submitAndFollow(
      sys.baseUrl,
      '/gui-phan-anh',
      {
        categoryCode: 'moi-truong',
        text: 'Cống thoát nước bị tắc, nước tràn ra đường.',
        contact: 'named',
        phone: '0912 345 601',
      },
      jar,
    );
    const path = post.location!.split('?')[0]!;
    // A forged Host must not become a link the citizen copies (or a cache keeps).
    const forged = await rawGet(sys.baseUrl, path, {
      host: 'evil.example',
      cookie: jar.headerFor(path),
    });
    expect(forged.status).toBe(200);
    expect(forged.body).toContain(`data-copy="${sys.baseUrl}${path}"`);
    expect(forged.body).not.toContain('evil.example');

    // The worker plans the receipt (routing); its SMS links to the same address.
    const code = path.split('/').at(-1)!.replace('-', '');
    const [row] = await sys.database.db
      .select({ id: tables.cases.id })
      .from(tables.cases)
      .where(eq(tables.cases.trackingCode, code));
    sys.startWorker();
    try {
      await expect
        .poll(
          async () =>
            (
              await sys.database.db
                .select({ body: tables.notifications.body })
                .from(tables.notifications)
                .where(eq(tables.notifications.caseId, row!.id))
            ).map((n) => n.body),
          { timeout: 15_000, interval: 200 },
        )
        .toContainEqual(expect.stringContaining(`${sys.baseUrl}${path}`));
    } finally {
      await sys.stopWorker();
    }
  }, 30_000);

  it('multipart with photos: each checked by its bytes, stored as the case’s attachments', async () => {
    const form = new FormData();
    form.set('categoryCode', 'xay-dung');
    form.set('text', 'Công trình xây dựng lấn chiếm vỉa hè.');
    form.set('contact', 'anonymous');
    form.set('name', 'Không lưu');
    form.append('photos', new Blob([pngOf(40, 30)], { type: 'image/png' }), 'vi-pham.png');
    const res = await postForm(sys.baseUrl, '/gui-phan-anh', form);
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/\?tb=da-gui$/);
    const code = /\/tra-cuu\/([^?]+)/.exec(res.location!)![1]!;
    const [row] = await sys.database.db
      .select()
      .from(tables.cases)
      .where(eq(tables.cases.trackingCode, code.replace('-', '')));
    expect(row!.isAnonymous).toBe(true);
    expect(row!.citizenName).toBeNull();
    const files = await sys.database.db
      .select()
      .from(tables.attachments)
      .where(eq(tables.attachments.caseId, row!.id));
    expect(files.map((f) => [f.fileName, f.contentType, f.source])).toEqual([
      ['vi-pham.png', 'image/png', 'web'],
    ]);
  });

  it('multipart refusals keep the form: not a photo, too many photos', async () => {
    const base = () => {
      const form = new FormData();
      form.set('categoryCode', 'xay-dung');
      form.set('text', 'Nội dung đủ dài để gửi.');
      return form;
    };
    const fake = base();
    fake.append('photos', new Blob(['<?php echo 1; ?>'], { type: 'image/jpeg' }), 'anh.jpg');
    const notPhoto = await postForm(sys.baseUrl, '/gui-phan-anh', fake);
    expect(notPhoto.status).toBe(400);
    expect(fieldError(notPhoto.html, 'photos')).toMatch(/Chỉ nhận tệp ảnh/);
    expect(notPhoto.html).toContain('>Nội dung đủ dài để gửi.</textarea>');
    expect(notPhoto.html).toMatch(
      /id="f-cat-xay-dung" name="categoryCode" value="xay-dung" checked/,
    );
    const many = base();
    for (let i = 0; i < 6; i++) {
      many.append('photos', new Blob([pngOf(4, 4)], { type: 'image/png' }), `a${i}.png`);
    }
    const tooMany = await postForm(sys.baseUrl, '/gui-phan-anh', many);
    expect(tooMany.status).toBe(400);
    expect(fieldError(tooMany.html, 'photos')).toBe('Chỉ gửi được tối đa 5 ảnh.');
  });

  it('lookup: the form, a bad code (400, kept), an unknown code (404), any spelling of a code', async () => {
    const form = await getPage(sys.baseUrl, '/tra-cuu');
    expect(form.status).toBe(200);
    expect(unlabelledControls(form.html)).toEqual([]);
    const bad = await getPage(sys.baseUrl, '/tra-cuu?ma=abc');
    expect(bad.status).toBe(400);
    expect(fieldError(bad.html, 'ma')).toMatch(/Mã tra cứu không đúng/);
    expect(bad.html).toContain('value="abc"');
    const unknown = unusedTrackingCode();
    const jump = await getPage(
      sys.baseUrl,
      `/tra-cuu?ma=${unknown.toLowerCase().replace('-', '')}`,
    );
    expect(jump.status).toBe(303);
    expect(jump.location).toBe(`/tra-cuu/${unknown}`);
    const missing = await getPage(sys.baseUrl, `/tra-cuu/${unknown}`);
    expect(missing.status).toBe(404);
    expect(fieldError(missing.html, 'ma')).toMatch(/Không tìm thấy phản ánh/);
    const moved = await getPage(sys.baseUrl, `/tra-cuu/${unknown.replace('-', '').toLowerCase()}`);
    expect(moved.status).toBe(301);
    expect(moved.location).toBe(`/tra-cuu/${unknown}`);
    const junk = await getPage(sys.baseUrl, '/tra-cuu/%3Cscript%3E');
    expect(junk.status).toBe(400);
    expect(junk.html).not.toContain('<script>');
  });

  it('the directory: number, leader’s name and title, unit; never the leader’s own phone', async () => {
    const page = await getPage(sys.baseUrl, '/duong-day-nong');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Đường dây nóng Giám đốc Sở Xây dựng');
    expect(text).toContain('0239 3000 111');
    expect(text).toContain('Trần Văn Lãnh Đạo, Giám đốc Sở');
    expect(text).toContain('Sở Xây dựng');
    expect(page.html).toContain('href="tel:+842393000111"');
    expect(page.html).not.toContain('912000001');
    expect(page.html).not.toContain('leader@test.gov.vn');
  });

  it('the office calendar: a month of working days and Tết, weeks from Monday', async () => {
    const page = await getPage(sys.baseUrl, '/lich-lam-viec?thang=2027-02');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Tháng 2 năm 2027');
    expect(text).toMatch(/Nghỉ lễ, Tết/);
    expect(page.html).toContain('href="/lich-lam-viec?thang=2027-01"');
    expect(page.html).toContain('href="/lich-lam-viec?thang=2027-03"');
    // 1 February 2027 is a Monday: no blank cell before it.
    expect(page.html).toMatch(
      /<tbody>\s*<tr>\s*<td class="day day-working_day"><span class="day-number">1</,
    );
    const en = await getPage(sys.baseUrl, '/lich-lam-viec?thang=2027-02&lang=en');
    expect(textOf(en.html)).toContain('February 2027');
    expect(textOf(en.html)).toContain('Public holiday');
    for (const q of ['9999-99', 'abc', '2027-13', '']) {
      expect((await getPage(sys.baseUrl, `/lich-lam-viec?thang=${q}`)).status).toBe(200);
    }
  });

  it('never a 500 for bad input', async () => {
    const cases: Array<[string, string, string | undefined, Record<string, string>]> = [
      ['GET', '/cong-khai?trang=abc', undefined, {}],
      ['GET', '/cong-khai?trang=999999999', undefined, {}],
      ['GET', '/tra-cuu?ma=', undefined, {}],
      ['GET', '/tra-cuu?ma=%F0%9F%98%80', undefined, {}],
      ['GET', `/tra-cuu/${'A'.repeat(300)}`, undefined, {}],
      ['POST', '/gui-phan-anh', 'categoryCode=../../x&text=' + 'a'.repeat(20), form()],
      ['POST', '/gui-phan-anh', 'categoryCode=xay-dung&categoryCode=moi-truong&text[]=x', form()],
      ['POST', '/gui-phan-anh', '{"text": 1}', { 'content-type': 'application/json' }],
      [
        'POST',
        '/gui-phan-anh',
        'not multipart',
        { 'content-type': 'multipart/form-data; boundary=x' },
      ],
      ['POST', '/gui-phan-anh', 'a'.repeat(100_000), form()],
      ['POST', `/tra-cuu/${unusedTrackingCode()}/danh-gia`, 'rating=9', form()],
      ['POST', '/tra-cuu/bad/rut', '', form()],
      ['POST', `/tra-cuu/${unusedTrackingCode()}/gui-ma`, '', form()],
      ['POST', `/tra-cuu/${unusedTrackingCode()}/xac-nhan`, 'otp=123456', form()],
    ];
    for (const [method, path, body, headers] of cases) {
      const res = await fetch(sys.baseUrl + path, { method, body, headers, redirect: 'manual' });
      expect(res.status, `${method} ${path} ${String(body).slice(0, 40)}`).toBeLessThan(500);
      await res.text();
    }
  });
});

/** A GET over plain HTTP, so that headers fetch will not send (Host) can be set. */
function rawGet(baseUrl: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(baseUrl + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function form() {
  return { 'content-type': 'application/x-www-form-urlencoded' };
}
