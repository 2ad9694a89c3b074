import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { planTimerBatch, targetsKeyOf, type TimerCaseRow } from './timer-batch.js';

const CASES = ['c1', 'c2', 'c3', 'c4', 'c5'];
const UNITS = [null, 'u1', 'u2'];
const HOTLINES = [null, 'h1'];

const rowArb = fc.record({
  deadlineGeneration: fc.integer({ min: 0, max: 3 }),
  unitId: fc.constantFrom(...UNITS),
  hotlineId: fc.constantFrom(...HOTLINES),
});
// Some cases gone (no row), the others with a generation the jobs may or may not match.
const batchArb = fc.record({
  rows: fc.dictionary(fc.constantFrom(...CASES), rowArb),
  jobs: fc.array(
    fc.record({ caseId: fc.constantFrom(...CASES), generation: fc.integer({ min: 0, max: 3 }) }),
    { maxLength: 40 },
  ),
});

describe('planTimerBatch', () => {
  test.prop([batchArb])(
    'fires each live case once and nothing for stale jobs',
    ({ rows, jobs }) => {
      const byId = new Map<string, TimerCaseRow>(Object.entries(rows));
      const plan = planTimerBatch(jobs, byId);
      expect(plan.caseOfJob).toHaveLength(jobs.length);
      jobs.forEach((job, i) => {
        const live = byId.get(job.caseId)?.deadlineGeneration === job.generation;
        expect(plan.caseOfJob[i]).toBe(live ? job.caseId : null);
      });
      const fired = plan.cases.map((c) => c.caseId);
      expect(new Set(fired).size).toBe(fired.length);
      expect(new Set(fired)).toEqual(new Set(plan.caseOfJob.filter((c) => c !== null)));
      for (const c of plan.cases) {
        const row = byId.get(c.caseId)!;
        expect(c.generation).toBe(row.deadlineGeneration);
        expect(c.targetsKey).toBe(targetsKeyOf(row.unitId, row.hotlineId));
        expect(plan.targets.get(c.targetsKey)).toEqual({
          unitId: row.unitId,
          hotlineId: row.hotlineId,
        });
      }
      // Only the pairs some fired case needs: each read once.
      expect(new Set(plan.cases.map((c) => c.targetsKey))).toEqual(new Set(plan.targets.keys()));
    },
  );

  it('keys the targets by unit and hotline, apart', () => {
    expect(targetsKeyOf('u1', null)).not.toBe(targetsKeyOf(null, 'u1'));
  });
});
