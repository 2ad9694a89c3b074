import type { CaseStatus, CaseType, Channel, Priority } from './case-model.js';

/** Who did it. Citizens and the system are actors without an official id. */
export type Actor =
  | { kind: 'citizen' }
  | { kind: 'system'; process: string }
  | { kind: 'official'; officialId: string };

export interface CaseReceived {
  type: 'received';
  caseType: CaseType;
  channel: Channel;
  categoryId: string;
  hotlineId: string | null;
  communeUnitId: string | null;
  priority: Priority;
}

export interface CaseRouted {
  type: 'routed';
  unitId: string;
  /** Why this unit: the hotline owner's unit, the triage fallback, or (later) a rule. */
  reason: 'hotline_owner_unit' | 'triage_fallback';
}

/** Every change to a case, as stored in `case_events.payload` (with its `type`). */
export type CaseEvent = CaseReceived | CaseRouted;
export type CaseEventType = CaseEvent['type'];

/** Events a citizen may see on the public tracking page. */
export const PUBLIC_EVENT_TYPES: ReadonlySet<CaseEventType> = new Set(['received', 'routed']);

/** The projection the `cases` row stores; derived only by folding events. */
export interface CaseState {
  status: CaseStatus;
  unitId: string | null;
  version: number;
}
