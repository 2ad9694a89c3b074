import { insertOutbox } from '@hotline/db';
import { CASE_EVENT_TYPES, slaTimersOf } from '@hotline/domain';
import { slaTimerOutbox } from '../../sla/sla-timer-jobs.js';
import type { CaseEventSubscriber } from '../case-event-map.js';

/**
 * A change that gave a case a new generation of deadlines schedules its timers: outbox rows
 * for those due within the horizon (slaTimerOutbox; the periodic pass adds the others before
 * they come due), the older generation's becoming no-ops. Any event may move a deadline. The
 * timers themselves are on the case row, written with its projection.
 */
export const slaTimersSubscriber: CaseEventSubscriber = {
  name: 'sla-timers',
  events: CASE_EVENT_TYPES,
  async handle(tx, changes, { now, options }) {
    const rescheduled = changes
      .filter((c) => c.sla.generation !== c.previousGeneration)
      .map((c) => ({
        caseId: c.caseId,
        generation: c.sla.generation,
        timers: slaTimersOf(c.after, c.sla),
      }));
    await insertOutbox(
      tx,
      slaTimerOutbox(rescheduled, now, { everyTimer: options.everyTimerInOutbox === true }),
    );
  },
};
