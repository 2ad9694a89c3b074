import type { CatalogJob, QueueName } from '@hotline/contracts';
import type { NewOutboxMessage } from '@hotline/db';

/** A catalog job as the outbox row that publishes it once the transaction commits. */
export const outboxRowOf = <Q extends QueueName>(
  job: CatalogJob<Q>,
  runAt: Date | null = null,
): NewOutboxMessage => ({
  queue: job.queue,
  jobName: job.name,
  jobId: job.jobId,
  payload: job.data,
  runAt,
});
