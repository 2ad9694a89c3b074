import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onTimeOf, rankByOnTime, type OnTimeCounts } from './on-time.js';

const counts = fc
  .tuple(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50))
  .map(([onTime, late, none, openOverdue]) => ({
    resolved: onTime + late + none,
    resolvedOnTime: onTime,
    resolvedWithoutDeadline: none,
    openOverdue,
  }));

describe('onTimeOf', () => {
  it('counts open overdue work as late, and a resolution without a deadline never on time', () => {
    // 15 resolved, all on time, and 7 of 22 open cases overdue: not 100 %.
    expect(
      onTimeOf({ resolved: 15, resolvedOnTime: 15, resolvedWithoutDeadline: 0, openOverdue: 7 }),
    ).toMatchObject({ judged: 22, resolvedLate: 0, rate: 15 / 22 });
    expect(
      onTimeOf({ resolved: 2, resolvedOnTime: 0, resolvedWithoutDeadline: 2, openOverdue: 0 }),
    ).toMatchObject({ resolvedLate: 0, rate: 0 });
    expect(
      onTimeOf({ resolved: 0, resolvedOnTime: 0, resolvedWithoutDeadline: 0, openOverdue: 0 }).rate,
    ).toBeNull();
  });

  it('is a share between 0 and 1 that more overdue work never raises', () => {
    fc.assert(
      fc.property(counts, fc.nat(20), (c, more) => {
        const o = onTimeOf(c);
        expect(o.resolvedOnTime + o.resolvedLate + o.resolvedWithoutDeadline).toBe(o.resolved);
        if (o.rate === null) return expect(o.judged).toBe(0);
        expect(o.rate).toBeGreaterThanOrEqual(0);
        expect(o.rate).toBeLessThanOrEqual(1);
        expect(onTimeOf({ ...c, openOverdue: c.openOverdue + more }).rate).toBeLessThanOrEqual(
          o.rate,
        );
      }),
    );
  });
});

describe('rankByOnTime', () => {
  it('ranks best first, equal rates sharing a rank, the unjudged last', () => {
    fc.assert(
      fc.property(fc.array(counts, { maxLength: 12 }), (rows) => {
        const ranked = rankByOnTime(rows, onTimeOf);
        expect(ranked).toHaveLength(rows.length);
        const rates = ranked.map((r) => onTimeOf(r).rate);
        const judged = rates.filter((r) => r !== null);
        expect(judged).toEqual([...judged].sort((a, b) => b - a));
        expect(rates.slice(judged.length).every((r) => r === null)).toBe(true);
        ranked.forEach((r, i) => {
          const rate = rates[i] ?? null;
          if (rate === null) return expect(r.rank).toBeNull();
          expect(r.rank).toBe(1 + judged.filter((x) => x > rate).length);
        });
      }),
    );
  });

  it('puts the unit hiding 7 overdue cases below one that resolved fewer, all on time', () => {
    const a: OnTimeCounts & { name: string } = {
      name: 'A',
      resolved: 15,
      resolvedOnTime: 15,
      resolvedWithoutDeadline: 0,
      openOverdue: 7,
    };
    const b = { ...a, name: 'B', resolved: 5, resolvedOnTime: 5, openOverdue: 0 };
    expect(rankByOnTime([a, b], onTimeOf).map((r) => [r.name, r.rank])).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
  });
});
