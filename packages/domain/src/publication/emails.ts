import { matchesOf, type Span } from './spans.js';
import type { TextView } from './text-view.js';

// E-mail addresses, also as people hide them from robots: long[at]gmail.com, long (at) gmail dot
// com, long @ gmail . com, "long a còng gmail chấm com". Matched on the folded lower-case text.
const LOCAL = String.raw`[a-z0-9_%+\-]+(?:\.[a-z0-9_%+\-]+)*`;
const LABEL = String.raw`[a-z0-9](?:[a-z0-9\-]{0,62})`;
const PLAIN_AT = String.raw`\s{0,2}@\s{0,2}`;
const HIDDEN_AT = String.raw`\s{0,2}[[({<]\s{0,2}(?:at|@|a\s?cong|a\s?moc)\s{0,2}[\])}>]\s{0,2}|\s{1,3}(?:at|a\s?cong|a\s?moc)\s{1,3}`;
const PLAIN_DOT = String.raw`\.`;
const HIDDEN_DOT = String.raw`\s{0,2}[[({<]\s{0,2}(?:dot|cham|\.)\s{0,2}[\])}>]\s{0,2}|\s{1,3}(?:dot|cham)\s{1,3}|\s{1,2}\.\s{0,2}|\.\s{1,2}`;
const DOT = `(?:${PLAIN_DOT}|${HIDDEN_DOT})`;

const EMAIL = new RegExp(
  `(?<![a-z0-9_%+.\\-])(${LOCAL})(${PLAIN_AT}|${HIDDEN_AT})${LABEL}(?:${DOT}${LABEL})*`,
  'g',
);

// With a hidden "at" or a spaced dot the address must end in a known top-level domain, so that
// "long at home. Then" is not taken for an address.
const TLDS = new Set([
  'vn',
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'info',
  'biz',
  'io',
  'me',
  'co',
  'uk',
  'us',
  'jp',
  'kr',
  'cn',
  'fr',
  'de',
  'au',
  'ca',
  'sg',
  'tw',
  'hk',
  'ru',
  'in',
  'xyz',
  'online',
  'site',
  'app',
  'dev',
  'name',
  'pro',
  'mobi',
  'asia',
  'email',
  'cloud',
  'tech',
  'store',
  'top',
  'int',
]);
const SEGMENT = new RegExp(`(${PLAIN_DOT}|${HIDDEN_DOT})(${LABEL})`, 'g');

function trimToDomain(match: string, atEnd: number, isHidden: boolean): number | null {
  const domain = match.slice(atEnd);
  const first = /^[a-z0-9][a-z0-9-]*/.exec(domain)?.[0] ?? '';
  const segments = [...domain.slice(first.length).matchAll(SEGMENT)].map((m) => ({
    isPlain: m[1] === '.',
    label: m[2] ?? '',
    end: first.length + m.index + m[0].length,
  }));
  // Drop trailing labels that cannot end an address ("gmail.com. Cam" → "gmail.com").
  while (segments.length > 0) {
    const last = segments[segments.length - 1]!;
    const allPlain = segments.every((s) => s.isPlain);
    if (TLDS.has(last.label) || (allPlain && !isHidden && /^[a-z]{2,24}$/.test(last.label))) break;
    segments.pop();
  }
  const last = segments[segments.length - 1];
  if (!last) return isHidden ? null : atEnd + first.length;
  return atEnd + last.end;
}

/** E-mail addresses, plain or obfuscated. */
export function emailSpans(view: TextView): Span[] {
  const spans: Span[] = [];
  for (const m of matchesOf(EMAIL, view.lower)) {
    const at = m[2] ?? '@';
    const isHidden = at.trim() !== '@';
    const atEnd = (m[1] ?? '').length + at.length;
    const end = trimToDomain(m[0], atEnd, isHidden);
    if (end !== null) spans.push({ kind: 'email', start: m.index, end: m.index + end });
  }
  return spans;
}

/** Where a known address occurs, whatever its case. */
export function knownEmailSpans(view: TextView, email: string | null | undefined): Span[] {
  const wanted = email?.trim().toLowerCase();
  if (!wanted || !wanted.includes('@')) return [];
  const spans: Span[] = [];
  let from = view.lower.indexOf(wanted);
  while (from >= 0) {
    spans.push({ kind: 'email', start: from, end: from + wanted.length });
    from = view.lower.indexOf(wanted, from + 1);
  }
  return spans;
}
