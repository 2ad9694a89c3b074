import { noFactCounts, type FactCounts, type FactTimes } from '@hotline/db';
import { onTimeOf } from '@hotline/domain';

/** The median and 90th percentile of some working times, unrounded. */
type Quantiles = Pick<FactTimes, 'median' | 'p90'>;

/** The figures of a report row (a unit, an official, a channel, a category, or the total). */
export interface Figures {
  /** Cases that came to the row first (their first routing) in the period. */
  received: number;
  /** Cases the row transferred to another unit in the period. */
  transferredOut: number;
  resolved: number;
  resolvedOnTime: number;
  /** Resolved after the deadline in force then. */
  resolvedLate: number;
  /** Resolved with no deadline in force: never on time (onTimeOf). */
  resolvedWithoutDeadline: number;
  /** Open at the end of the period (or now) past the resolution deadline in force. */
  openOverdue: number;
  /** resolvedOnTime ÷ (resolved + openOverdue), as onTimeOf defines it; null: nothing to judge. */
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

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The sum of some groups' counts (the total row). */
export function addCounts(groups: readonly FactCounts[]): FactCounts {
  const sum = noFactCounts(null);
  for (const g of groups) {
    sum.received += g.received;
    sum.transferredOut += g.transferredOut;
    sum.resolved += g.resolved;
    sum.resolvedOnTime += g.resolvedOnTime;
    sum.resolvedWithoutDeadline += g.resolvedWithoutDeadline;
    sum.openOverdue += g.openOverdue;
    sum.reopened += g.reopened;
    sum.firstResponses += g.firstResponses;
    sum.ratings += g.ratings;
    sum.ratingSum += g.ratingSum;
    sum.satisfied += g.satisfied;
    sum.openBacklog += g.openBacklog;
    sum.backlogAge = sum.backlogAge.map((n, i) => n + g.backlogAge[i]!) as typeof sum.backlogAge;
  }
  return sum;
}

/**
 * A row's figures from its counts and its working-time quantiles (PERCENTILE.INC in SQL,
 * rounded to the millisecond here like Math.round: half up).
 */
export function figuresOf(
  c: FactCounts,
  firstResponse: Quantiles | undefined | null,
  resolution: Quantiles | undefined | null,
): Figures {
  const [d0to2, d3to7, d8to15, d16to30, over30] = c.backlogAge;
  const onTime = onTimeOf(c);
  return {
    received: c.received,
    transferredOut: c.transferredOut,
    resolved: c.resolved,
    resolvedOnTime: c.resolvedOnTime,
    resolvedLate: onTime.resolvedLate,
    resolvedWithoutDeadline: c.resolvedWithoutDeadline,
    openOverdue: c.openOverdue,
    onTimeRate: onTime.rate,
    firstResponses: c.firstResponses,
    firstResponseMedianMs: firstResponse ? Math.round(firstResponse.median) : null,
    firstResponseP90Ms: firstResponse ? Math.round(firstResponse.p90) : null,
    resolutionMedianMs: resolution ? Math.round(resolution.median) : null,
    resolutionP90Ms: resolution ? Math.round(resolution.p90) : null,
    openBacklog: c.openBacklog,
    backlogAge: { d0to2, d3to7, d8to15, d16to30, over30 },
    ratings: c.ratings,
    satisfactionAverage: c.ratings === 0 ? null : c.ratingSum / c.ratings,
    satisfiedShare: ratio(c.satisfied, c.ratings),
    reopened: c.reopened,
    reopenRate: ratio(c.reopened, c.resolved),
  };
}
