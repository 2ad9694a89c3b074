import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { CASE_STATUSES } from '../case-model.js';
import type { CaseEvent } from './case-events.js';
import { mayJoin, mayWithdraw } from './citizen-messages.js';
import { decide } from './decide.js';
import { projectCase } from './project.js';

const received: CaseEvent = {
  type: 'received',
  caseType: 'feedback',
  channel: 'sms',
  categoryId: 'cat-1',
  hotlineId: null,
  communeUnitId: null,
  priority: 'normal',
};

describe('which cases a citizen message joins or withdraws', () => {
  // Any status, reached or not by a real history: the question is the machine's table alone.
  const stateIn = (status: (typeof CASE_STATUSES)[number]) => ({
    ...projectCase([received])!,
    status,
  });

  it.prop([fc.constantFrom(...CASE_STATUSES), fc.string({ minLength: 1 })])(
    'a message joins exactly the cases decide lets a citizen add a message to',
    (status, text) => {
      const d = decide(
        stateIn(status),
        { type: 'message_added', text, channel: 'sms' },
        {
          kind: 'citizen',
        },
      );
      expect(mayJoin(status)).toBe(d.ok);
    },
  );

  it.prop([fc.constantFrom(...CASE_STATUSES)])(
    'HUY withdraws exactly the cases decide lets a citizen withdraw',
    (status) => {
      const d = decide(stateIn(status), { type: 'withdrawn' }, { kind: 'citizen' });
      expect(mayWithdraw(status)).toBe(d.ok);
    },
  );

  it('joins untouched cases and never one being worked or finished', () => {
    expect(mayJoin('received')).toBe(true);
    expect(mayJoin('triaged')).toBe(true);
    for (const s of ['assigned', 'in_progress', 'resolved', 'closed', 'withdrawn'] as const) {
      expect(mayJoin(s)).toBe(false);
    }
    expect(mayWithdraw('assigned')).toBe(false);
  });
});
