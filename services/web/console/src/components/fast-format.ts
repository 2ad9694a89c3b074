import i18n from 'i18next';
import { TIME_ZONE } from '../i18n/format';

// Building an Intl formatter costs far more than using one: a 500-row table formats a
// thousand instants, so each formatter is made once per language.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'dateTime' | 'date'): Intl.DateTimeFormat {
  const locale = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  const key = `${kind}:${locale}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      dateStyle: 'short',
      ...(kind === 'dateTime' ? { timeStyle: 'short' } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

/** 22/11/2026 14:05 in Asia/Ho_Chi_Minh, with a cached formatter. */
export const fastDateTime = (iso: string | null | undefined) =>
  iso ? formatter('dateTime').format(new Date(iso)) : '—';

/** 22/11/2026 in Asia/Ho_Chi_Minh, with a cached formatter. */
export const fastDate = (iso: string | null | undefined) =>
  iso ? formatter('date').format(new Date(iso)) : '—';

/** Today's date in Vietnam as YYYY-MM-DD (for date inputs' bounds). */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
