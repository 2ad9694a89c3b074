import type { SmsMessage, SmsProvider } from '@hotline/core';

export interface HttpSmsOptions {
  url: string;
  token: string;
  timeoutMs?: number;
}

/**
 * An SMS gateway over HTTP: POST `{ to, text }` as JSON with a bearer token. A 2xx is
 * success (a JSON `id` or `messageId` in the answer is kept); anything else, or no answer
 * within the timeout, is a failed try. The notification id goes as `Idempotency-Key`, so a
 * gateway that honours it drops a repeat after a crash between its answer and our record.
 */
export class HttpSmsProvider implements SmsProvider {
  constructor(private readonly options: HttpSmsOptions) {}

  async send(m: SmsMessage) {
    const res = await fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.options.token}`,
        'idempotency-key': m.notificationId,
      },
      body: JSON.stringify({ to: m.to, text: m.text }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
    });
    const body = await res.text().catch(() => '');
    // The gateway's answer may quote the number: only the status goes into the error.
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    return messageIdOf(body);
  }
}

function messageIdOf(body: string): { providerMessageId?: string } {
  try {
    const parsed = JSON.parse(body) as { id?: unknown; messageId?: unknown };
    const id = parsed.messageId ?? parsed.id;
    return typeof id === 'string' || typeof id === 'number'
      ? { providerMessageId: String(id) }
      : {};
  } catch {
    return {};
  }
}
