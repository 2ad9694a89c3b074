import type { SmsEncoding } from '@hotline/domain';

/** An SMS as a provider receives it. `to` and `text` are personal data: never log them. */
export interface SmsMessage {
  notificationId: string;
  template: string;
  /** E.164. */
  to: string;
  text: string;
  encoding: SmsEncoding;
  segments: number;
}

/** An e-mail as a provider receives it. `to` and the text are personal data: never log them. */
export interface EmailMessage {
  notificationId: string;
  template: string;
  to: string;
  subject: string;
  text: string;
}

export interface SendReceipt {
  providerMessageId?: string;
}

/**
 * Whether a provider drops a repeat of the same message: it is given the notification id as an
 * idempotency key, and remembers a key it has seen for `keptMs`. `null`: a repeat is a second
 * message to the citizen (SMTP, most SMS APIs without such a header).
 */
export type IdempotencyKeySupport = { keptMs: number } | null;

/** A way out for SMS; a rejected promise is a failed try. */
export interface SmsProvider {
  readonly idempotencyKey: IdempotencyKeySupport;
  send(message: SmsMessage): Promise<SendReceipt>;
}

/** A way out for e-mail; a rejected promise is a failed try. */
export interface EmailProvider {
  readonly idempotencyKey: IdempotencyKeySupport;
  send(message: EmailMessage): Promise<SendReceipt>;
}

export interface NotificationProviders {
  sms: SmsProvider;
  email: EmailProvider;
}
