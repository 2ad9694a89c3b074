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
    },
  ),
  DATABASE_URL: Type.String({
    pattern: '^postgres(ql)?://',
    default: 'postgres://postgres@127.0.0.1:5432/hotline',
    description: 'PostgreSQL connection URL',
  }),
  DATABASE_POOL_SIZE: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 200,
      description: 'connections per pool (default: API 2 × CPU cores, worker 10)',
    }),
  ),
  REDIS_URL: Type.String({
    pattern: '^rediss?://',
    default: 'redis://127.0.0.1:6379',
    description: 'Redis connection URL (queues and timers only)',
  }),
  /**
   * The API's Redis on the request path (limits, sessions, one-time codes): each command's
   * timeout, the consecutive failures that open the circuit breaker (every call then fails at
   * once: limits skipped, sessions 503), and how often it asks whether Redis answers again.
   */
  REDIS_REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 10, maximum: 10_000, default: 300 }),
  REDIS_BREAKER_FAILURES: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 3 }),
  REDIS_BREAKER_PROBE_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 1000 }),
  /** BullMQ key prefix; the braces are a Redis Cluster hash tag so one queue stays on one slot. */
  REDIS_PREFIX: Type.String({ pattern: '^\\{[A-Za-z0-9_.-]+\\}$', default: '{hotline}' }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  /**
   * The worker's /healthz and /readyz (on HOST); 0 turns them off. Default 3001, and off under
   * NODE_ENV=test, where many workers run side by side.
   */
  WORKER_HEALTH_PORT: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
  /** Where citizens reach the service; required (https) in production. */
  PUBLIC_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  /**
   * Proxies in front of the API whose X-Forwarded-For is believed: a number of hops, or a
   * comma list of addresses and CIDRs. Unset: none (the socket's address is the client's).
   */
  TRUST_PROXY: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  /** Bearer token /metrics asks for; unset (development and tests only) leaves it open. */
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
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
    { default: 'info' },
  ),
  LOG_PRETTY: Type.Boolean({ default: false }),
  /** Display zone; everything is stored in UTC. */
  TZ: Type.String({ minLength: 1, default: 'Asia/Ho_Chi_Minh' }),
  /** Secret for officials' sessions and the TOTP secrets' key; refused by default in production. */
  SESSION_SECRET: Type.String({ minLength: 32, default: DEV_SESSION_SECRET }),
  /** Officials' sessions: sliding idle timeout and absolute lifetime (fractions allowed, for tests). */
  SESSION_IDLE_MINUTES: Type.Number({ exclusiveMinimum: 0, maximum: 1440, default: 30 }),
  SESSION_ABSOLUTE_HOURS: Type.Number({ exclusiveMinimum: 0, maximum: 168, default: 12 }),
  /** The session cookie's Secure flag; false only for local http and tests. */
  COOKIE_SECURE: Type.Boolean({ default: true }),
  // The relay polls (LISTEN/NOTIFY would serialise intake commits: measured, it halved intake).
  /** Jobs each worker process runs at once, per queue. */
  /**
   * As many as batches need to form (about twice ROUTING_BATCH_SIZE, so that a second batch
   * fills while the first one commits): a routing job waits on its batch, not on a core.
   */
  ROUTING_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 1000, default: 400 }),
  /**
   * Routing jobs arriving within ROUTING_BATCH_WAIT_MS of each other are routed together, up to
   * ROUTING_BATCH_SIZE cases in one transaction (a batch costs a few round trips, not a dozen
   * per case: on 2 cores it is what lets routing keep up with intake). Jobs reach a worker one
   * fetch at a time, so a longer wait is what makes batches big: measured (bench/), 50 jobs
   * and 5 ms gave batches of about 20 cases and 1.4 ms of CPU per case; 200 and 20 ms, batches
   * of 50–80 and 0.85 ms.
   */
  ROUTING_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 500, default: 200 }),
  ROUTING_BATCH_WAIT_MS: Type.Integer({ minimum: 0, maximum: 1000, default: 20 }),
  /**
   * As many as batches need to form: a timer job waits on its batch, not on a core, and a
   * second batch fills while the first one commits (about twice SLA_BATCH_SIZE).
   */
  SLA_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 1000, default: 500 }),
  /**
   * SLA timers falling due within SLA_BATCH_WAIT_MS of each other are fired together, up to
   * SLA_BATCH_SIZE in one transaction (a storm of deadlines due in the same second is recorded
   * in seconds instead of a transaction per timer).
   */
  SLA_BATCH_SIZE: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
  SLA_BATCH_WAIT_MS: Type.Integer({ minimum: 0, maximum: 1000, default: 20 }),
  /**
   * Timers due further ahead than ten seconds share a job per 100 ms slot; a slot's job fires
   * its cases SLA_BATCH_SIZE at a time in this many transactions at once.
   */
  SLA_SLOT_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 16, default: 2 }),
  NOTIFICATION_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 256, default: 8 }),
  /**
   * How long a worker holds a job before others may take it over (a worker that died, say
   * by SIGKILL, loses its jobs to the others after about this long).
   */
  JOB_LOCK_MS: Type.Integer({ minimum: 500, maximum: 600_000, default: 30_000 }),
  /** When unit leaders get the digest of their overdue cases (cron, in TZ): 07:00 on weekdays. */
  DIGEST_CRON: Type.String({ minLength: 9, maxLength: 64, default: '0 7 * * 1-5' }),
  /**
   * How often the cluster-wide reconcile adds timers from Postgres. The queue holds only the
   * timers due within the hour (the domain's TIMER_HORIZON_MS): a pass must come, with its
   * minute of overlap either side, before the next hour's timers are due, hence 58 minutes.
   */
  RECONCILE_EVERY_MS: Type.Integer({ minimum: 1000, maximum: 3_480_000, default: 120_000 }),
  /**
   * How often each worker checks that Redis still holds its canary key (a missing key means
   * Redis lost its data: the jobs are rebuilt from Postgres at once).
   */
  REDIS_CANARY_CHECK_MS: Type.Integer({ minimum: 100, maximum: 30_000, default: 5000 }),
  OUTBOX_POLL_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 100 }),
  /** Where citizens' files are kept (a folder per case); relative paths are from the start folder. */
  ATTACHMENTS_DIR: Type.String({ minLength: 1, default: '.data/attachments' }),
  /** Largest attachment, and most attachments per case. */
  ATTACHMENT_MAX_BYTES: Type.Integer({
    minimum: 1024,
    maximum: 100 * 1024 * 1024,
    default: 10 * 1024 * 1024,
  }),
  ATTACHMENTS_PER_CASE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  // Notifications (see notification-config.ts): providers, folding, retries.
  SMS_PROVIDER: Type.Union([Type.Literal('log'), Type.Literal('http')], { default: 'log' }),
  SMS_HTTP_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  SMS_HTTP_TOKEN: Type.Optional(Type.String({ minLength: 1 })),
  SMS_FOLD_ASCII: Type.Boolean({ default: true }),
  EMAIL_PROVIDER: Type.Union([Type.Literal('log'), Type.Literal('smtp')], { default: 'log' }),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  EMAIL_FROM: Type.String({ minLength: 3, default: 'Hotline <no-reply@hotline.local>' }),
  NOTIFICATION_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 25, default: 5 }),
  NOTIFICATION_BACKOFF_MS: Type.Integer({ minimum: 10, maximum: 3_600_000, default: 2000 }),
  // Inbound SMS (webhooks/sms): see sms-config.ts.
  /** Twilio's auth token: the key of X-Twilio-Signature (HMAC-SHA1). */
  TWILIO_AUTH_TOKEN: Type.String({ minLength: 8, default: DEV_TWILIO_AUTH_TOKEN }),
  /**
   * Twilio's account SID: with the auth token, the HTTP Basic credentials the worker fetches MMS
   * media with (Twilio's media URLs require them). Unset: media are fetched without credentials.
   */
  TWILIO_ACCOUNT_SID: Type.Optional(Type.String({ pattern: '^AC[0-9a-fA-F]{32}$' })),
  /** How long the worker waits for one MMS media download before trying again later. */
  MEDIA_FETCH_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 300_000, default: 30_000 }),
  /** Generic SMS gateways: `provider:secret,provider2:secret2` (HMAC-SHA256 of `${ts}.${body}`). */
  SMS_WEBHOOK_SECRETS: Type.String({ minLength: 3, default: DEV_SMS_WEBHOOK_SECRETS }),
  /** SMS from one phone to one hotline within this window join the same (untouched) case. */
  SMS_JOIN_WINDOW_MS: Type.Integer({ minimum: 0, maximum: 86_400_000, default: 120_000 }),
  /** `twiml`: answer in the webhook response; `outbound`: empty TwiML, reply sent separately. */
  SMS_REPLY_MODE: Type.Union([Type.Literal('twiml'), Type.Literal('outbound')], {
    default: 'twiml',
  }),
  // Abuse limits on public endpoints (per client IP; counters in Redis under REDIS_PREFIX).
  /** Writes (submissions, follow-up actions) per IP per window; 0 turns per-IP limits off. */
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 120 }),
  /** Reads (tracking, publication) per IP per window: pages poll, so more generous. */
  RATE_LIMIT_READS_PER_MINUTE: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 600 }),
  /** The per-IP window (one minute unless shortened, e.g. in tests). */
  RATE_LIMIT_WINDOW_MS: Type.Integer({ minimum: 100, maximum: 86_400_000, default: 60_000 }),
  /**
   * New cases filed from the web or Open311 with one phone number per PHONE_CASE_WINDOW_MS,
   * whatever the address they come from (0: no limit). SMS floods are joined into one case.
   */
  PHONE_CASE_LIMIT: Type.Integer({ minimum: 0, maximum: 10_000, default: 10 }),
  PHONE_CASE_WINDOW_MS: Type.Integer({ minimum: 100, maximum: 86_400_000, default: 3_600_000 }),
  /** One-time codes sent per case (hence per phone) per OTP_SEND_WINDOW_MS. */
  OTP_SEND_LIMIT: Type.Integer({ minimum: 1, maximum: 100, default: 3 }),
  OTP_SEND_WINDOW_MS: Type.Integer({ minimum: 100, maximum: 86_400_000, default: 600_000 }),
});

export type Env = Static<typeof EnvSchema>;
