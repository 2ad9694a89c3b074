import { UnrecoverableError, type Job } from 'bullmq';
import DataLoader from 'dataloader';
import { RouteCaseJob } from '@hotline/contracts';
import { AppError, routeCase, routeCases, type CaseChangeDeps } from '@hotline/core';
import Value from 'typebox/value';

export interface RoutingBatch {
  size: number;
  waitMs: number;
}

/**
 * `routing/route-case`: payload → use case. Jobs that arrive together (the worker runs many at
 * once) are collected by a DataLoader and routed in one transaction; if that transaction fails
 * as a whole (a deadlock with another worker's batch over an assignment cursor, say), each case
 * is routed alone, so one bad case never holds back the others. A case that does not exist is
 * not retried. (A first routing also has the case's similar texts looked for: the text-matching
 * subscriber writes that job to the outbox with the routing.)
 */
export function routeCaseProcessor(deps: CaseChangeDeps, batch: RoutingBatch) {
  const loader = new DataLoader<string, unknown>(
    async (caseIds) => {
      const now = new Date();
      let outcomes: unknown[];
      try {
        outcomes = await routeCases(deps, caseIds, now);
      } catch {
        outcomes = await Promise.all(
          caseIds.map((id) => routeCase(deps, id, now).catch((e: Error) => e)),
        );
      }
      return outcomes;
    },
    {
      cache: false,
      maxBatchSize: batch.size,
      batchScheduleFn: (run) => setTimeout(run, batch.waitMs),
    },
  );
  return async (job: Job) => {
    if (!Value.Check(RouteCaseJob, job.data)) {
      throw new UnrecoverableError('malformed route-case payload');
    }
    try {
      return await loader.load(job.data.caseId);
    } catch (err) {
      if (err instanceof AppError && err.code === 'CASE_NOT_FOUND') {
        throw new UnrecoverableError(err.message);
      }
      throw err;
    }
  };
}
