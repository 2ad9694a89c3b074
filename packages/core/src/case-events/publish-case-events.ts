import type { Tx } from '@hotline/db';
import type { CaseEventType } from '@hotline/domain';
import type {
  CaseEventSubscriber,
  DeliveredChange,
  PublishContext,
  PublishedChange,
  RecordedCaseEvent,
} from './case-event-map.js';
import { CASE_EVENT_SUBSCRIBERS } from './subscribers/index.js';

/**
 * Hands the new events of some changes, already appended in `tx`, to each subscriber in turn
 * (CASE_EVENT_SUBSCRIBERS' order, or those given): each gets the changes with events of the
 * types it handles, none when there are none. Inside the transaction, so nothing a subscriber
 * writes (outbox rows, notifications, facts) outlives a rollback, nor is seen before commit.
 */
export async function publishCaseEvents(
  tx: Tx,
  changes: readonly PublishedChange[],
  context: PublishContext,
  subscribers: readonly CaseEventSubscriber[] = CASE_EVENT_SUBSCRIBERS,
): Promise<void> {
  for (const subscriber of subscribers) {
    const delivered = deliveries(changes, subscriber.events);
    if (delivered.length > 0) await subscriber.handle(tx, delivered, context);
  }
}

function deliveries<T extends CaseEventType>(
  changes: readonly PublishedChange[],
  types: readonly T[],
): DeliveredChange<T>[] {
  const handled = new Set<CaseEventType>(types);
  const isHandled = (r: PublishedChange['recorded'][number]): r is RecordedCaseEvent<T> =>
    handled.has(r.event.type);
  return changes.flatMap((change) => {
    const events = change.recorded.filter(isHandled);
    return events.length > 0 ? [{ ...change, events }] : [];
  });
}
