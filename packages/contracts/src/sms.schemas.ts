import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

/** A generic SMS gateway's delivery (POST /webhooks/sms/:provider). */
export const SmsWebhookBody = Type.Object(
  {
    id: SafeString({ minLength: 1, maxLength: 200, description: 'The gateway message id' }),
    from: SafeString({ minLength: 3, maxLength: 32 }),
    to: SafeString({ minLength: 3, maxLength: 32 }),
    text: SafeString({ maxLength: 5000 }),
    receivedAt: Type.Optional(SafeString({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type SmsWebhookBody = Static<typeof SmsWebhookBody>;

export const SmsWebhookParams = Type.Object({
  provider: SafeString({ pattern: '^[a-z0-9_-]{1,40}$' }),
});

/** The answer: what the message became and the SMS to send back (null: none). */
export const SmsWebhookResponse = Type.Object({
  outcome: Type.Union([
    Type.Literal('case'),
    Type.Literal('joined'),
    Type.Literal('command'),
    Type.Literal('blocked'),
    Type.Literal('information'),
  ]),
  reply: Type.Union([SafeString(), Type.Null()]),
  duplicate: Type.Boolean({ description: 'True when this message id was answered before' }),
});
export type SmsWebhookResponse = Static<typeof SmsWebhookResponse>;

/** Twilio's form fields we read (it sends more; they are signed, so they are kept). */
export const TwilioSmsBody = Type.Object({
  MessageSid: SafeString({ minLength: 1, maxLength: 64 }),
  From: SafeString({ minLength: 1, maxLength: 32 }),
  To: SafeString({ minLength: 1, maxLength: 32 }),
  Body: Type.Optional(SafeString({ maxLength: 5000 })),
  NumMedia: Type.Optional(SafeString({ pattern: '^[0-9]{1,2}$' })),
});
export type TwilioSmsBody = Static<typeof TwilioSmsBody>;

export const BlockedPhone = Type.Object({
  phone: SafeString({ description: 'E.164' }),
  reason: SafeString(),
  createdAt: SafeString({ format: 'date-time' }),
});
export const BlockedPhoneList = Type.Object({ items: Type.Array(BlockedPhone) });
export const BlockPhoneBody = Type.Object(
  {
    phone: SafeString({ minLength: 3, maxLength: 32 }),
    reason: SafeString({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type BlockPhoneBody = Static<typeof BlockPhoneBody>;
export const BlockedPhoneParams = Type.Object({
  phone: SafeString({ minLength: 3, maxLength: 32 }),
});
