import type { Lang } from './i18n/index.js';

/** Dates and times as citizens read them, always in the province's time zone. */
export interface Formats {
  /** "14:05 12/03/2027" (vi) or "12 Mar 2027, 14:05" (en). */
  dateTime: (iso: string) => string;
  /** "12/03/2027" (vi) or "12 Mar 2027" (en). */
  date: (iso: string) => string;
  /** The same instant as an HTML datetime attribute. */
  iso: (iso: string) => string;
}

export function formatsFor(lang: Lang, timeZone: string): Formats {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const dateOptions: Intl.DateTimeFormatOptions =
    lang === 'vi'
      ? { day: '2-digit', month: '2-digit', year: 'numeric' }
      : { day: 'numeric', month: 'short', year: 'numeric' };
  const day = new Intl.DateTimeFormat(locale, { ...dateOptions, timeZone });
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  return {
    dateTime: (iso) => {
      const d = new Date(iso);
      return lang === 'vi'
        ? `${time.format(d)} ${day.format(d)}`
        : `${day.format(d)}, ${time.format(d)}`;
    },
    date: (iso) => day.format(new Date(iso)),
    iso: (iso) => new Date(iso).toISOString(),
  };
}
