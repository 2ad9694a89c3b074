/**
 * The on-time rate ("tỷ lệ đúng hạn") of a unit, an official or the province for a period,
 * as the dashboard states it (ON_TIME_DEFINITION) and the monthly rankings count it: overdue
 * work still open is late, not left out (QĐ 766/QĐ-TTg counts overdue files).
 *
 *   rate = resolved on time ÷ (resolved in the period + open past their deadline at its end)
 *
 * - resolved: resolutions in the period, each credited to the unit that held the case then;
 * - on time: resolved on or before the resolution deadline in force at that moment;
 * - a resolution with no deadline in force is counted as resolved but never as on time;
 * - open overdue: cases the unit holds open at the period's end (or now, for a period not
 *   over) whose resolution deadline in force had passed by then.
 * Nothing to judge (no resolution, nothing overdue): no rate, and no place in the ranking.
 */
export interface OnTimeCounts {
  resolved: number;
  resolvedOnTime: number;
  /** Resolutions with no deadline in force (part of `resolved`). */
  resolvedWithoutDeadline: number;
  openOverdue: number;
}

export interface OnTime extends OnTimeCounts {
  /** Resolved after the deadline in force. */
  resolvedLate: number;
  /** The denominator: resolved + open overdue. */
  judged: number;
  /** resolvedOnTime ÷ judged; null when judged is 0. */
  rate: number | null;
}

/** The wording shown beside the rate, one per language, kept with the function it describes. */
export const ON_TIME_DEFINITION = {
  vi: 'Tỷ lệ đúng hạn = số đã giải quyết đúng hạn ÷ (số đã giải quyết trong kỳ + số đang quá hạn cuối kỳ). Đúng hạn: giải quyết trước hoặc đúng hạn có hiệu lực lúc đó; giải quyết khi không có hạn áp dụng không được tính là đúng hạn. Mỗi đơn vị được tính việc xảy ra khi đang giữ vụ việc.',
  en: 'On-time rate = resolved on time ÷ (resolved in the period + open past their deadline at its end). On time: resolved on or before the deadline in force then; a resolution with no deadline in force does not count as on time. Each unit is credited with what happened while it held the case.',
} as const;

/** The on-time figures of some counts (see the definition above). */
export function onTimeOf(c: OnTimeCounts): OnTime {
  const judged = c.resolved + c.openOverdue;
  return {
    ...c,
    resolvedLate: c.resolved - c.resolvedOnTime - c.resolvedWithoutDeadline,
    judged,
    rate: judged === 0 ? null : c.resolvedOnTime / judged,
  };
}

/**
 * Ranks by on-time rate, best first; equal rates share a rank (1, 1, 3) and the one judged on
 * more cases is listed first; rows with no rate come last, without a rank. Stable otherwise.
 */
export function rankByOnTime<T>(
  rows: readonly T[],
  onTime: (row: T) => OnTime,
): (T & { rank: number | null })[] {
  const rated = rows
    .map((row, i) => ({ row, i, o: onTime(row) }))
    .filter((x) => x.o.rate !== null)
    .sort((a, b) => b.o.rate! - a.o.rate! || b.o.judged - a.o.judged || a.i - b.i);
  const ranked = rated.map((x) => ({
    ...x.row,
    rank: 1 + rated.filter((y) => y.o.rate! > x.o.rate!).length,
  }));
  const unrated = rows.filter((r) => onTime(r).rate === null).map((r) => ({ ...r, rank: null }));
  return [...ranked, ...unrated];
}
