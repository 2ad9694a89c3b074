import { UnrecoverableError, type Job } from 'bullmq';
import { RouteCaseJob } from '@hotline/contracts';
import { AppError, routeCase, type CaseChangeDeps } from '@hotline/core';
import Value from 'typebox/value';

/** `routing/route-case`: payload → use case; a case that does not exist is not retried. */
export const routeCaseProcessor = (deps: CaseChangeDeps) => async (job: Job) => {
  if (!Value.Check(RouteCaseJob, job.data)) {
    throw new UnrecoverableError('malformed route-case payload');
  }
  try {
    return await routeCase(deps, job.data.caseId, new Date());
  } catch (err) {
    if (err instanceof AppError && err.code === 'CASE_NOT_FOUND') {
      throw new UnrecoverableError(err.message);
    }
    throw err;
  }
};
