import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { CASE_TYPES } from '../case-model.js';
import { reportFactsOf } from '../reports/report-facts.js';
import { OPEN_STATUSES } from './case-state.js';
import { JOINABLE_STATUSES } from './citizen-messages.js';
import {
  DUPLICATE_WINDOW_MS,
  receiveCase,
  resolveReceivedCase,
  UNCLASSIFIED_CATEGORY_CODE,
  type IntakeInput,
} from './intake.js';
import { projectCase } from './project.js';

const context = { joinWindowMs: 120_000 };
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const common = fc.record({
  caseId: fc.uuid(),
  trackingCode: fc.string({ minLength: 9, maxLength: 9 }),
  receivedAt: fc.date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2030-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
  text: fc.string({ minLength: 10 }),
  hotlineNumber: nullable(fc.constant('+842363822222')),
  citizen: fc.record({
    name: nullable(fc.string()),
    phone: nullable(fc.constant('+84905123456')),
    email: nullable(fc.emailAddress()),
    address: nullable(fc.string()),
  }),
});
const form = fc.record({
  categoryCode: fc.constantFrom('xay-dung', 'moi-truong'),
  caseType: nullable(fc.constantFrom(...CASE_TYPES)),
  communeCode: nullable(fc.constant('20194')),
  address: nullable(fc.string()),
  location: nullable(
    fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
    }),
  ),
  isAnonymous: fc.boolean(),
  consentToPublish: fc.boolean(),
  ownerTokenHash: nullable(fc.stringMatching(/^[0-9a-f]{64}$/)),
});

/** A new case from any channel. */
export const intakeInput: fc.Arbitrary<IntakeInput> = fc.oneof(
  fc
    .tuple(common, form, fc.option(fc.uuid(), { nil: null }))
    .map(([c, f, officialId]): IntakeInput => ({
      ...c,
      ...f,
      channel: 'web',
      author: officialId ? { kind: 'official', officialId } : { kind: 'citizen' },
    })),
  fc
    .tuple(common, form, fc.uuid())
    .map(([c, f, operatorId]): IntakeInput => ({ ...c, ...f, channel: 'call', operatorId })),
  fc.tuple(common, form).map(([c, f]): IntakeInput => ({ ...c, ...f, channel: 'open311' })),
  common.map((c): IntakeInput => ({ ...c, channel: 'sms' })),
);

const ids = fc.record({
  categoryId: fc.uuid(),
  hotlineId: nullable(fc.uuid()),
  communeUnitId: nullable(fc.uuid()),
});

describe('receiveCase: a new case from any channel', () => {
  it.prop([intakeInput, ids])(
    'the row, the event and the facts agree with the case machine and reportFactsOf',
    (input, refs) => {
      const received = receiveCase(input, context);
      const { history, state, reportFacts } = resolveReceivedCase(received, refs);
      expect(projectCase(history.map((h) => h.event))).toEqual(state);
      expect(reportFacts).toEqual(
        reportFactsOf(history, () => ({ dueAt: null, workingMs: 0 })).facts,
      );
      const { row } = received;
      expect([row.status, row.caseType, row.channel, row.priority, row.version]).toEqual([
        state.status,
        state.caseType,
        state.channel,
        state.priority,
        state.version,
      ]);
      expect(state).toMatchObject({ status: 'received', priority: 'normal', ...refs });
      expect(history[0]!.at).toEqual(input.receivedAt);
      expect(row.receivedAt).toEqual(input.receivedAt);
      expect(reportFacts).toEqual([
        expect.objectContaining({ kind: 'open', seq: 1, at: input.receivedAt, until: null }),
      ]);
      expect(received.jobs).toEqual([{ job: 'routeCase', caseId: input.caseId }]);
    },
  );

  it.prop([intakeInput])('the author, the category and the lookups follow the channel', (input) => {
    const r = receiveCase(input, context);
    const actor = r.received.actor;
    switch (input.channel) {
      case 'web':
        expect(actor).toEqual(input.author);
        break;
      case 'call':
        expect(actor).toEqual({ kind: 'official', officialId: input.operatorId });
        break;
      case 'open311':
      case 'sms':
        expect(actor).toEqual({ kind: 'citizen' });
        break;
    }
    expect(r.references.mayUseDrillCategory).toBe(actor.kind === 'official');
    if (input.channel === 'sms') {
      expect(r.references.categoryCode).toBe(UNCLASSIFIED_CATEGORY_CODE);
      expect(r.row.caseType).toBe('feedback');
      expect(r.duplicateOf).toBeNull();
      expect(r.joins).toEqual({
        since: new Date(input.receivedAt.getTime() - context.joinWindowMs),
        statuses: JOINABLE_STATUSES,
      });
    } else {
      expect(r.references.categoryCode).toBe(input.categoryCode);
      expect(r.row.caseType).toBe(input.caseType ?? 'feedback');
      expect(r.joins).toBeNull();
      expect(r.duplicateOf).toEqual(
        input.citizen.phone === null
          ? null
          : {
              citizenPhone: input.citizen.phone,
              text: input.text,
              since: new Date(input.receivedAt.getTime() - DUPLICATE_WINDOW_MS),
              statuses: [...OPEN_STATUSES],
            },
      );
    }
  });
});
