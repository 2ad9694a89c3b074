import type { CaseStatus, CaseType, Channel, Priority } from '../case-model.js';

/** What moderation decided: the public texts when approved, the reason when refused. */
export type PublicationDecision =
  | { state: 'approved'; publicText: string; publicAnswer: string }
  | { state: 'refused'; reason: string };

/** The projection of a case's history; the `cases` row stores it. */
export interface CaseState {
  status: CaseStatus;
  caseType: CaseType;
  channel: Channel;
  categoryId: string;
  priority: Priority;
  hotlineId: string | null;
  communeUnitId: string | null;
  unitId: string | null;
  assigneeId: string | null;
  isComplex: boolean;
  transferCount: number;
  escalationLevel: number;
  /** An extension asked for and not yet decided. */
  pendingExtension: { duration: string; reason: string } | null;
  extensionsGranted: number;
  /** A handler's resolution awaiting a leader's approval; absent when none is pending. */
  pendingResolution?: string;
  rating: number | null;
  mergedInto: string | null;
  /**
   * An official's decision on publishing the case; absent while none was taken (pending
   * moderation, or the case was reopened since and its answer may change).
   */
  publication?: PublicationDecision;
  version: number;
}

/** Statuses in which the case is still being worked (clocks may run). */
export const OPEN_STATUSES: ReadonlySet<CaseStatus> = new Set([
  'received',
  'triaged',
  'assigned',
  'in_progress',
  'awaiting_citizen',
  'reopened',
]);

export const isOpen = (status: CaseStatus) => OPEN_STATUSES.has(status);
