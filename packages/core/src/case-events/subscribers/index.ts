import type { CaseEventSubscriber } from '../case-event-map.js';
import { notificationsSubscriber } from './notifications.js';
import { reportFactsSubscriber } from './report-facts.js';
import { slaTimersSubscriber } from './sla-timers.js';
import { textMatchingSubscriber } from './text-matching.js';

/**
 * What follows from every change to cases, in the order it runs: timers first (a deadline
 * moved is the most urgent), then the facts reports count, the messages, the text matching.
 * None reads what another writes, so the order only fixes the order of the statements.
 */
export const CASE_EVENT_SUBSCRIBERS: readonly CaseEventSubscriber[] = [
  slaTimersSubscriber,
  reportFactsSubscriber,
  notificationsSubscriber,
  textMatchingSubscriber,
];

export {
  notificationsSubscriber,
  reportFactsSubscriber,
  slaTimersSubscriber,
  textMatchingSubscriber,
};
