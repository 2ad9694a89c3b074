import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

/** A dead letter as administrators see it: what, about which case, why; never the address. */
export const DeadLetter = Type.Object({
  id: SafeString({ format: 'uuid' }),
  status: Type.Union([Type.Literal('dead'), Type.Literal('unconfirmed')], {
    description:
      'dead: every try failed, nothing was sent. unconfirmed: a try was under way when its ' +
      'outcome was lost and the provider cannot drop a repeat; it may have been sent, so it ' +
      'is not sent again unless an administrator retries it',
  }),
  caseId: Type.Union([SafeString({ format: 'uuid' }), Type.Null()]),
  trackingCode: Type.Union([SafeString(), Type.Null()]),
  eventVersion: Type.Integer(),
  template: SafeString(),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email'), Type.Literal('in_app')]),
  recipient: Type.Union([
    Type.Object({ kind: Type.Literal('official'), officialId: SafeString({ format: 'uuid' }) }),
    Type.Object({ kind: Type.Union([Type.Literal('citizen'), Type.Literal('other')]) }),
  ]),
  attempts: Type.Integer(),
  lastError: Type.Union([SafeString(), Type.Null()], {
    description: 'The last failure, with addresses and phone numbers taken out',
  }),
  createdAt: SafeString({ format: 'date-time' }),
});
export type DeadLetter = Static<typeof DeadLetter>;

export const DeadLetterList = Type.Object({ items: Type.Array(DeadLetter) });
export const DeadLetterQuery = Type.Object({
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 500, description: 'At most 500; 100 by default' }),
  ),
});
export const NotificationIdParams = Type.Object({ id: SafeString({ format: 'uuid' }) });
export const RetriedNotification = Type.Object({
  id: SafeString({ format: 'uuid' }),
  status: Type.Literal('pending'),
});
