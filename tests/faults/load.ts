import { randomUUID } from 'node:crypto';

/** What one HTTP attempt got: a status, or no answer at all (refused, reset, timed out). */
export type Outcome = number | 'no-answer';

export interface Attempt {
  sentAt: number;
  outcome: Outcome;
  /** How long the answer took (or until the attempt gave up). */
  ms: number;
}

/** One case a citizen means to file, with every attempt made for it under one key. */
export interface LoadRequest {
  /** The Idempotency-Key sent with every attempt; also written in the case's text. */
  key: string;
  startedAt: number;
  attempts: Attempt[];
  /** The tracking code answered (201, or 200 linked), without its dash as stored. */
  code: string | null;
  /** No attempt is under way or due: its outcome is final. */
  settled: boolean;
}

/** The text of a load case: the key in it is how the auditor ties a case to its request. */
export const LOAD_TEXT_MARK = 'Phản ánh tải thử';
const caseText = (key: string) =>
  `${LOAD_TEXT_MARK} ${key}: đèn đường khu dân cư hỏng nhiều ngày chưa sửa.`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A bounded, steady load on POST /v1/cases, as honest clients behave: each case gets an
 * Idempotency-Key, and a 503, a 409 (that key still at work) or no answer is retried with the same key (after Retry-After,
 * at most a second here) until `retryForMs` has passed. Anything else is final. Every attempt
 * is recorded for the auditor and the per-fault table.
 */
export class LoadGenerator {
  readonly requests: LoadRequest[] = [];
  /** Ticks skipped because `maxInFlight` requests were open. */
  skipped = 0;
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly running = new Set<Promise<void>>();
  private seq = 0;

  constructor(
    private readonly options: {
      baseUrl: () => string;
      casesPerSecond: number;
      maxInFlight: number;
      attemptTimeoutMs: number;
      retryForMs: number;
      /** Categories the load cycles through (all under the load's SLA policy). */
      categories: readonly string[];
    },
  ) {}

  start() {
    const every = 1000 / this.options.casesPerSecond;
    this.timer = setInterval(() => this.tick(), every);
  }

  /** Stops new requests and waits until every open one is settled. */
  async stop() {
    clearInterval(this.timer);
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private tick() {
    if (this.inFlight >= this.options.maxInFlight) {
      this.skipped++;
      return;
    }
    const request: LoadRequest = {
      key: randomUUID(),
      startedAt: Date.now(),
      attempts: [],
      code: null,
      settled: false,
    };
    this.requests.push(request);
    const n = this.seq++;
    const body = JSON.stringify({
      categoryCode: this.options.categories[n % this.options.categories.length],
      text: caseText(request.key),
      // Half the citizens leave a phone: the per-phone limit (Redis) is on their path, and
      // each is sent a receipt by SMS.
      ...(n % 2 === 0
        ? { citizen: { phone: `091${String(n % 10_000_000).padStart(7, '0')}` } }
        : {}),
    });
    this.inFlight++;
    const run = this.file(request, body).finally(() => {
      this.inFlight--;
      request.settled = true;
      this.running.delete(run);
    });
    this.running.add(run);
  }

  private async file(request: LoadRequest, body: string) {
    for (;;) {
      const attempt: Attempt = { sentAt: Date.now(), outcome: 'no-answer', ms: 0 };
      request.attempts.push(attempt);
      let retryAfterMs = 250;
      try {
        const res = await fetch(`${this.options.baseUrl()}/v1/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': request.key },
          body,
          signal: AbortSignal.timeout(this.options.attemptTimeoutMs),
        });
        const text = await res.text();
        attempt.outcome = res.status;
        attempt.ms = Date.now() - attempt.sentAt;
        // 200: the same text from the same phone was stored already (an earlier attempt of
        // this request), and the answer names that case.
        if (res.status === 201 || res.status === 200) {
          const code = (JSON.parse(text) as { trackingCode: string }).trackingCode;
          request.code = code.replace('-', '');
          return;
        }
        // 409: the same key's first attempt is still running (Idempotency-Key): ask again.
        if (res.status !== 503 && res.status !== 409) return;
        const after = Number(res.headers.get('retry-after'));
        if (after > 0) retryAfterMs = Math.min(after * 1000, 1000);
      } catch {
        // Refused, reset or timed out: the case may or may not have been stored.
        attempt.outcome = 'no-answer';
        attempt.ms = Date.now() - attempt.sentAt;
      }
      if (Date.now() + retryAfterMs - request.startedAt > this.options.retryForMs) return;
      await sleep(retryAfterMs);
    }
  }
}

/** Attempts sent within [from, to), tallied by outcome: "503×4 no-answer×2". */
export function errorsSeen(requests: readonly LoadRequest[], from: number, to: number): string {
  const tally = new Map<string, number>();
  for (const r of requests) {
    for (const a of r.attempts) {
      if (a.sentAt < from || a.sentAt >= to) continue;
      if (a.outcome === 201) continue;
      const k = String(a.outcome);
      tally.set(k, (tally.get(k) ?? 0) + 1);
    }
  }
  return (
    [...tally]
      .sort()
      .map(([k, n]) => `${k}×${n}`)
      .join(' ') || '-'
  );
}

/** Requests started within [from, to). */
export const requestsIn = (requests: readonly LoadRequest[], from: number, to: number) =>
  requests.filter((r) => r.startedAt >= from && r.startedAt < to).length;

/** The 99th percentile of how long answered attempts within [from, to) took, in ms. */
export function answerP99(requests: readonly LoadRequest[], from: number, to: number) {
  const ms = requests
    .flatMap((r) => r.attempts)
    .filter((a) => a.sentAt >= from && a.sentAt < to && a.outcome !== 'no-answer')
    .map((a) => a.ms)
    .sort((a, b) => a - b);
  return ms.length === 0 ? null : ms[Math.min(ms.length - 1, Math.floor(0.99 * ms.length))]!;
}
