import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

const CASE_STATUS = Type.Union([
  Type.Literal('received'),
  Type.Literal('triaged'),
  Type.Literal('assigned'),
  Type.Literal('in_progress'),
  Type.Literal('awaiting_citizen'),
  Type.Literal('resolved'),
  Type.Literal('closed'),
  Type.Literal('reopened'),
  Type.Literal('rejected'),
  Type.Literal('merged'),
  Type.Literal('withdrawn'),
]);
const SLA_STATE = Type.Union([
  Type.Literal('on_track'),
  Type.Literal('at_risk'),
  Type.Literal('breached'),
]);
const CHANNEL = Type.Union([
  Type.Literal('web'),
  Type.Literal('sms'),
  Type.Literal('call'),
  Type.Literal('email'),
  Type.Literal('open311'),
  Type.Literal('counter'),
]);
const PRIORITY = Type.Union([
  Type.Literal('low'),
  Type.Literal('normal'),
  Type.Literal('high'),
  Type.Literal('urgent'),
]);
const CODE = (description: string) =>
  SafeString({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64, description });

/** `GET /v1/queues/:queue`. */
export const QueueParams = Type.Object({
  queue: Type.Union(
    [
      Type.Literal('mine'),
      Type.Literal('unit'),
      Type.Literal('unassigned'),
      Type.Literal('escalated'),
      Type.Literal('all'),
    ],
    {
      description:
        'mine: assigned to me, open · unit: my unit’s open cases · unassigned: open, in my ' +
        'unit, no assignee · escalated: escalated to me (or to my unit, for its leader) · ' +
        'all: every case I may see',
    },
  ),
});
export type QueueParams = Static<typeof QueueParams>;
export type CaseQueueName = QueueParams['queue'];

export const QueueQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Array(CASE_STATUS, { maxItems: 10, description: 'Repeat for several' }),
    ),
    slaState: Type.Optional(SLA_STATE),
    category: Type.Optional(CODE('Category code')),
    channel: Type.Optional(CHANNEL),
    hotline: Type.Optional(
      SafeString({ minLength: 1, maxLength: 32, description: 'Hotline number (encode + as %2B)' }),
    ),
    commune: Type.Optional(CODE('Commune or ward code')),
    priority: Type.Optional(PRIORITY),
    receivedFrom: Type.Optional(SafeString({ format: 'date-time' })),
    receivedTo: Type.Optional(SafeString({ format: 'date-time', description: 'Inclusive' })),
    assignee: Type.Optional(
      Type.Union([Type.Literal('none'), SafeString({ format: 'uuid' })], {
        description: 'An official’s id, or "none" for unassigned cases',
      }),
    ),
    q: Type.Optional(
      SafeString({
        minLength: 1,
        maxLength: 200,
        description:
          'Words in the case text, without regard to case or diacritics, or the case’s tracking code (dash optional)',
      }),
    ),
    sort: Type.Optional(
      Type.Union([Type.Literal('deadline'), Type.Literal('receivedAt')], {
        description:
          'deadline: resolution deadline, soonest first, none last (default); ' +
          'receivedAt: newest first',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'Default 25' })),
    cursor: Type.Optional(
      SafeString({
        minLength: 1,
        maxLength: 300,
        description: 'nextCursor of the previous page (same filters and sort)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type QueueQuery = Static<typeof QueueQuery>;

const NamedRef = Type.Object({ code: SafeString(), name: SafeString() });
const Instant = Type.Union([SafeString({ format: 'date-time' }), Type.Null()]);

export const QueueRow = Type.Object({
  id: SafeString({ format: 'uuid' }),
  trackingCode: SafeString(),
  status: CASE_STATUS,
  slaState: SLA_STATE,
  priority: PRIORITY,
  channel: CHANNEL,
  category: NamedRef,
  unit: Type.Union([NamedRef, Type.Null()]),
  assignee: Type.Union([
    Type.Object({ id: SafeString({ format: 'uuid' }), fullName: SafeString() }),
    Type.Null(),
  ]),
  receivedAt: SafeString({ format: 'date-time' }),
  deadlines: Type.Object({
    acceptance: Instant,
    firstResponse: Instant,
    resolution: Instant,
  }),
  escalationLevel: Type.Integer(),
  transferCount: Type.Integer(),
  excerpt: SafeString({ description: 'The start of the case text' }),
  remainingWorkingMs: Type.Union([Type.Number(), Type.Null()], {
    description:
      'Working time left until the resolution deadline in the unit’s calendar (negative: ' +
      'overdue); null without a running deadline (none yet, closed, or paused awaiting the citizen)',
  }),
});
export type QueueRow = Static<typeof QueueRow>;

const Counts = (description: string) => Type.Record(Type.String(), Type.Integer(), { description });

export const QueuePage = Type.Object({
  queue: SafeString(),
  total: Type.Integer({ description: 'Cases matching the queue and filters' }),
  totalCapped: Type.Boolean({
    description:
      'More cases match than were counted (searches count up to 1,000, other queues up to 10,000): total is a lower bound and the counts per status and SLA state are left empty',
  }),
  counts: Type.Object({
    byStatus: Counts('Matching cases per status'),
    bySlaState: Counts('Matching cases per SLA state'),
  }),
  items: Type.Array(QueueRow),
  nextCursor: Type.Union([SafeString(), Type.Null()]),
});
export type QueuePage = Static<typeof QueuePage>;
