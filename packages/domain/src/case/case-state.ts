import type { CaseStatus, CaseType, Channel, Priority } from '../case-model.js';

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
