import type { CaseEvent } from './case-events.js';
import type { CaseState } from './case-state.js';
import { TRANSITIONS, type Change } from './transitions.js';

/** Applies one event to the state; the first event must be `received`. */
export function applyEvent(state: CaseState | null, event: CaseEvent): CaseState {
  if (event.type === 'received') {
    if (state) throw new Error('a case is received once');
    return {
      status: 'received',
      caseType: event.caseType,
      channel: event.channel,
      categoryId: event.categoryId,
      priority: event.priority,
      hotlineId: event.hotlineId,
      communeUnitId: event.communeUnitId,
      unitId: null,
      assigneeId: null,
      isComplex: false,
      transferCount: 0,
      escalationLevel: 0,
      pendingExtension: null,
      extensionsGranted: 0,
      rating: null,
      mergedInto: null,
      version: 1,
    };
  }
  if (!state) throw new Error(`${event.type} before received`);
  const apply = TRANSITIONS[event.type].apply as (s: CaseState, e: Change) => CaseState;
  return { ...apply(state, event), version: state.version + 1 };
}

/** The only way case state is derived: a fold over its events in version order. */
export function projectCase(events: readonly CaseEvent[]): CaseState | null {
  return events.reduce<CaseState | null>(applyEvent, null);
}
