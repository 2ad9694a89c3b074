import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxiedSystem, type ProxiedSystem } from '../support/proxied-system.js';
import { CookieJar, getPage, postForm, textOf } from './portal-support.js';

/** A transaction's CommandComplete for COMMIT, as Postgres sends it: the server has committed. */
const COMMIT_DONE = 'C\x00\x00\x00\x0bCOMMIT\x00';

const keyOf = (html: string) => /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1];

// The portal's form carries a key made when it was rendered: sending it twice, or again after
// an uncertain answer, files one case; when Postgres is down, the citizen is told so, in
// their language, with their words kept and a button that is safe to press.
describe('portal: one case per form, and an honest page when Postgres is down', () => {
  let sys: ProxiedSystem;
  beforeAll(async () => {
    sys = await startProxiedSystem('portal-idem');
  });
  afterAll(async () => {
    await sys?.close();
  });

  const countCases = async () =>
    (await sys.database.raw<{ n: number }[]>`select count(*)::int as n from cases`)[0]!.n;
  const form = async (jar?: CookieJar) => {
    const page = await getPage(sys.baseUrl, '/gui-phan-anh', jar);
    expect(page.status).toBe(200);
    const key = keyOf(page.html);
    expect(key).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    return key!;
  };
  const fields = (key: string, text = 'Đèn đường hỏng cả tuần ở tổ 5, rất nguy hiểm.') => ({
    idempotencyKey: key,
    categoryCode: 'xay-dung',
    text,
    contact: 'named',
    name: 'Trần Thị Bình',
  });

  it('each rendering of the form has a key of its own', async () => {
    expect(await form()).not.toBe(await form());
  });

  it('the form sent twice with its key: one case, both answers lead to it with its token', async () => {
    const before = await countCases();
    const key = await form();
    const jar = new CookieJar();
    const first = await postForm(sys.baseUrl, '/gui-phan-anh', fields(key), jar);
    const second = await postForm(sys.baseUrl, '/gui-phan-anh', fields(key), jar);
    expect(first.status, textOf(first.html)).toBe(303);
    expect(second.status).toBe(303);
    expect(second.location).toBe(first.location);
    // The second answer also hands over the owner token (the browser keeps only the last).
    expect(second.headers.getSetCookie().some((c) => c.startsWith('hl_owner='))).toBe(true);
    expect(await countCases()).toBe(before + 1);
  });

  it('Postgres cut: 503 page in Vietnamese, the words kept, the same key; "Gửi lại" then files one case', async () => {
    const before = await countCases();
    const key = await form();
    sys.proxy.cut();
    await sys.proxy.refuse();
    let down;
    try {
      down = await postForm(sys.baseUrl, '/gui-phan-anh', fields(key));
    } finally {
      sys.proxy.restore();
      await sys.proxy.listen();
    }
    expect(down.status).toBe(503);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(down.html).toMatch(/<html lang="vi">/);
    const text = textOf(down.html);
    expect(text).toContain('Chưa chắc phản ánh của bạn đã được gửi');
    expect(text).toContain('Bấm “Gửi lại” là an toàn');
    expect(down.html).toMatch(/<button[^>]*type="submit">Gửi lại<\/button>/);
    expect(down.html).toContain('>Đèn đường hỏng cả tuần ở tổ 5, rất nguy hiểm.</textarea>');
    expect(keyOf(down.html)).toBe(key);
    const again = await postForm(sys.baseUrl, '/gui-phan-anh', fields(key));
    expect(again.status, textOf(again.html)).toBe(303);
    expect(await countCases()).toBe(before + 1);
  });

  it('stored, but the answer lost: the page says it may be received; sending again lands on that case', async () => {
    const before = await countCases();
    const key = await form();
    const lost = sys.proxy.loseNextAnswerWith(COMMIT_DONE);
    const uncertain = await postForm(sys.baseUrl, '/gui-phan-anh', fields(key));
    await lost;
    expect(uncertain.status).toBe(503);
    expect(textOf(uncertain.html)).toContain('Chưa chắc phản ánh của bạn đã được gửi');
    expect(await countCases()).toBe(before + 1);
    const jar = new CookieJar();
    const again = await postForm(sys.baseUrl, '/gui-phan-anh', fields(key), jar);
    expect(again.status).toBe(303);
    expect(await countCases()).toBe(before + 1);
    const [stored] = await sys.database.raw<{ code: string }[]>`
      select tracking_code as code from cases order by received_at desc limit 1`;
    expect(again.location).toContain(stored!.code.slice(0, 4));
    const page = await getPage(sys.baseUrl, again.location!, jar);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Đã gửi phản ánh thành công');
  });

  it('on the English pages, the same in English', async () => {
    const jar = new CookieJar();
    await getPage(sys.baseUrl, '/?lang=en', jar);
    const key = await form(jar);
    sys.proxy.cut();
    await sys.proxy.refuse();
    let down;
    try {
      down = await postForm(sys.baseUrl, '/gui-phan-anh', fields(key), jar);
    } finally {
      sys.proxy.restore();
      await sys.proxy.listen();
    }
    expect(down.status).toBe(503);
    expect(down.html).toMatch(/<html lang="en">/);
    expect(textOf(down.html)).toContain('We are not sure your feedback was sent');
    expect(textOf(down.html)).toContain('Pressing “Send again” is safe');
  });

  it('the same form sent again with other words after it was filed: said so, with a new key', async () => {
    const key = await form();
    expect((await postForm(sys.baseUrl, '/gui-phan-anh', fields(key))).status).toBe(303);
    const before = await countCases();
    const changed = await postForm(
      sys.baseUrl,
      '/gui-phan-anh',
      fields(key, 'Một nội dung khác hẳn lần trước, về cây đổ.'),
    );
    expect(changed.status).toBe(422);
    expect(textOf(changed.html)).toContain('Biểu mẫu này đã được gửi trước đó');
    expect(changed.html).toContain('>Một nội dung khác hẳn lần trước, về cây đổ.</textarea>');
    const fresh = keyOf(changed.html);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(key);
    expect(await countCases()).toBe(before);
  });
});
