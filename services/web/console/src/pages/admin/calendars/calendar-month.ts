/** Calendar arithmetic for the month view, on local dates ('YYYY-MM-DD', no time zone). */

const pad = (n: number) => String(n).padStart(2, '0');

/** The month ('YYYY-MM') a date belongs to, or the month of a valid `?month=`. */
export const monthOf = (date: string) => date.slice(0, 7);

export function isMonth(value: string | null): value is string {
  return !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}

/** The month's weeks, Monday first, with null for the days of other months. */
export function weeksOf(month: string): (string | null)[][] {
  const { to } = monthRange(month);
  const last = Number(to.slice(8));
  const first = new Date(`${month}-01T00:00:00Z`).getUTCDay();
  const lead = (first + 6) % 7;
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: last }, (_, i) => `${month}-${pad(i + 1)}`),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** "07:30-11:30, 13:30-17:00" ⇄ [{start, end}, …]; null when it does not parse. */
export function parseIntervals(text: string): { start: string; end: string }[] | null {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: { start: string; end: string }[] = [];
  for (const p of parts) {
    const m = /^([01]\d|2[0-3]):([0-5]\d)\s*[-–]\s*(([01]\d|2[0-3]):[0-5]\d|24:00)$/.exec(p);
    if (!m) return null;
    const start = `${m[1]}:${m[2]}`;
    const end = m[3]!;
    if (end <= start) return null;
    out.push({ start, end });
  }
  return out;
}

export const intervalsText = (
  intervals: readonly { start: string; end: string }[] | null | undefined,
) => (intervals ?? []).map((i) => `${i.start}-${i.end}`).join(', ');
