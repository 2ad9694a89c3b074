import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLang, type Lang } from './i18n/index.js';

const COOKIE = 'hl_lang';
const YEAR_SECONDS = 365 * 24 * 60 * 60;

const queryLang = (request: FastifyRequest): unknown =>
  (request.query as Record<string, unknown> | undefined)?.lang;

/** The page's language: `?lang=` first, then the remembered choice, else Vietnamese. */
export function langOf(request: FastifyRequest): Lang {
  const asked = queryLang(request);
  if (isLang(asked)) return asked;
  const remembered = request.cookies[COOKIE];
  return isLang(remembered) ? remembered : 'vi';
}

/** Remembers a language chosen with `?lang=` for the next pages (a hook on every page). */
export function rememberLang(request: FastifyRequest, reply: FastifyReply, secure: boolean) {
  const asked = queryLang(request);
  if (!isLang(asked) || request.cookies[COOKIE] === asked) return;
  reply.setCookie(COOKIE, asked, {
    path: '/',
    maxAge: YEAR_SECONDS,
    sameSite: 'lax',
    httpOnly: true,
    secure,
  });
}

/** The current address with `lang` set to `lang` (other query parameters kept). */
export function withLang(request: FastifyRequest, lang: Lang): string {
  const url = new URL(request.url, 'http://portal.invalid');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}
