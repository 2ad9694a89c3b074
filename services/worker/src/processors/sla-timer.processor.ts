import { UnrecoverableError, type Job } from 'bullmq';
import Value from 'typebox/value';
import { SlaTimerJob } from '@hotline/contracts';
import { fireSlaTimer, type CaseChangeDeps } from '@hotline/core';

/** `sla/check-deadline`: a warning, deadline or escalation rung is due; record it once. */
export const slaTimerProcessor = (deps: CaseChangeDeps) => async (job: Job) => {
  if (!Value.Check(SlaTimerJob, job.data))
    throw new UnrecoverableError('malformed SLA timer payload');
  return fireSlaTimer(deps, job.data, new Date());
};
