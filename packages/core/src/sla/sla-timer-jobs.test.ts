import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { TIMER_HORIZON_MS } from '@hotline/domain';
import {
  slaSlotJobId,
  slaTimerJobId,
  slaTimerJobs,
  slaTimerOutbox,
  SLOT_LEAD_MS,
  SLOT_MS,
} from './sla-timer-jobs.js';

const NOW = Date.parse('2026-12-07T08:00:00.000Z');
const KINDS = ['warn:resolution', 'due:resolution', 'rung:2', 'due:first_response'];
const CASE_IDS = [
  '0b6f1f9e-8a6e-4c1e-9f59-1f1b2a3c4d01',
  '0b6f1f9e-8a6e-4c1e-9f59-1f1b2a3c4d02',
  '0b6f1f9e-8a6e-4c1e-9f59-1f1b2a3c4d03',
];

// Offsets from now: past, within the lead, within the hour, beyond it; some on one instant.
const offsetArb = fc.oneof(
  fc.integer({ min: -3_600_000, max: 2 * TIMER_HORIZON_MS }),
  fc.constantFrom(0, SLOT_LEAD_MS, SLOT_LEAD_MS + 1, 30_000, TIMER_HORIZON_MS),
);
const casesArb = fc.uniqueArray(
  fc.record({
    caseId: fc.constantFrom(...CASE_IDS),
    generation: fc.integer({ min: 0, max: 3 }),
    timers: fc.uniqueArray(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        at: offsetArb.map((o) => new Date(NOW + o).toISOString()),
      }),
      { selector: (t) => t.kind, maxLength: 4 },
    ),
  }),
  { selector: (c) => c.caseId },
);

describe('the jobs of SLA timers', () => {
  test.prop([casesArb])(
    'one job per timer of the hour or past, none early, none late by more than a slot',
    (cases) => {
      const jobs = slaTimerJobs(cases, new Date(NOW));
      const ids = jobs.map((j) => j.jobId);
      expect(new Set(ids).size).toBe(ids.length);
      const byId = new Map(jobs.map((j) => [j.jobId, j]));
      for (const c of cases) {
        for (const t of c.timers) {
          const at = Date.parse(t.at);
          const own = byId.get(slaTimerJobId(c.caseId, c.generation, t.kind));
          const slot = byId.get(slaSlotJobId(at));
          if (at > NOW + TIMER_HORIZON_MS) {
            expect(own).toBeUndefined();
            continue;
          }
          // Near or past: a job of its own; further: its slot's, which covers it.
          const job = at > NOW + SLOT_LEAD_MS ? slot : own;
          expect(job).toBeDefined();
          const runsAt = job!.timestamp! + job!.delay!;
          expect(runsAt).toBeGreaterThanOrEqual(Math.max(at, NOW));
          expect(runsAt - Math.max(at, NOW)).toBeLessThanOrEqual(SLOT_MS);
          if (job === slot) {
            const data = slot!.data as { from: string; until: string };
            expect(Date.parse(data.from)).toBeLessThanOrEqual(at);
            expect(Date.parse(data.until)).toBeGreaterThan(at);
            expect(Date.parse(data.until)).toBe(runsAt);
          }
        }
      }
    },
  );

  it('gives a storm of deadlines in the same second a few jobs', () => {
    const at = new Date(NOW + 20 * 60_000 + 400).toISOString();
    const storm = Array.from({ length: 10_000 }, (_, i) => ({
      caseId: `0b6f1f9e-8a6e-4c1e-9f59-${String(i).padStart(12, '0')}`,
      generation: 2,
      timers: [{ kind: 'due:resolution', at }],
    }));
    expect(slaTimerJobs(storm, new Date(NOW))).toHaveLength(1);
  });

  it('lets the replay of the demo history have every timer, each its own job', () => {
    const timers = [
      { kind: 'due:resolution', at: new Date(NOW + 3 * TIMER_HORIZON_MS) },
      { kind: 'warn:resolution', at: new Date(NOW + 60_000) },
    ];
    const cases = [{ caseId: CASE_IDS[0]!, generation: 1, timers }];
    expect(slaTimerOutbox(cases, new Date(NOW)).map((r) => r.jobName)).toEqual(['fire-slot']);
    const every = slaTimerOutbox(cases, new Date(NOW), { everyTimer: true });
    expect(every.map((r) => r.jobId)).toEqual(
      timers.map((t) => slaTimerJobId(CASE_IDS[0]!, 1, t.kind)),
    );
    expect(every.map((r) => r.runAt)).toEqual(timers.map((t) => t.at));
  });
});
