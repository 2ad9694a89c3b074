import Type, { type Static } from 'typebox';

/** A dead letter as administrators see it: what, about which case, why; never the address. */
export const DeadLetter = Type.Object({
  id: Type.String({ format: 'uuid' }),
  caseId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  trackingCode: Type.Union([Type.String(), Type.Null()]),
  eventVersion: Type.Integer(),
  template: Type.String(),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email'), Type.Literal('in_app')]),
  recipient: Type.Union([
    Type.Object({ kind: Type.Literal('official'), officialId: Type.String({ format: 'uuid' }) }),
    Type.Object({ kind: Type.Union([Type.Literal('citizen'), Type.Literal('other')]) }),
  ]),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()], {
    description: 'The last failure, with addresses and phone numbers taken out',
  }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type DeadLetter = Static<typeof DeadLetter>;

export const DeadLetterList = Type.Object({ items: Type.Array(DeadLetter) });
export const DeadLetterQuery = Type.Object({
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 500, description: 'At most 500; 100 by default' }),
  ),
});
export const NotificationIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const RetriedNotification = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Literal('pending'),
});
