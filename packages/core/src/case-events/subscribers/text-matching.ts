import { JOBS } from '@hotline/contracts';
import { insertOutbox } from '@hotline/db';
import { outboxRowOf } from '../../outbox-row.js';
import type { CaseEventSubscriber } from '../case-event-map.js';

/**
 * A case's first routing has its similar texts looked for, by a job of its own (matching)
 * relayed after commit: routing must not wait on comparing texts. Once per case (a later
 * routing finds nothing new to compare; the job skips a case looked at before anyway).
 */
export const textMatchingSubscriber: CaseEventSubscriber<'routed'> = {
  name: 'text-matching',
  events: ['routed'],
  async handle(tx, changes) {
    const first = changes.filter(
      (c) => !c.history.slice(0, c.start).some((h) => h.event.type === 'routed'),
    );
    const caseIds = [...new Set(first.map((c) => c.caseId))];
    await insertOutbox(
      tx,
      caseIds.map((caseId) => outboxRowOf(JOBS.matchTexts(caseId))),
    );
  },
};
