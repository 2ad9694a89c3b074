import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, CaseEvent, RecordedEvent } from '../case/case-events.js';
import type { CaseState } from '../case/case-state.js';
import { projectCase } from '../case/project.js';
import {
  NOTIFIED_EVENT_TYPES,
  notificationReadsOf,
  planNotifications,
  type NotificationRecipients,
  type NotifiedChange,
  type NotifiedOfficial,
} from './plan-notifications.js';

const NOW = new Date('2026-11-23T02:00:00Z');
const CASE = '00000000-0000-4000-8000-0000000000c1';
const UNIT = '00000000-0000-4000-8000-0000000000a1';
const OTHER_UNIT = '00000000-0000-4000-8000-0000000000a2';
const official = (n: number, phone = true): NotifiedOfficial => ({
  id: `00000000-0000-4000-8000-0000000000f${n}`,
  email: `o${n}@test.gov.vn`,
  phone: phone ? `+8491200000${n}` : null,
});
const HANDLER = official(1);
const LEADER = official(2);
const OTHER_LEADER = official(3, false);

const base = projectCase([
  {
    type: 'received',
    caseType: 'feedback',
    channel: 'web',
    categoryId: '00000000-0000-4000-8000-0000000000b1',
    hotlineId: null,
    communeUnitId: null,
    priority: 'normal',
  },
  { type: 'routed', unitId: UNIT, reason: 'rule' },
])!;
const stateWith = (s: Partial<CaseState>): CaseState => ({ ...base, ...s });

const recipients: NotificationRecipients = {
  case: {
    trackingCode: 'ABCD2345',
    channel: 'web',
    citizenPhone: '+84912345678',
    citizenEmail: 'dan@mail.vn',
    categoryName: 'Môi trường',
    unitName: 'Sở Tài nguyên',
    resolutionDueAt: new Date('2026-12-07T10:00:00Z'),
  },
  officials: new Map([HANDLER, LEADER, OTHER_LEADER].map((o) => [o.id, o])),
  unitLeaders: new Map([
    [UNIT, [LEADER, OTHER_LEADER]],
    [OTHER_UNIT, [OTHER_LEADER]],
  ]),
  handlerOrLeaders: [HANDLER],
  mergedCases: [{ caseId: 'dup', trackingCode: 'WXYZ6789', phone: '+84912000099', email: null }],
};

const SYSTEM: Actor = { kind: 'system', process: 'test' };
const changeOf = (
  events: CaseEvent[],
  options: { state?: Partial<CaseState>; wasRouted?: boolean; actor?: Actor } = {},
): NotifiedChange => ({
  caseId: CASE,
  state: stateWith(options.state ?? {}),
  recorded: events.map((event, i) => ({
    version: 3 + i,
    at: NOW,
    actor: options.actor ?? SYSTEM,
    event,
  })),
  wasRouted: options.wasRouted ?? false,
  now: NOW,
});
const who = (id: string | null) =>
  ({ [HANDLER.id]: 'handler', [LEADER.id]: 'leader', [OTHER_LEADER.id]: 'other leader' })[
    id ?? ''
  ] ?? 'citizen';
/** Each draft as "v<version> template/channel → recipient". */
const summary = (change: NotifiedChange, r = recipients, smsReceiptInReply = false) =>
  planNotifications(change, r, { smsReceiptInReply }).map(
    (d) =>
      `v${d.eventVersion} ${d.template}/${d.channel} → ${d.recipientKey.startsWith('citizen:') ? d.recipientKey : who(d.recipientOfficialId)}`,
  );

const routed: CaseEvent = { type: 'routed', unitId: UNIT, reason: 'rule' };
const assigned: CaseEvent = { type: 'assigned', assigneeId: HANDLER.id };
const reopened: CaseEvent = { type: 'reopened', reason: 'Chưa xong' };

describe('planNotifications: who is told what about a change', () => {
  const table: [string, NotifiedChange, string[]][] = [
    [
      'a first routing: the citizen’s receipt by SMS and e-mail',
      changeOf([routed]),
      ['v3 citizen_receipt/sms → citizen', 'v3 citizen_receipt/email → citizen'],
    ],
    ['a second routing: nothing', changeOf([routed], { wasRouted: true }), []],
    [
      'two routings in one change: one receipt',
      changeOf([routed, { ...routed, unitId: OTHER_UNIT }]),
      ['v3 citizen_receipt/sms → citizen', 'v3 citizen_receipt/email → citizen'],
    ],
    [
      'an assignment: the handler in-app and by e-mail',
      changeOf([assigned]),
      ['v3 official_assigned/in_app → handler', 'v3 official_assigned/email → handler'],
    ],
    [
      'a reopened case given back to its handler: only the reopening notice',
      changeOf([reopened, assigned]),
      ['v3 citizen_follow_up/in_app → handler', 'v3 citizen_follow_up/email → handler'],
    ],
    [
      'a warning: the handler in-app',
      changeOf([{ type: 'sla_warning', target: 'resolution', dueAt: NOW.toISOString() }], {
        state: { assigneeId: HANDLER.id },
      }),
      ['v3 sla_warning/in_app → handler'],
    ],
    [
      'a warning on a case nobody handles: the unit’s leaders in-app',
      changeOf([{ type: 'sla_warning', target: 'acceptance', dueAt: NOW.toISOString() }]),
      ['v3 sla_warning/in_app → leader', 'v3 sla_warning/in_app → other leader'],
    ],
    [
      'an escalation to a unit: its leaders in-app and by SMS where they have a phone',
      changeOf([
        {
          type: 'escalated',
          level: 2,
          toOfficialId: null,
          toUnitId: UNIT,
          reason: 'deadline_passed',
        },
      ]),
      [
        'v3 escalation/in_app → leader',
        'v3 escalation/sms → leader',
        'v3 escalation/in_app → other leader',
      ],
    ],
    [
      'an extension asked by a leader: the other leaders in-app',
      changeOf([{ type: 'extension_requested', duration: 'P5D', reason: 'x' }], {
        actor: { kind: 'official', officialId: LEADER.id },
      }),
      ['v3 approval_requested/in_app → other leader'],
    ],
    ['a good rating: nothing', changeOf([{ type: 'rated', rating: 4 }]), []],
    [
      'a low rating: the handler in-app and by e-mail',
      changeOf([{ type: 'rated', rating: 2 }]),
      ['v3 citizen_follow_up/in_app → handler', 'v3 citizen_follow_up/email → handler'],
    ],
    [
      'a resolution: the citizen and the citizens of merged duplicates',
      changeOf([{ type: 'resolved', resolutionText: 'Đã xử lý.' }]),
      [
        'v3 citizen_resolved/sms → citizen',
        'v3 citizen_resolved/email → citizen',
        'v3 citizen_resolved/sms → citizen:dup',
      ],
    ],
    ['a comment: nothing', changeOf([{ type: 'comment_added', text: 'x', isInternal: true }]), []],
  ];
  it.each(table)('%s', (_, change, expected) => {
    expect(summary(change)).toEqual(expected);
  });

  it('sends an SMS case answered in the webhook’s reply no second receipt', () => {
    const sms = { ...recipients, case: { ...recipients.case!, channel: 'sms' } };
    expect(summary(changeOf([routed]), sms, true)).toEqual([]);
    expect(summary(changeOf([routed]), sms, false)).toHaveLength(2);
  });

  it('plans nothing for a case that is not there', () => {
    expect(summary(changeOf([routed]), { ...recipients, case: null })).toEqual([]);
  });
});

// Random changes: any events of any type, by anyone, on a case held by anyone.
const ids = [HANDLER.id, LEADER.id, OTHER_LEADER.id, '00000000-0000-4000-8000-0000000000f9'];
const units = [UNIT, OTHER_UNIT, '00000000-0000-4000-8000-0000000000a9'];
const anEvent: fc.Arbitrary<CaseEvent> = fc.oneof(
  fc
    .constantFrom(...units)
    .map((unitId): CaseEvent => ({ type: 'routed', unitId, reason: 'rule' })),
  fc.constantFrom(...ids).map((assigneeId): CaseEvent => ({ type: 'assigned', assigneeId })),
  fc
    .constantFrom('acceptance', 'first_response', 'resolution' as const)
    .map((target): CaseEvent => ({ type: 'sla_warning', target, dueAt: NOW.toISOString() })),
  fc
    .record({ to: fc.option(fc.constantFrom(...ids)), unit: fc.option(fc.constantFrom(...units)) })
    .map(({ to, unit }): CaseEvent => ({
      type: 'escalated',
      level: 1,
      toOfficialId: to,
      toUnitId: unit,
      reason: 'manual',
    })),
  fc.constantFrom<CaseEvent>(
    { type: 'extension_requested', duration: 'P5D', reason: 'x' },
    { type: 'resolution_proposed', resolutionText: 'x' },
    { type: 'info_requested', question: 'x' },
    { type: 'info_provided', text: 'x' },
    { type: 'replied', text: 'x' },
    { type: 'resolved', resolutionText: 'x' },
    { type: 'merged', intoCaseId: 'x' },
    reopened,
    { type: 'accepted' },
    { type: 'comment_added', text: 'x', isInternal: false },
  ),
  fc.constantFrom(1, 2, 3, 4, 5 as const).map((rating): CaseEvent => ({ type: 'rated', rating })),
);
const aChange: fc.Arbitrary<NotifiedChange> = fc
  .record({
    events: fc.array(anEvent, { minLength: 1, maxLength: 5 }),
    assigneeId: fc.option(fc.constantFrom(...ids)),
    unitId: fc.option(fc.constantFrom(...units)),
    wasRouted: fc.boolean(),
    actor: fc.option(fc.constantFrom(...ids)),
  })
  .map(({ events, assigneeId, unitId, wasRouted, actor }) =>
    changeOf(events, {
      state: { assigneeId, unitId },
      wasRouted,
      actor: actor ? { kind: 'official', officialId: actor } : SYSTEM,
    }),
  );

/** The recipients notificationReadsOf names, and nobody else. */
function onlyWhatIsRead(change: NotifiedChange): NotificationRecipients {
  const reads = notificationReadsOf(change);
  return {
    case: reads.case ? recipients.case : null,
    officials: new Map([...recipients.officials].filter(([id]) => reads.officialIds.includes(id))),
    unitLeaders: new Map(
      [...recipients.unitLeaders].filter(([unit]) => reads.unitLeadersOf.includes(unit)),
    ),
    handlerOrLeaders: reads.handlerOrLeaders ? recipients.handlerOrLeaders : [],
    mergedCases: reads.mergedCases ? recipients.mergedCases : [],
  };
}

describe('planNotifications over random changes', () => {
  it('needs nothing beyond what notificationReadsOf names', () => {
    fc.assert(
      fc.property(aChange, (change) => {
        expect(planNotifications(change, onlyWhatIsRead(change))).toEqual(
          planNotifications(change, recipients),
        );
      }),
    );
  });

  it('reads nothing for a change no one is told of', () => {
    fc.assert(
      fc.property(aChange, (change) => {
        const told = change.recorded.some((r) =>
          (NOTIFIED_EVENT_TYPES as readonly string[]).includes(r.event.type),
        );
        if (!told) expect(notificationReadsOf(change).case).toBe(false);
      }),
    );
  });

  it('tells each recipient at most once per event, template and channel; in-app delivered at once', () => {
    fc.assert(
      fc.property(aChange, (change) => {
        const drafts = planNotifications(change, recipients);
        const keys = drafts.map(
          (d) => `${d.eventVersion}|${d.template}|${d.channel}|${d.recipientKey}`,
        );
        expect(new Set(keys).size).toBe(keys.length);
        const versions = new Set(change.recorded.map((r: RecordedEvent) => r.version));
        for (const d of drafts) {
          expect(versions.has(d.eventVersion)).toBe(true);
          if (d.channel === 'in_app') {
            expect([d.status, d.address, d.sentAt]).toEqual(['sent', null, NOW]);
          } else {
            expect(d.status).toBe('pending');
            expect(d.address).not.toBeNull();
          }
          // An official who asks for an approval is never asked to give it.
          if (d.template === 'approval_requested') {
            const r = change.recorded.find((x) => x.version === d.eventVersion)!;
            expect(r.actor.kind === 'official' && r.actor.officialId === d.recipientKey).toBe(
              false,
            );
          }
        }
      }),
    );
  });
});
