/** The languages pages and public answers come in: Vietnamese first, English beside it. */
export type Lang = 'vi' | 'en';

export const isLang = (value: unknown): value is Lang => value === 'vi' || value === 'en';

/**
 * The language asked for: `?lang=` first, then the best of `vi` and `en` in an Accept-Language
 * header (by q-value, then order), else Vietnamese. Any other language counts for nothing.
 */
export function pickLang(asked: unknown, acceptLanguage: string | undefined): Lang {
  if (isLang(asked)) return asked;
  let best: { lang: Lang; q: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0];
    if (!isLang(primary)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'vi';
}

/** A name in `lang`: the English one when asked and entered, else the Vietnamese (the default). */
export function nameIn(lang: Lang, vi: string, en: string | null | undefined): string {
  return lang === 'en' && en ? en : vi;
}
