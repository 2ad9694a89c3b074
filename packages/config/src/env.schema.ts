import Type, { type Static } from 'typebox';
import {
  DEV_SESSION_SECRET,
  DEV_SMS_WEBHOOK_SECRETS,
  DEV_TWILIO_AUTH_TOKEN,
} from './development-defaults.js';

/** Every environment variable the services read, with its default. */
export const EnvSchema = Type.Object({
  NODE_ENV: Type.Union(
    [Type.Literal('development'), Type.Literal('test'), Type.Literal('production')],
    {
      default: 'development',
      description:
        '`production` refuses the development values (see “in production”) and the demo data; the test runner sets `test`',
    },
  ),
  DATABASE_URL: Type.String({
    pattern: '^postgres(ql)?://',
    default: 'postgres://postgres@127.0.0.1:5432/hotline',
    description: 'PostgreSQL, the source of truth (the database is created if missing)',
  }),
  DATABASE_POOL_SIZE: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 200,
      description:
        'connections per pool, per process. Unset: the API 2 × CPU cores (fewer for the API: see bench:officials), the worker 10',
    }),
  ),
  REDIS_URL: Type.String({
    pattern: '^rediss?://',
    default: 'redis://127.0.0.1:6379',
    description: 'Redis: queues and timers only',
  }),
  // The API's Redis on the request path (limits, sessions, one-time codes): while the breaker
  // is open every call fails at once, so limits are skipped and sessions answer 503.
  REDIS_REQUEST_TIMEOUT_MS: Type.Integer({
    minimum: 10,
    maximum: 10_000,
    default: 300,
    description:
      "each command's timeout on the API's request path (limits, sessions, one-time codes)",
  }),
  REDIS_BREAKER_FAILURES: Type.Integer({
    minimum: 1,
    maximum: 1_000_000,
    default: 3,
    description:
      'consecutive failures of the request-path Redis that open the circuit breaker (every call then fails at once)',
  }),
  REDIS_BREAKER_PROBE_MS: Type.Integer({
    minimum: 50,
    maximum: 60_000,
    default: 1000,
    description: 'how often, while the breaker is open, a PING asks whether Redis answers again',
  }),
  REDIS_PREFIX: Type.String({
    pattern: '^\\{[A-Za-z0-9_.-]+\\}$',
    default: '{hotline}',
    description: 'BullMQ key prefix; the braces are a Redis Cluster hash tag (one queue, one slot)',
  }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'where the API listens' }),
  PORT: Type.Integer({
    minimum: 0,
    maximum: 65535,
    default: 3000,
    description: "the API's port (0: any free port)",
  }),
  WORKER_HEALTH_PORT: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 65535,
      description:
        "the worker's /healthz and /readyz, on HOST; 0: off. Unset: 3001, and off under NODE_ENV=test, where many workers run side by side",
    }),
  ),
  PUBLIC_BASE_URL: Type.Optional(
    Type.String({
      pattern: '^https?://',
      description:
        'where citizens reach the service: base of tracking links. Unset: `http://HOST:PORT`, and the portal links to the address it is reached on (never the Host header). https also turns on HSTS',
    }),
  ),
  TRUST_PROXY: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 2000,
      description:
        "the load balancers in front of the API whose X-Forwarded-For gives the client's address (per-IP limits, sign-in records): addresses and CIDRs (`10.0.0.0/8,fd00::/8`, preferred), or a number of hops (only when nothing but the proxies can reach the API). Unset: X-Forwarded-For is ignored",
    }),
  ),
  METRICS_TOKEN: Type.Optional(
    Type.String({
      minLength: 16,
      description:
        'bearer token /metrics asks for (`Authorization: Bearer …`). Unset: /metrics is open',
    }),
  ),
  LOG_LEVEL: Type.Union(
    [
      Type.Literal('fatal'),
      Type.Literal('error'),
      Type.Literal('warn'),
      Type.Literal('info'),
      Type.Literal('debug'),
      Type.Literal('trace'),
      Type.Literal('silent'),
    ],
    {
      default: 'info',
      description:
        'pino level (`silent` in tests); phones, names, e-mails and addresses are redacted',
    },
  ),
  LOG_PRETTY: Type.Boolean({
    default: false,
    description: 'human-readable logs (`npm start` sets `true`)',
  }),
  TZ: Type.String({
    minLength: 1,
    default: 'Asia/Ho_Chi_Minh',
    description: 'display time zone (everything is stored in UTC)',
  }),
  SESSION_SECRET: Type.String({
    minLength: 32,
    default: DEV_SESSION_SECRET,
    description: "officials' sessions, and the key of the TOTP secrets at rest",
  }),
  // Fractions are allowed, for tests.
  SESSION_IDLE_MINUTES: Type.Number({
    exclusiveMinimum: 0,
    maximum: 1440,
    default: 30,
    description: "an official's session ends after this idle time (sliding)",
  }),
  SESSION_ABSOLUTE_HOURS: Type.Number({
    exclusiveMinimum: 0,
    maximum: 168,
    default: 12,
    description: "an official's session ends after this long at the latest",
  }),
  COOKIE_SECURE: Type.Boolean({
    default: true,
    description: "the session cookie's Secure flag (false only for local http and tests)",
  }),
  // As many as batches need to form (about twice ROUTING_BATCH_SIZE, so that a second batch
  // fills while the first one commits): a routing job waits on its batch, not on a core.
  ROUTING_CONCURRENCY: Type.Integer({
    minimum: 1,
    maximum: 1000,
    default: 400,
    description: 'routing jobs each worker process runs at once',
  }),
  // A batch costs a few round trips, not a dozen per case: on 2 cores it is what lets routing
  // keep up with intake. Jobs reach a worker one fetch at a time, so a longer wait is what makes
  // batches big: measured (bench/), 50 jobs and 5 ms gave batches of about 20 cases and 1.4 ms
  // of CPU per case; 200 and 20 ms, batches of about 90 and 0.75 ms.
  ROUTING_BATCH_SIZE: Type.Integer({
    minimum: 1,
    maximum: 500,
    default: 200,
    description: 'most cases routed together in one transaction',
  }),
  ROUTING_BATCH_WAIT_MS: Type.Integer({
    minimum: 0,
    maximum: 1000,
    default: 20,
    description: 'routing jobs arriving within this wait of each other are routed together',
  }),
  // As many as batches need to form: a timer job waits on its batch, not on a core, and a
  // second batch fills while the first one commits (about twice SLA_BATCH_SIZE).
  SLA_CONCURRENCY: Type.Integer({
    minimum: 1,
    maximum: 1000,
    default: 500,
    description: 'SLA timer jobs each worker process runs at once',
  }),
  // A storm of deadlines due in the same second is recorded in seconds instead of a
  // transaction per timer.
  SLA_BATCH_SIZE: Type.Integer({
    minimum: 1,
    maximum: 1000,
    default: 200,
    description: 'most SLA timers fired together in one transaction',
  }),
  SLA_BATCH_WAIT_MS: Type.Integer({
    minimum: 0,
    maximum: 1000,
    default: 20,
    description: 'SLA timers falling due within this wait of each other are fired together',
  }),
  SLA_SLOT_CONCURRENCY: Type.Integer({
    minimum: 1,
    maximum: 16,
    default: 2,
    description:
      "timers due more than ten seconds after they are set share one job per 100 ms slot (a storm of deadlines in the same second is one job); a slot's job fires its cases SLA_BATCH_SIZE at a time in this many transactions at once",
  }),
  NOTIFICATION_CONCURRENCY: Type.Integer({
    minimum: 1,
    maximum: 256,
    default: 8,
    description: 'notification jobs each worker process runs at once',
  }),
  JOB_LOCK_MS: Type.Integer({
    minimum: 500,
    maximum: 600_000,
    default: 30_000,
    description:
      "how long a worker holds a job before others may take it over: how soon a dead worker's jobs (killed by SIGKILL, say) go to the others",
  }),
  DIGEST_CRON: Type.String({
    minLength: 9,
    maxLength: 64,
    default: '0 7 * * 1-5',
    description:
      'when unit leaders get the digest of their overdue cases (cron, in TZ), in-app and by e-mail',
  }),
  // The queue holds only the timers due within the hour (the domain's TIMER_HORIZON_MS): a
  // pass must come, with its minute of overlap either side, before the next hour's timers are
  // due, hence at most 58 minutes.
  RECONCILE_EVERY_MS: Type.Integer({
    minimum: 1000,
    maximum: 3_480_000,
    default: 120_000,
    description:
      'how often the timers due within the next hour, and those of cases changed since the last pass, are added from Postgres (one schedule cluster-wide; at most 58 minutes, since Redis holds only the coming hour)',
  }),
  REDIS_CANARY_CHECK_MS: Type.Integer({
    minimum: 100,
    maximum: 30_000,
    default: 5000,
    description:
      'how often each worker checks that Redis still holds its canary key; when it is gone (Redis flushed or restarted empty) one worker rebuilds from Postgres at once: outbox, routing, unsent messages, MMS fetches and the timers due within the hour, then reads every open case for an older backlog',
  }),
  // The relay polls (LISTEN/NOTIFY would serialise intake commits: measured, it halved intake).
  OUTBOX_POLL_MS: Type.Integer({
    minimum: 10,
    maximum: 60_000,
    default: 100,
    description: "how often the worker's outbox relay looks for new work",
  }),
  ATTACHMENTS_DIR: Type.String({
    minLength: 1,
    default: '.data/attachments',
    description:
      "where citizens' files are kept (a folder per case); a relative path is from the folder the process starts in",
  }),
  ATTACHMENT_MAX_BYTES: Type.Integer({
    minimum: 1024,
    maximum: 100 * 1024 * 1024,
    default: 10 * 1024 * 1024,
    description: 'largest attachment, in bytes',
  }),
  ATTACHMENTS_PER_CASE: Type.Integer({
    minimum: 1,
    maximum: 100,
    default: 10,
    description: 'most attachments per case',
  }),
  // Notifications (see notification-config.ts): providers, folding, retries.
  SMS_PROVIDER: Type.Union([Type.Literal('log'), Type.Literal('http')], {
    default: 'log',
    description:
      'how SMS leave: `log` (written to the log), or `http` with SMS_HTTP_URL and SMS_HTTP_TOKEN (POST `{to,text}`)',
  }),
  SMS_HTTP_URL: Type.Optional(
    Type.String({
      pattern: '^https?://',
      description: 'the SMS gateway URL (required with SMS_PROVIDER=http)',
    }),
  ),
  SMS_HTTP_TOKEN: Type.Optional(
    Type.String({
      minLength: 1,
      description: "the SMS gateway's bearer token (required with SMS_PROVIDER=http)",
    }),
  ),
  SMS_FOLD_ASCII: Type.Boolean({
    default: true,
    description: 'send Vietnamese SMS without diacritics, to fit GSM-7 segments',
  }),
  EMAIL_PROVIDER: Type.Union([Type.Literal('log'), Type.Literal('smtp')], {
    default: 'log',
    description: 'how e-mail leaves: `log`, or `smtp` with SMTP_URL',
  }),
  SMTP_URL: Type.Optional(
    Type.String({
      pattern: '^smtps?://',
      description: 'the SMTP server (required with EMAIL_PROVIDER=smtp)',
    }),
  ),
  EMAIL_FROM: Type.String({
    minLength: 3,
    default: 'Hotline <no-reply@hotline.local>',
    description: 'the sender of e-mail',
  }),
  NOTIFICATION_ATTEMPTS: Type.Integer({
    minimum: 1,
    maximum: 25,
    default: 5,
    description: 'tries per message; then it becomes a dead letter',
  }),
  NOTIFICATION_BACKOFF_MS: Type.Integer({
    minimum: 10,
    maximum: 3_600_000,
    default: 2000,
    description: 'the first backoff between tries of a message (doubling each time)',
  }),
  // Inbound SMS (webhooks/sms): see sms-config.ts.
  TWILIO_AUTH_TOKEN: Type.String({
    minLength: 8,
    default: DEV_TWILIO_AUTH_TOKEN,
    description:
      'key of X-Twilio-Signature (HMAC-SHA1, with PUBLIC_BASE_URL) on /webhooks/sms/twilio',
  }),
  TWILIO_ACCOUNT_SID: Type.Optional(
    Type.String({
      pattern: '^AC[0-9a-fA-F]{32}$',
      description:
        "with the auth token, the HTTP Basic credentials the worker fetches MMS media with (Twilio's media URLs require them). Unset: media are fetched without credentials",
    }),
  ),
  MEDIA_FETCH_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 300_000,
    default: 30_000,
    description: 'how long the worker waits for one MMS media download before trying again later',
  }),
  SMS_WEBHOOK_SECRETS: Type.String({
    minLength: 3,
    default: DEV_SMS_WEBHOOK_SECRETS,
    description:
      '`provider:secret,…` for /webhooks/sms/{provider} (X-Signature: HMAC-SHA256 of `<timestamp>.<raw body>`)',
  }),
  SMS_JOIN_WINDOW_MS: Type.Integer({
    minimum: 0,
    maximum: 86_400_000,
    default: 120_000,
    description: 'SMS from one phone to one hotline within this window join one (untouched) case',
  }),
  SMS_REPLY_MODE: Type.Union([Type.Literal('twiml'), Type.Literal('outbound')], {
    default: 'twiml',
    description:
      "`twiml`: answer SMS in the webhook's reply; `outbound`: empty TwiML, receipts sent as SMS",
  }),
  // Abuse limits on public endpoints (per client IP; counters in Redis under REDIS_PREFIX).
  RATE_LIMIT_PER_MINUTE: Type.Integer({
    minimum: 0,
    maximum: 1_000_000,
    default: 120,
    description:
      'writes (submissions, follow-up actions) per IP per window on public endpoints; 0 turns per-IP limits off. An IPv6 client counts by its /64, an IPv4-mapped one as IPv4',
  }),
  RATE_LIMIT_READS_PER_MINUTE: Type.Integer({
    minimum: 0,
    maximum: 1_000_000,
    default: 600,
    description: 'reads (tracking, publication) per IP per window: pages poll, so more generous',
  }),
  RATE_LIMIT_WINDOW_MS: Type.Integer({
    minimum: 100,
    maximum: 86_400_000,
    default: 60_000,
    description: 'the per-IP window (one minute unless shortened, e.g. in tests)',
  }),
  PHONE_CASE_LIMIT: Type.Integer({
    minimum: 0,
    maximum: 10_000,
    default: 10,
    description:
      'new cases filed from the web or Open311 with one phone number per window, whatever the address they come from; 0: no limit (SMS floods join one case anyway)',
  }),
  PHONE_CASE_WINDOW_MS: Type.Integer({
    minimum: 100,
    maximum: 86_400_000,
    default: 3_600_000,
    description: "PHONE_CASE_LIMIT's window",
  }),
  OTP_SEND_LIMIT: Type.Integer({
    minimum: 1,
    maximum: 100,
    default: 3,
    description: 'one-time codes sent per case (hence per phone) per window',
  }),
  OTP_SEND_WINDOW_MS: Type.Integer({
    minimum: 100,
    maximum: 86_400_000,
    default: 600_000,
    description: "OTP_SEND_LIMIT's window",
  }),
});

export type Env = Static<typeof EnvSchema>;
