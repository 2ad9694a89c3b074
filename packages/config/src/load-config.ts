import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import Value from 'typebox/value';
import { EnvSchema, type Env } from './env.schema.js';
import { notificationConfig, type NotificationConfig } from './notification-config.js';
import { developmentValueIn } from './production-refusals.js';
import { smsConfig, type SmsConfig } from './sms-config.js';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

/** Raised at boot when an environment variable is invalid; the message names it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`Invalid environment variable ${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

/** The parsed configuration every process receives; nothing else reads process.env. */
export interface AppConfig {
  nodeEnv: Env['NODE_ENV'];
  databaseUrl: string;
  /**
   * Connections per pool, per process: DATABASE_POOL_SIZE, else for the API twice the CPU
   * cores (its statements are short, and fewer Postgres processes competing with it for the
   * cores served a third more case pages at a lower p95: bench:officials), for the worker 10
   * (its transactions wait on locks and Redis, so more of them run at once).
   */
  databasePoolSize: { api: number; worker: number };
  redisUrl: string;
  redisPrefix: string;
  /**
   * The API's request-path Redis: command timeout, failures that open its circuit breaker,
   * and the interval of the breaker's probe while open.
   */
  redisRequest: { commandTimeoutMs: number; failures: number; probeEveryMs: number };
  host: string;
  port: number;
  /** Where the worker answers /healthz and /readyz; 0: nowhere. */
  workerHealthPort: number;
  /** Base of links to the portal: PUBLIC_BASE_URL, else a guess from HOST and PORT. */
  publicBaseUrl: string;
  /**
   * Whether PUBLIC_BASE_URL was given. When not, `publicBaseUrl` is only a guess (wrong with
   * PORT=0 or behind a proxy): a process that listens should link to where it really listens.
   */
  hasPublicBaseUrl: boolean;
  /** Proxies whose X-Forwarded-For is believed (Fastify's `trustProxy`): TRUST_PROXY. */
  trustProxy: TrustProxy;
  /** Bearer token of /metrics (METRICS_TOKEN); undefined leaves it open (never in production). */
  metricsToken: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  logPretty: boolean;
  displayTimeZone: string;
  sessionSecret: string;
  /** Officials' sessions: idle (sliding) and absolute timeouts, cookie Secure flag. */
  session: { idleMs: number; absoluteMs: number; cookieSecure: boolean };
  outboxPollMs: number;
  attachments: { dir: string; maxBytes: number; maxPerCase: number };
  concurrency: { routing: number; sla: number; notifications: number };
  routingBatch: { size: number; waitMs: number };
  /** SLA timers fired together in one transaction: at most `size`, arriving within `waitMs`. */
  slaBatch: { size: number; waitMs: number; slotConcurrency: number };
  reconcileEveryMs: number;
  redisCanaryCheckMs: number;
  jobLockMs: number;
  digestCron: string;
  notifications: NotificationConfig;
  sms: SmsConfig;
  /** Abuse limits on public endpoints; a max of 0 turns that limit off. */
  rateLimit: {
    writesPerWindow: number;
    readsPerWindow: number;
    windowMs: number;
    otpSends: number;
    otpWindowMs: number;
    phoneCases: number;
    phoneCaseWindowMs: number;
  };
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Parses the environment once, with defaults; throws ConfigError naming the first bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(EnvSchema.properties);
  const raw: Record<string, unknown> = {};
  for (const key of known) {
    const value = source[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const env: unknown = Value.Convert(EnvSchema, Value.Default(EnvSchema, raw));
  const [first] = Value.Errors(EnvSchema, env);
  if (first) {
    const variable = first.instancePath.replace(/^\//, '') || 'environment';
    throw new ConfigError(variable, `${first.message} (got ${JSON.stringify(raw[variable])})`);
  }
  const e = env as Env;
  if (!isValidTimeZone(e.TZ)) throw new ConfigError('TZ', `unknown time zone "${e.TZ}"`);
  const refused = developmentValueIn(e);
  if (refused) {
    throw new ConfigError(
      refused.variable,
      `holds a development value, refused in production: ${refused.instead}`,
    );
  }
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (trustProxy === null) {
    throw new ConfigError(
      'TRUST_PROXY',
      `expected a number of hops or a comma list of addresses and CIDRs (got ${JSON.stringify(e.TRUST_PROXY)})`,
    );
  }
  return {
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: {
      api: e.DATABASE_POOL_SIZE ?? 2 * availableParallelism(),
      worker: e.DATABASE_POOL_SIZE ?? 10,
    },
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    redisRequest: {
      commandTimeoutMs: e.REDIS_REQUEST_TIMEOUT_MS,
      failures: e.REDIS_BREAKER_FAILURES,
      probeEveryMs: e.REDIS_BREAKER_PROBE_MS,
    },
    host: e.HOST,
    port: e.PORT,
    workerHealthPort: e.WORKER_HEALTH_PORT ?? (e.NODE_ENV === 'test' ? 0 : 3001),
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    hasPublicBaseUrl: e.PUBLIC_BASE_URL !== undefined,
    trustProxy,
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY,
    displayTimeZone: e.TZ,
    sessionSecret: e.SESSION_SECRET,
    session: {
      idleMs: Math.round(e.SESSION_IDLE_MINUTES * 60_000),
      absoluteMs: Math.round(e.SESSION_ABSOLUTE_HOURS * 3_600_000),
      cookieSecure: e.COOKIE_SECURE,
    },
    outboxPollMs: e.OUTBOX_POLL_MS,
    attachments: {
      dir: resolve(e.ATTACHMENTS_DIR),
      maxBytes: e.ATTACHMENT_MAX_BYTES,
      maxPerCase: e.ATTACHMENTS_PER_CASE,
    },
    concurrency: {
      routing: e.ROUTING_CONCURRENCY,
      sla: e.SLA_CONCURRENCY,
      notifications: e.NOTIFICATION_CONCURRENCY,
    },
    routingBatch: { size: e.ROUTING_BATCH_SIZE, waitMs: e.ROUTING_BATCH_WAIT_MS },
    slaBatch: {
      size: e.SLA_BATCH_SIZE,
      waitMs: e.SLA_BATCH_WAIT_MS,
      slotConcurrency: e.SLA_SLOT_CONCURRENCY,
    },
    reconcileEveryMs: e.RECONCILE_EVERY_MS,
    redisCanaryCheckMs: e.REDIS_CANARY_CHECK_MS,
    jobLockMs: e.JOB_LOCK_MS,
    digestCron: e.DIGEST_CRON,
    notifications: notificationConfig(e, (v, reason) => new ConfigError(v, reason)),
    sms: smsConfig(e, (v, reason) => new ConfigError(v, reason)),
    rateLimit: {
      writesPerWindow: e.RATE_LIMIT_PER_MINUTE,
      readsPerWindow: e.RATE_LIMIT_READS_PER_MINUTE,
      windowMs: e.RATE_LIMIT_WINDOW_MS,
      otpSends: e.OTP_SEND_LIMIT,
      otpWindowMs: e.OTP_SEND_WINDOW_MS,
      phoneCases: e.PHONE_CASE_LIMIT,
      phoneCaseWindowMs: e.PHONE_CASE_WINDOW_MS,
    },
  };
}

/** The environment with some variables replaced (tests, benchmarks, tools). */
export function loadConfigWith(overrides: Record<string, string>): AppConfig {
  return loadConfig({ ...process.env, ...overrides });
}
