import type { CaseEvent, CaseState } from './case-events.js';

/** Applies one event to the state. Exhaustive: a new event type fails to compile until handled. */
export function applyEvent(state: CaseState | null, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'received':
      return { status: 'received', unitId: null, version: 1 };
    case 'routed':
      if (!state) throw new Error('routed before received');
      return { ...state, unitId: event.unitId, version: state.version + 1 };
  }
}

/** The only way case state is derived: a fold over its events in version order. */
export function projectCase(events: readonly CaseEvent[]): CaseState | null {
  return events.reduce<CaseState | null>(applyEvent, null);
}
