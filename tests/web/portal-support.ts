import { tables, type Database } from '@hotline/db';
import { formatTrackingCode, trackingCodeFromBytes } from '@hotline/domain';
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/** A browser's cookies, enough for the portal: name, value and path, sent by path prefix. */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  /** Remembers the Set-Cookie headers of a response (deletions included). */
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attrs.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      const isGone =
        value === '' ||
        attrs.some((a) => /^max-age=0$/i.test(a) || /^expires=thu, 01 jan 1970/i.test(a));
      const key = `${name}@${path}`;
      if (isGone) this.cookies.delete(key);
      else this.cookies.set(key, { value, path });
    }
  }

  set(name: string, value: string, path = '/') {
    this.cookies.set(`${name}@${path}`, { value, path });
  }

  /** The Cookie header for a request path. */
  headerFor(path: string): string {
    const pathname = path.split('?')[0]!;
    return [...this.cookies.entries()]
      .filter(
        ([, c]) =>
          pathname === c.path ||
          pathname.startsWith(`${c.path.replace(/\/$/, '')}/`) ||
          c.path === '/',
      )
      .map(([key, c]) => `${key.split('@')[0]}=${c.value}`)
      .join('; ');
  }
}

export interface Page {
  status: number;
  html: string;
  location: string | null;
  headers: Headers;
}

async function pageOf(res: Response, jar?: CookieJar): Promise<Page> {
  jar?.take(res);
  return {
    status: res.status,
    html: await res.text(),
    location: res.headers.get('location'),
    headers: res.headers,
  };
}

/** GET a page as a browser without JavaScript would (no redirect following). */
export async function getPage(baseUrl: string, path: string, jar?: CookieJar): Promise<Page> {
  const cookie = jar?.headerFor(path);
  const res = await fetch(baseUrl + path, {
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
  });
  return pageOf(res, jar);
}

/** POST a form, url-encoded (or multipart when `body` is FormData), without following. */
export async function postForm(
  baseUrl: string,
  path: string,
  body: Record<string, string> | FormData,
  jar?: CookieJar,
): Promise<Page> {
  const cookie = jar?.headerFor(path);
  const isMultipart = body instanceof FormData;
  const res = await fetch(baseUrl + path, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(isMultipart ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
    },
    body: isMultipart ? body : new URLSearchParams(body).toString(),
  });
  return pageOf(res, jar);
}

/** POST, then GET where the 303 points (as a browser does), with the jar's cookies. */
export async function submitAndFollow(
  baseUrl: string,
  path: string,
  body: Record<string, string> | FormData,
  jar: CookieJar,
): Promise<{ post: Page; page: Page }> {
  const post = await postForm(baseUrl, path, body, jar);
  if (post.status !== 303 || !post.location) return { post, page: post };
  return { post, page: await getPage(baseUrl, post.location, jar) };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!);

/** The visible text of some HTML, tags dropped and whitespace collapsed. */
export const textOf = (html: string) =>
  decode(html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** The message shown by a field (`<p class="field-error" id="e-<name>">`), or null. */
export function fieldError(html: string, name: string): string | null {
  const m = new RegExp(`<p class="field-error" id="e-${name}"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  return m ? textOf(m[1]!).replace(/^(Lỗi:|Error:)\s*/, '') : null;
}

/** The opening tag of the element with this id. */
export function tagWithId(html: string, id: string): string | null {
  return new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0] ?? null;
}

/** Every form control's id lacking a `<label for>` (hidden inputs and buttons excepted). */
export function unlabelledControls(html: string): string[] {
  const labels = new Set([...html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)].map((m) => m[1]));
  const controls = [...html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)]
    .filter(([, , attrs]) => !/type="(hidden|submit)"/.test(attrs!))
    .map(([tag, , attrs]) => /\sid="([^"]+)"/.exec(attrs!)?.[1] ?? `(no id) ${tag}`);
  return controls.filter((id) => !labels.has(id));
}

/** A tracking code nobody has (valid check character). */
export const unusedTrackingCode = () => formatTrackingCode(trackingCodeFromBytes(randomBytes(8)));

/** Adds a commune whose name has diacritics ("Đức Thọ") under the small province's district. */
export async function addCommune(db: Database, code: string, name: string, parentId: string) {
  await db.insert(tables.adminUnits).values({ code, name, kind: 'commune', parentId });
}

/** An opaque PNG of the given size (a gradient, so it is not trivially compressible). */
export function pngOf(width: number, height: number): Buffer {
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = y * row + 1 + x * 3;
      raw[o] = (x * 255) / width;
      raw[o + 1] = (y * 255) / height;
      raw[o + 2] = 128;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Width and height of a JPEG (from its SOF marker) or PNG (IHDR). */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.readUInt32BE(0) === 0x89504e47) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  let i = 2;
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}
