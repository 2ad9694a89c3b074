import type { FastifyReply, FastifyRequest } from 'fastify';
import { getProvinceName } from '@hotline/core';
import type { WebDeps } from '../web-deps.js';
import { formatsFor } from './formats.js';
import { messagesFor, type Lang } from './i18n/index.js';
import { langOf, withLang } from './locale.js';
import { PATHS, type PageKey } from './paths.js';

/** Field-level messages of a form, by field name. */
export type FieldErrors = Record<string, string>;

/** Hashed addresses of the portal's stylesheet and script (cached for a year). */
export interface AssetUrls {
  css: string;
  js: string;
}

// The province's name changes perhaps once a decade; a minute's staleness is harmless.
const PROVINCE_TTL_MS = 60_000;

/** What every template receives besides its own data. */
function baseData(request: FastifyRequest, lang: Lang, timeZone: string) {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const t = messagesFor(lang);
  return {
    lang,
    t,
    /** Text whose contacts were taken out, with the markers said in the page's language. */
    redacted: (text: string) =>
      text.replace(/\[phone\]/g, t.common.hiddenPhone).replace(/\[email\]/g, t.common.hiddenEmail),
    fmt: formatsFor(lang, timeZone),
    paths: PATHS,
    switchUrl: withLang(request, other),
    switchLang: other,
  };
}

/** Renders portal pages: the layout's shared data, then the page's own. */
export function createRenderer(deps: WebDeps, assets: AssetUrls) {
  let province: { name: string | null; at: number } | null = null;
  const provinceName = async () => {
    const now = Date.now();
    if (!province || now - province.at > PROVINCE_TTL_MS) {
      province = { name: await getProvinceName(deps), at: now };
    }
    return province.name;
  };

  return async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    view: string,
    page: { title: string; current?: PageKey; [key: string]: unknown },
    status = 200,
  ): Promise<FastifyReply> {
    const lang = langOf(request);
    const html = await reply.viewAsync(view, {
      ...baseData(request, lang, deps.config.displayTimeZone),
      assets,
      provinceName: await provinceName(),
      current: null,
      errors: {},
      ...page,
    });
    return reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'Cookie')
      .send(html);
  };
}
export type Render = ReturnType<typeof createRenderer>;
