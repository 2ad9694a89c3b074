import type { FastifyInstance } from 'fastify';
import { AppError, getCalendarDays, PROVINCE_CALENDAR_ID } from '@hotline/core';
import type { PortalContext } from '../context.js';
import { langOf } from '../locale.js';
import { messagesFor } from '../i18n/index.js';
import { PAGE, PATHS } from '../paths.js';

interface Month {
  year: number;
  month: number;
}

type DayReason = Awaited<ReturnType<typeof getCalendarDays>>['days'][number]['reason'];
export type DayKind = Exclude<DayReason, 'override'> | 'override_working' | 'override_off';

const pad = (n: number) => String(n).padStart(2, '0');
const key = (m: Month) => `${m.year}-${pad(m.month)}`;
const shift = (m: Month, by: number): Month => {
  const i = m.year * 12 + (m.month - 1) + by;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
};
const daysIn = (m: Month) => new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();

/** Today's date (YYYY-MM-DD) in the province's zone. */
const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/** `?thang=YYYY-MM` within 2000–2100, else the current month in the province's zone. */
function monthOf(raw: unknown, today: string): Month {
  const match = typeof raw === 'string' ? /^(\d{4})-(\d{2})$/.exec(raw) : null;
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (year >= 2000 && year <= 2100 && month >= 1 && month <= 12) return { year, month };
  }
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

// Vietnamese compared without diacritics or case: "Nghỉ bù" is in "Nghỉ bù Tết".
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The office calendar: a month of working days, holidays, days off in lieu and overrides. */
export function calendarRoutes(app: FastifyInstance, { deps, render }: PortalContext) {
  app.get(PATHS.calendar, PAGE, async (request, reply) => {
    const t = messagesFor(langOf(request));
    const today = todayIn(deps.config.displayTimeZone);
    const month = monthOf((request.query as Record<string, unknown>).thang, today);
    const from = `${key(month)}-01`;
    const to = `${key(month)}-${pad(daysIn(month))}`;
    let days;
    try {
      ({ days } = await getCalendarDays(deps, PROVINCE_CALENDAR_ID, from, to));
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'CALENDAR_NOT_FOUND')) throw err;
      days = null;
    }
    const cells = (days ?? []).map((d) => {
      const kind: DayKind =
        d.reason === 'override' ? (d.isWorking ? 'override_working' : 'override_off') : d.reason;
      const reason = t.calendar.reasons[kind];
      return {
        ...d,
        day: Number(d.date.slice(8)),
        kind,
        isToday: d.date === today,
        reason,
        // The holiday's or override's own words, with the kind only when they do not say it.
        isReasonSaid: d.label ? fold(d.label).includes(fold(reason)) : false,
      };
    });
    // Weeks start on Monday (Thứ Hai); blanks before the 1st.
    const lead = (new Date(Date.UTC(month.year, month.month - 1, 1)).getUTCDay() + 6) % 7;
    const slots = [...Array<null>(lead).fill(null), ...cells];
    const weeks = [];
    for (let i = 0; i < slots.length; i += 7) {
      const week = slots.slice(i, i + 7);
      while (week.length < 7) week.push(null);
      weeks.push(week);
    }
    const hours = cells.find((c) => c.isWorking && c.intervals.length > 0)?.intervals ?? [];
    const prev = shift(month, -1);
    const next = shift(month, 1);
    return render(request, reply, 'calendar', {
      title: t.calendar.title,
      current: 'calendar',
      isAvailable: days !== null,
      heading: t.calendar.month(month.month, month.year),
      weeks,
      special: cells.filter((c) => c.kind !== 'working_day' && c.kind !== 'weekend'),
      hours: hours.map((i) => `${i.start}–${i.end}`).join(', '),
      prevUrl: prev.year >= 2000 ? `${PATHS.calendar}?thang=${key(prev)}` : null,
      nextUrl: next.year <= 2100 ? `${PATHS.calendar}?thang=${key(next)}` : null,
      monthKey: key(month),
    });
  });
}
