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

/** A way out for SMS; a rejected promise is a failed try. */
export interface SmsProvider {
  send(message: SmsMessage): Promise<SendReceipt>;
}

/** A way out for e-mail; a rejected promise is a failed try. */
export interface EmailProvider {
  send(message: EmailMessage): Promise<SendReceipt>;
}

export interface NotificationProviders {
  sms: SmsProvider;
  email: EmailProvider;
}
