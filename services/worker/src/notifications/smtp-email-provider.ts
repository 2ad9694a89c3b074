import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailMessage, EmailProvider } from '@hotline/core';

/**
 * E-mail through an SMTP server (`smtp://` or `smtps://` URL), with nodemailer. SMTP has no
 * idempotency key: a message handed over is sent, so a try whose outcome was lost is not
 * repeated (at most once).
 */
export class SmtpEmailProvider implements EmailProvider {
  readonly idempotencyKey = null;
  private readonly transport: Transporter;

  constructor(options: { url: string; from: string }) {
    this.transport = nodemailer.createTransport(options.url, { from: options.from });
  }

  async send(m: EmailMessage) {
    const info = (await this.transport.sendMail({
      to: m.to,
      subject: m.subject,
      text: m.text,
      headers: { 'X-Hotline-Notification': m.notificationId },
    })) as { messageId?: string };
    return info.messageId ? { providerMessageId: info.messageId } : {};
  }

  close() {
    this.transport.close();
  }
}
