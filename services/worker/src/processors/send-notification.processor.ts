import { UnrecoverableError, type Job } from 'bullmq';
import { SendNotificationJob } from '@hotline/contracts';
import { NotificationSendError, sendNotification, type SendNotificationDeps } from '@hotline/core';
import Value from 'typebox/value';

/**
 * `notifications/send`: payload → use case. A failed try is thrown back to BullMQ, which
 * retries with exponential backoff; the last try leaves a dead letter and is not retried. Any
 * other error (Postgres unreachable, even after the provider took the message) is retried too:
 * the row, committed `sending` before the call, tells the next delivery what may be repeated.
 */
export const sendNotificationProcessor = (deps: SendNotificationDeps) => async (job: Job) => {
  if (!Value.Check(SendNotificationJob, job.data)) {
    throw new UnrecoverableError('malformed notifications/send payload');
  }
  const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  try {
    return await sendNotification(deps, job.data.notificationId, {
      isLastAttempt,
      now: () => new Date(),
    });
  } catch (err) {
    if (err instanceof NotificationSendError && err.isDead)
      throw new UnrecoverableError(err.message);
    throw err;
  }
};
