import type { Tx } from '@hotline/db';
import type {
  CaseEvent,
  CaseEventType,
  CaseState,
  NotificationOptions,
  RecordedEvent,
  SlaView,
} from '@hotline/domain';
import type { SharedReads } from '../sla/sla-of.js';

/** Each case event type and its payload: what a subscriber names and what it is handed. */
export type CaseEventMap = { [T in CaseEventType]: Extract<CaseEvent, { type: T }> };

/** An appended event of one of the types `T`. */
export type RecordedCaseEvent<T extends CaseEventType = CaseEventType> = RecordedEvent & {
  event: CaseEventMap[T];
};

/** One change of one case as it was appended: what is published to subscribers. */
export interface PublishedChange {
  caseId: string;
  /** The case's whole history, ending with the new events. */
  history: readonly RecordedEvent[];
  /** Where the new events begin in `history`. */
  start: number;
  /** The new events, in order (`history` from `start`). */
  recorded: readonly RecordedEvent[];
  /** The case before the new events and after them. */
  before: CaseState;
  after: CaseState;
  /** The SLA after them, and the deadline generation before them (another one: new timers). */
  sla: SlaView;
  previousGeneration: number;
}

/** A change as one subscriber receives it: with the new events of the types it handles. */
export interface DeliveredChange<T extends CaseEventType> extends PublishedChange {
  events: readonly RecordedCaseEvent<T>[];
}

/** How the effects of changes are shaped; the URL and zone only shape the messages. */
export interface CaseEffectOptions extends NotificationOptions {
  /**
   * Every timer goes to the outbox, each with a job of its own, not only the coming hour's
   * (the demo history's replay, whose in-memory queues run timers on the replay's clock).
   */
  everyTimerInOutbox?: boolean;
}

/** What every subscriber of one publication shares. */
export interface PublishContext {
  now: Date;
  options: CaseEffectOptions;
  /** Policies and calendars the transaction has read already. */
  reads: SharedReads;
}

/**
 * A side effect of changes to cases: the event types it handles and what it does with the
 * changes that have any, in the change's transaction (its writes commit or roll back with the
 * events). It is handed every such change of a batch at once, to write in a few statements.
 */
export interface CaseEventSubscriber<T extends CaseEventType = CaseEventType> {
  name: string;
  events: readonly T[];
  handle(tx: Tx, changes: readonly DeliveredChange<T>[], context: PublishContext): Promise<void>;
}
