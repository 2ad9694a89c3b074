import type { NewOutboxMessage } from '@hotline/db';

/** The outbox row that fetches an MMS attachment's media; its job id names the attachment. */
export const fetchMediaOutbox = (attachmentId: string): NewOutboxMessage => ({
  queue: 'media',
  jobName: 'fetch-mms-media',
  jobId: `fetch-media-${attachmentId}`,
  payload: { attachmentId },
  runAt: null,
});
