const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * An instant as people in Vietnam write it, in the given zone: `17:00 16/12/2026`. Used in
 * messages (the same form reads well in English).
 */
export function formatLocalTime(at: Date, timeZone: string): string {
  const p = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(at)
      .filter((x) => x.type !== 'literal')
      .map((x) => [x.type, x.value]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}
