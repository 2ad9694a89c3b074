import type { CaseFacts } from './case-facts.js';

/** The figures of a report row (a unit, an official, a channel, a category, or the total). */
export interface Figures {
  received: number;
  resolved: number;
  resolvedOnTime: number;
  /** resolvedOnTime / resolved; null when nothing was resolved. */
  onTimeRate: number | null;
  firstResponses: number;
  firstResponseMedianMs: number | null;
  firstResponseP90Ms: number | null;
  resolutionMedianMs: number | null;
  resolutionP90Ms: number | null;
  openBacklog: number;
  /** Open cases at the end of the period by age in calendar days since receipt. */
  backlogAge: { d0to2: number; d3to7: number; d8to15: number; d16to30: number; over30: number };
  ratings: number;
  satisfactionAverage: number | null;
  /** Share of ratings of 4 or 5. */
  satisfiedShare: number | null;
  /** Resolutions of the period reopened afterwards. */
  reopened: number;
  reopenRate: number | null;
}

const DAY_MS = 86_400_000;

/** The p-quantile (0..1) with linear interpolation between ranks (Excel PERCENTILE.INC). */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const a = sorted[low]!;
  const b = sorted[Math.min(low + 1, sorted.length - 1)]!;
  return Math.round(a + (h - low) * (b - a));
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Aggregates the facts of some cases; `end` is when backlog ages are measured. */
export function figuresOf(facts: readonly CaseFacts[], end: Date): Figures {
  const resolutions = facts.flatMap((f) => f.resolutions);
  const firstResponses = facts.flatMap((f) => (f.firstResponse ? [f.firstResponse.workingMs] : []));
  const ratings = facts.flatMap((f) => (f.rating === null ? [] : [f.rating]));
  const open = facts.filter((f) => f.isOpenAtEnd);
  const backlogAge = { d0to2: 0, d3to7: 0, d8to15: 0, d16to30: 0, over30: 0 };
  for (const f of open) {
    const days = Math.floor((end.getTime() - f.receivedAt.getTime()) / DAY_MS);
    if (days <= 2) backlogAge.d0to2++;
    else if (days <= 7) backlogAge.d3to7++;
    else if (days <= 15) backlogAge.d8to15++;
    else if (days <= 30) backlogAge.d16to30++;
    else backlogAge.over30++;
  }
  const onTime = resolutions.filter((r) => r.isOnTime).length;
  const reopened = resolutions.filter((r) => r.wasReopened).length;
  const resolutionTimes = resolutions.map((r) => r.workingMs);
  return {
    received: facts.filter((f) => f.isReceivedInPeriod).length,
    resolved: resolutions.length,
    resolvedOnTime: onTime,
    onTimeRate: ratio(onTime, resolutions.length),
    firstResponses: firstResponses.length,
    firstResponseMedianMs: quantile(firstResponses, 0.5),
    firstResponseP90Ms: quantile(firstResponses, 0.9),
    resolutionMedianMs: quantile(resolutionTimes, 0.5),
    resolutionP90Ms: quantile(resolutionTimes, 0.9),
    openBacklog: open.length,
    backlogAge,
    ratings: ratings.length,
    satisfactionAverage:
      ratings.length === 0 ? null : ratings.reduce((s, r) => s + r, 0) / ratings.length,
    satisfiedShare: ratio(ratings.filter((r) => r >= 4).length, ratings.length),
    reopened,
    reopenRate: ratio(reopened, resolutions.length),
  };
}
