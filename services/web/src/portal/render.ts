import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseFailure, getProvinceName } from '@hotline/core';
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
  icon: string;
}

// The province's name changes perhaps once a decade; a minute's staleness is harmless.
const PROVINCE_TTL_MS = 60_000;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** A letter that English does not use but Vietnamese does. */
const VIETNAMESE_LETTER = /[àáâãèéêìíòóôõùúýăđĩũơư\u1EA0-\u1EF9]/i;
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** What every template receives besides its own data. */
function baseData(request: FastifyRequest, lang: Lang, timeZone: string) {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const t = messagesFor(lang);
  // Inside Vietnamese text on an English page, the markers are English and say so.
  const marker = (words: string) =>
    lang === 'vi' ? escapeHtml(words) : `<span lang="${lang}">${escapeHtml(words)}</span>`;
  return {
    lang,
    t,
    /**
     * The attribute for an element holding text that stays Vietnamese whatever the page's
     * language (names of units, categories, places; what officials wrote), so that screen
     * readers pronounce it as Vietnamese. Nothing on a Vietnamese page.
     */
    viLang: lang === 'vi' ? '' : ' lang="vi"',
    /**
     * The same for a name that may come in English (units, hotlines, categories with an English
     * name entered): marked Vietnamese only when it holds letters only Vietnamese uses — a
     * Vietnamese name, or an English one around a Vietnamese place name.
     */
    viLangOf: (text: string) =>
      lang === 'vi' || !VIETNAMESE_LETTER.test(text) ? '' : ' lang="vi"',
    /**
     * Text whose contacts were taken out, as escaped HTML (`<%~ %>`), with the markers said in
     * the page's language.
     */
    redacted: (text: string) =>
      escapeHtml(text)
        .replace(/\[phone\]/g, marker(t.common.hiddenPhone))
        .replace(/\[email\]/g, marker(t.common.hiddenEmail)),
    fmt: formatsFor(lang, timeZone),
    paths: PATHS,
    switchUrl: withLang(request, other),
    switchLang: other,
  };
}

/** Renders portal pages: the layout's shared data, then the page's own. */
export function createRenderer(deps: WebDeps, assets: AssetUrls) {
  const province = new Map<Lang, { name: string | null; at: number }>();
  const provinceName = async (lang: Lang) => {
    const now = Date.now();
    let known = province.get(lang);
    if (!known || now - known.at > PROVINCE_TTL_MS) {
      try {
        known = { name: await getProvinceName(deps, lang), at: now };
        province.set(lang, known);
      } catch (err) {
        // Postgres out of reach: a page about that (or a form kept for a retry) still renders.
        if (databaseFailure(err)?.kind !== 'unavailable') throw err;
        return known?.name ?? null;
      }
    }
    return known.name;
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
      provinceName: await provinceName(lang),
      current: null,
      errors: {},
      ...page,
    });
    return (
      reply
        .status(status)
        .header('content-type', 'text/html; charset=utf-8')
        // A page of someone's own cases is kept by no cache, not even the browser's history.
        .header('cache-control', page.isPrivate === true ? 'no-store' : 'no-cache')
        .header('vary', 'Cookie')
        .send(html)
    );
  };
}
export type Render = ReturnType<typeof createRenderer>;
