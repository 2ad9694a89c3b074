import type { Logger } from '@hotline/config';
import type { EmailMessage, EmailProvider, SmsMessage, SmsProvider } from '@hotline/core';

/**
 * Development SMS: logs that a message went out, never to whom or what it said (the address
 * and the text are personal data) — the notification id finds both in the database.
 */
export class LogSmsProvider implements SmsProvider {
  /** A log line cannot be taken back: a try whose outcome was lost is not repeated. */
  readonly idempotencyKey = null;

  constructor(private readonly log: Logger) {}

  async send(m: SmsMessage) {
    this.log.info(
      {
        notificationId: m.notificationId,
        template: m.template,
        encoding: m.encoding,
        segments: m.segments,
      },
      'sms sent (log provider)',
    );
    return { providerMessageId: `log-${m.notificationId}` };
  }
}

/** Development e-mail: logs that a message went out, without address, subject or text. */
export class LogEmailProvider implements EmailProvider {
  readonly idempotencyKey = null;

  constructor(private readonly log: Logger) {}

  async send(m: EmailMessage) {
    this.log.info(
      { notificationId: m.notificationId, template: m.template },
      'email sent (log provider)',
    );
    return { providerMessageId: `log-${m.notificationId}` };
  }
}
