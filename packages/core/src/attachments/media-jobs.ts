import { JOBS } from '@hotline/contracts';
import type { NewOutboxMessage } from '@hotline/db';
import { outboxRowOf } from '../outbox-row.js';

/** The outbox row that fetches an MMS attachment's media (see JOBS.fetchMedia). */
export const fetchMediaOutbox = (attachmentId: string): NewOutboxMessage =>
  outboxRowOf(JOBS.fetchMedia(attachmentId));
