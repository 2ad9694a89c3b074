import type { IdempotencyKeySupport, SmsMessage, SmsProvider } from '@hotline/core';

export interface HttpSmsOptions {
  url: string;
  token: string;
  timeoutMs?: number;
  /** How long the gateway remembers an idempotency key; a day unless told. */
  idempotencyKeptMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An SMS gateway over HTTP: POST `{ to, text }` as JSON with a bearer token. A 2xx is
 * success (a JSON `id` or `messageId` in the answer is kept); anything else, or no answer
 * within the timeout, is a failed try. The notification id goes as `Idempotency-Key` and our
 * gateway drops a repeat of a key it has seen: a try whose outcome we lost (a crash between its
 * answer and our record) is sent again with the same key rather than given up.
 */
export class HttpSmsProvider implements SmsProvider {
  readonly idempotencyKey: IdempotencyKeySupport;

  constructor(private readonly options: HttpSmsOptions) {
    this.idempotencyKey = { keptMs: options.idempotencyKeptMs ?? DAY_MS };
  }

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
