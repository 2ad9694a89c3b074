import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

const Uuid = SafeString({ format: 'uuid' });
const Instant = SafeString({ format: 'date-time' });

/** `GET /v1/me/notifications`. */
export const MyNotificationsQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: 'At most 100; 30 by default' }),
    ),
  },
  { additionalProperties: false },
);
export type MyNotificationsQuery = Static<typeof MyNotificationsQuery>;

export const MyNotification = Type.Object({
  id: Uuid,
  kind: Type.Union(
    [
      Type.Literal('assigned'),
      Type.Literal('escalated'),
      Type.Literal('sla_warning'),
      Type.Literal('extension_requested'),
      Type.Literal('resolution_proposed'),
      Type.Literal('citizen_information'),
      Type.Literal('citizen_low_rating'),
      Type.Literal('citizen_reopened'),
    ],
    {
      description:
        'assigned: a case given to me · escalated: to me, or to my unit when I lead it · ' +
        'sla_warning: a deadline of my case is near · extension_requested, ' +
        'resolution_proposed: waiting for my decision as the unit’s leader · ' +
        'citizen_information, citizen_low_rating, citizen_reopened: the citizen of my case ' +
        '(or of my unit’s, when its handler is gone) added information, rated it 1–2, reopened it',
    },
  ),
  at: Instant,
  case: Type.Object({ id: Uuid, trackingCode: SafeString(), status: SafeString() }),
  /** Escalations: the rung reached. */
  level: Type.Union([Type.Integer(), Type.Null()]),
  /** SLA warnings: which deadline (acceptance, first_response, resolution). */
  target: Type.Union([SafeString(), Type.Null()]),
  /** Requests to a leader: decided since (by anyone), so nobody waits any more. */
  isSettled: Type.Boolean(),
  /** Low ratings: the stars given. */
  rating: Type.Union([Type.Integer(), Type.Null()]),
  /** Opened (clicked) by the official, or marked read with the others. */
  isRead: Type.Boolean(),
});
export type MyNotification = Static<typeof MyNotification>;

export const MyNotifications = Type.Object({
  items: Type.Array(MyNotification, { description: 'Newest first' }),
});
export type MyNotifications = Static<typeof MyNotifications>;

/** `POST /v1/me/notifications/:id/read`. */
export const NotificationParams = Type.Object({ id: Uuid });
/** Answer of marking read: how many of my messages changed. */
export const MarkedRead = Type.Object({ marked: Type.Integer() });

/** `GET /v1/cases/:id/assignees`: who may be given the case (its unit's handlers and leaders). */
export const CaseAssignees = Type.Object({
  unit: Type.Union([Type.Object({ code: SafeString(), name: SafeString() }), Type.Null()]),
  officials: Type.Array(
    Type.Object({
      id: Uuid,
      fullName: SafeString(),
      title: SafeString(),
      roles: Type.Array(SafeString()),
      isAbsent: Type.Boolean(),
      openCases: Type.Integer({ description: 'Open cases assigned to them now' }),
    }),
  ),
});
export type CaseAssignees = Static<typeof CaseAssignees>;

/** `GET /v1/console/reference`: the lists the console's forms and filters choose from. */
export const ConsoleReference = Type.Object({
  units: Type.Array(
    Type.Object({
      code: SafeString(),
      name: SafeString(),
      nameEn: Type.Union([SafeString(), Type.Null()], {
        description: 'English name; null: show the Vietnamese',
      }),
      kind: SafeString(),
      parentCode: Type.Union([SafeString(), Type.Null()]),
    }),
  ),
  hotlines: Type.Array(
    Type.Object({
      number: SafeString({ description: 'E.164' }),
      displayNumber: SafeString(),
      name: SafeString(),
      nameEn: Type.Union([SafeString(), Type.Null()]),
    }),
  ),
});
export type ConsoleReference = Static<typeof ConsoleReference>;

export const CaseAttachmentParams = Type.Object({
  id: SafeString({ minLength: 1, maxLength: 64, description: 'Case id or tracking code' }),
  attachmentId: Uuid,
});
export type CaseAttachmentParams = Static<typeof CaseAttachmentParams>;
