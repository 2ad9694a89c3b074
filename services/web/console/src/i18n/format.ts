import i18n from 'i18next';

/** Officials work in Asia/Ho_Chi_Minh whatever their browser says. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'vi-VN');

/** A date and time as officials read it: 22/11/2026 14:05. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), {
    timeZone: TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), { timeZone: TIME_ZONE, dateStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatNumber(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n);
}

const HOUR = 3_600_000;
const WORKING_DAY = 8 * HOUR;

/**
 * Remaining working time (negative: overdue) as "2 ngày 3 giờ" / "2 d 3 h": working days of
 * eight hours, as the SLA engine counts them.
 */
export function formatWorkingDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const abs = Math.abs(ms);
  const days = Math.floor(abs / WORKING_DAY);
  const hours = Math.floor((abs % WORKING_DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / 60_000);
  const parts = [
    days ? i18n.t('duration.days', { count: days }) : null,
    hours ? i18n.t('duration.hours', { count: hours }) : null,
    !days && minutes ? i18n.t('duration.minutes', { count: minutes }) : null,
  ].filter(Boolean);
  const text = parts.length ? parts.join(' ') : i18n.t('duration.minutes', { count: 0 });
  return ms < 0 ? i18n.t('duration.overdueBy', { text }) : text;
}
