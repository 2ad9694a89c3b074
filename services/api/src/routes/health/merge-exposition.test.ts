import { describe, expect, it } from 'vitest';
import { mergeExpositions } from './merge-exposition.js';

const queueExport = (queue: string, n: number) =>
  [
    '# HELP bullmq_job_count Number of jobs in the queue by state',
    '# TYPE bullmq_job_count gauge',
    `bullmq_job_count{queue="${queue}", state="waiting"} ${n}`,
    '# HELP bullmq_job_completed_total Total number of completed jobs',
    '# TYPE bullmq_job_completed_total counter',
    `bullmq_job_completed_total{queue="${queue}"} ${n}`,
  ].join('\n');

describe('mergeExpositions', () => {
  it('declares each family once, with all its samples under it, label pairs tight', () => {
    expect(mergeExpositions([queueExport('routing', 1), queueExport('sla', 2), 'up 1'])).toBe(
      [
        '# HELP bullmq_job_count Number of jobs in the queue by state',
        '# TYPE bullmq_job_count gauge',
        'bullmq_job_count{queue="routing",state="waiting"} 1',
        'bullmq_job_count{queue="sla",state="waiting"} 2',
        '# HELP bullmq_job_completed_total Total number of completed jobs',
        '# TYPE bullmq_job_completed_total counter',
        'bullmq_job_completed_total{queue="routing"} 1',
        'bullmq_job_completed_total{queue="sla"} 2',
        'up 1',
        '',
      ].join('\n'),
    );
  });
});
