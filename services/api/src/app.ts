import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import type { Redis } from 'ioredis';
import { registerAjvFormats, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppConfig, Logger } from '@hotline/config';
import type { CredentialCache, Database, RawSql } from '@hotline/db';
import { guardRedis, type RedisBreaker } from '@hotline/queue';
import { frameworkErrors, registerErrorHandler } from './plugins/error-handler.js';
import { registerOpenApi } from './plugins/openapi.js';
import { storableValidatorCompiler } from './plugins/storable-input.js';
import { createCaseRoute } from './routes/cases/create-case.route.js';
import { getCaseRoute } from './routes/cases/get-case.route.js';
import { listCategoriesRoute } from './routes/categories/list-categories.route.js';
import { healthRoutes } from './routes/health/health.route.js';
import { publicCalendarRoutes } from './routes/calendars/public-calendars.route.js';
import { adminCalendarRoutes } from './routes/admin/admin-calendars.route.js';
import { adminSlaPolicyRoutes } from './routes/admin/admin-sla-policies.route.js';
import { adminRoutingRuleRoutes } from './routes/admin/admin-routing-rules.route.js';
import { adminNotificationRoutes } from './routes/admin/admin-notifications.route.js';
import { adminGuard } from './plugins/admin-guard.js';
import { redisSignInAttempts } from './plugins/sign-in-attempts.js';
import { knownDevices } from './plugins/known-device.js';
import { registerCredentialLimit } from './plugins/credential-limit.js';
import { openQueues } from './plugins/queues.js';
import { registerQueueDashboard } from './routes/admin/queue-dashboard.js';
import { metricsRoute } from './routes/health/metrics.route.js';
import { adminBlockedPhoneRoutes } from './routes/admin/admin-blocked-phones.route.js';
import { twilioSmsRoute } from './routes/webhooks/twilio-sms.route.js';
import { genericSmsRoute } from './routes/webhooks/generic-sms.route.js';
import { registerRateLimit } from './plugins/rate-limit.js';
import { trustProxyOption } from './plugins/client-key.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { requestOtpRoute } from './routes/follow-up/request-otp.route.js';
import { caseActionsRoute } from './routes/follow-up/case-actions.route.js';
import { provideInformationRoute } from './routes/follow-up/provide-information.route.js';
import { redisOtpStore } from './routes/follow-up/redis-otp-store.js';
import { linkBaseOf, registerWeb } from '@hotline/web';
import { publishedCasesRoute } from './routes/cases/published-cases.route.js';
import { adminApiKeyRoutes } from './routes/admin/admin-api-keys.route.js';
import { open311Routes } from './routes/open311/open311.route.js';
import { callRoutes } from './routes/calls/calls.route.js';
import { oversightRoutes } from './routes/oversight/oversight.route.js';
import { reportRoutes } from './routes/reports/reports.route.js';
import { caseActionRoutes } from './routes/case-actions/case-actions.route.js';
import { officialAttachmentsRoute } from './routes/case-actions/official-attachments.route.js';
import { caseBatchRoutes } from './routes/case-actions/case-batches.route.js';
import { replyTemplateRoutes } from './routes/reply-templates/reply-templates.route.js';
import { caseDetailRoute } from './routes/case-detail/get-case-detail.route.js';
import { moderationRoutes } from './routes/moderation/moderation.route.js';
import { queueRoutes } from './routes/queues/list-queue.route.js';
import { consoleRoutes } from './routes/console/console.routes.js';
import { uploadAttachmentsRoute } from './routes/attachments/upload-attachments.route.js';
import { adminOfficialTokenRoutes } from './routes/admin/admin-official-tokens.route.js';
import fastifyCookie from '@fastify/cookie';
import { totpKeyFrom } from '@hotline/core';
import { officialSessions, redisSessionStore } from './plugins/official-session.js';
import { authRoutes } from './routes/auth/auth.route.js';
import { totpRoutes } from './routes/auth/totp.route.js';
import { adminSessionRoutes } from './routes/auth/admin-sessions.route.js';
import { adminUnitRoutes } from './routes/admin/admin-units.route.js';
import { adminOfficialRoutes } from './routes/admin/admin-officials.route.js';
import { adminHotlineRoutes } from './routes/admin/admin-hotlines.route.js';
import { adminCategoryRoutes } from './routes/admin/admin-categories.route.js';
import { oversightChartRoutes } from './routes/oversight/oversight-charts.route.js';
import { adminUnitMergePreviewRoute } from './routes/admin/admin-unit-merge-preview.route.js';
import { adminAuditRoutes } from './routes/admin/admin-audit.route.js';

export interface AppDeps {
  config: AppConfig;
  db: Database;
  /** Prepared-statement client for the intake hot path. */
  sql: RawSql;
  /**
   * A fail-fast connection for the request path: limits, sessions, one-time codes, readiness
   * and the queues' read handles. buildApp puts a short timeout and a circuit breaker on it.
   */
  redis: Redis;
  logger: Logger;
  /**
   * Officials and tokens kept in memory until Postgres announces a change (server.ts opens
   * it; without it every request reads its credential from the database).
   */
  credentials?: CredentialCache;
}

/** Where credentials and scopes change: officials, tokens, units, hotlines, passwords. */
const CREDENTIAL_WRITES = /^\/v1\/(admin\/|auth\/password)/;

/** A case is text, not a file: 64 KiB is far above any legitimate body. */
export const BODY_LIMIT = 64 * 1024;
/** A follow-up carries a few lines of text at most. */
const FOLLOW_UP_BODY_LIMIT = 16 * 1024;

registerAjvFormats();

declare module 'fastify' {
  interface FastifyInstance {
    /** The request-path Redis connection's circuit breaker (readiness, tests). */
    redisBreaker: RedisBreaker;
  }
}

/** Builds the HTTP app without listening, so tests can use it in-process. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger = deps.logger;
  const app = Fastify({
    loggerInstance,
    bodyLimit: BODY_LIMIT,
    // Fastify's two lines per request are replaced by the one below.
    logController: new LogController({ disableRequestLogging: true }),
    requestTimeout: 15_000,
    return503OnClosing: true,
    // request.ip is the socket's address unless TRUST_PROXY names the proxies in front of us:
    // believing X-Forwarded-For from anyone would let a client pick its own address.
    trustProxy: trustProxyOption(deps.config.trustProxy),
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(storableValidatorCompiler);

  // One line per request, after the reply; the URL holds no personal data.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  registerErrorHandler(app, BODY_LIMIT);
  // Every Redis call below goes through this breaker: when Redis stops answering, a request
  // waits for it at most a few commands' timeout per outage, not each time.
  const redisBreaker = guardRedis(deps.redis, deps.config.redisRequest, {
    onOpen: (reason) =>
      deps.logger.warn(
        { reason },
        'Redis not answering: rate limits skipped, sessions and one-time codes refused (503) until it answers',
      ),
    onClose: (openMs) => deps.logger.info({ openMs }, 'Redis answering again'),
  });
  app.decorate('redisBreaker', redisBreaker);
  await registerSecurityHeaders(app, { publicBaseUrl: deps.config.publicBaseUrl });
  await registerOpenApi(app, deps.config.publicBaseUrl);
  const { db } = deps;
  const linkBase = (request: FastifyRequest) => linkBaseOf(request, deps.config);
  // Officials' sessions: one Redis store and one cookie resolver for the app.
  // `sessions` is what officialGuard({ db, sessions }) takes: cookie + CSRF, or a bearer token.
  await app.register(fastifyCookie);
  // Before any route: refused credentials are counted per source on every route.
  registerCredentialLimit(app, { redis: deps.redis, prefix: deps.config.redisPrefix });
  const web = officialSessions({
    db,
    store: redisSessionStore(deps.redis, deps.config.redisPrefix, deps.config.session),
    cookieSecure: deps.config.session.cookieSecure,
    absoluteMs: deps.config.session.absoluteMs,
    ...(deps.credentials ? { credentials: deps.credentials } : {}),
  });
  const { credentials } = deps;
  if (credentials) {
    // Other processes forget on Postgres's notification; this one forgets before replying, so
    // whoever made the change (a token revoked, an official deactivated) sees it at once.
    app.addHook('onSend', async (request, reply) => {
      if (
        request.method !== 'GET' &&
        reply.statusCode < 400 &&
        CREDENTIAL_WRITES.test(request.url)
      ) {
        credentials.clear();
      }
    });
  }
  const sessions = web.resolver;
  const authDeps = {
    db,
    sessions: web.store,
    web,
    attempts: redisSignInAttempts(deps.redis, deps.config.redisPrefix),
    devices: knownDevices(deps.config.sessionSecret, deps.config.session.cookieSecure),
    totpKey: totpKeyFrom(deps.config.sessionSecret),
  };
  await app.register(healthRoutes({ db, redis: deps.redis, redisBreaker }));
  const queues = openQueues(deps.redis, deps.config.redisPrefix);
  app.addHook('onClose', async () => {
    await Promise.all([...queues.values()].map((q) => q.close()));
  });
  await app.register(
    metricsRoute({ queues, breaker: redisBreaker, token: deps.config.metricsToken }),
  );
  await registerQueueDashboard(app, [...queues.values()], {
    db,
    web,
    ...(credentials ? { credentials } : {}),
  });
  // Every route from here on is rate-limited per IP (probes, metrics and the dashboard are not).
  await registerRateLimit(app, {
    redis: deps.redis,
    prefix: deps.config.redisPrefix,
    limits: deps.config.rateLimit,
  });
  await app.register(listCategoriesRoute({ db }));
  await app.register(
    createCaseRoute({
      sql: deps.sql,
      linkBase,
      bodyLimit: BODY_LIMIT,
      limits: deps.config.rateLimit,
    }),
  );
  await app.register(getCaseRoute({ db }));
  // Citizen follow-up: proof of ownership, then the citizen's own actions.
  const otp = redisOtpStore(deps.redis, deps.config.redisPrefix);
  const limits = deps.config.rateLimit;
  await app.register(requestOtpRoute({ db, otp, bodyLimit: FOLLOW_UP_BODY_LIMIT, limits }));
  await app.register(
    caseActionsRoute({
      db,
      otp,
      bodyLimit: FOLLOW_UP_BODY_LIMIT,
      linkBase,
      timeZone: deps.config.displayTimeZone,
    }),
  );
  await app.register(
    provideInformationRoute({
      db,
      otp,
      bodyLimit: FOLLOW_UP_BODY_LIMIT,
      linkBase,
      timeZone: deps.config.displayTimeZone,
      dir: deps.config.attachments.dir,
      limits: deps.config.attachments,
    }),
  );
  await app.register(
    uploadAttachmentsRoute({
      db,
      otp,
      dir: deps.config.attachments.dir,
      limits: deps.config.attachments,
    }),
  );
  await app.register(publishedCasesRoute({ db }));
  await app.register(publicCalendarRoutes({ db }));
  await app.register(async (admin) => {
    admin.addHook('preHandler', adminGuard(sessions));
    await admin.register(adminCalendarRoutes({ db }));
    await admin.register(adminSlaPolicyRoutes({ db }));
    await admin.register(adminRoutingRuleRoutes({ db }));
    await admin.register(adminNotificationRoutes({ db }));
    await admin.register(adminOfficialTokenRoutes({ db }));
    await admin.register(adminBlockedPhoneRoutes({ db }));
    await admin.register(adminApiKeyRoutes({ db }));
    await admin.register(adminAuditRoutes({ db }));
  });
  await app.register(authRoutes(authDeps));
  await app.register(totpRoutes(authDeps));
  await app.register(adminSessionRoutes(authDeps));
  // Organisation admin: a signed-in administrator or an admin-scoped token, who is audited.
  const orgDeps = { db, web };
  await app.register(adminUnitRoutes(orgDeps));
  await app.register(adminOfficialRoutes(orgDeps));
  await app.register(adminHotlineRoutes(orgDeps));
  await app.register(adminCategoryRoutes(orgDeps));
  await app.register(adminUnitMergePreviewRoute(orgDeps));
  await app.register(callRoutes({ db, sql: deps.sql, linkBase, sessions }));
  const reportDeps = { db, timeZone: deps.config.displayTimeZone, sessions };
  await app.register(oversightRoutes(reportDeps));
  await app.register(reportRoutes(reportDeps));
  await app.register(oversightChartRoutes(reportDeps));
  // Officials' case actions and case page.
  await app.register(
    caseActionRoutes({
      db,
      sessions,
      linkBase,
      timeZone: deps.config.displayTimeZone,
    }),
  );
  await app.register(
    officialAttachmentsRoute({
      db,
      sessions,
      dir: deps.config.attachments.dir,
      limits: deps.config.attachments,
    }),
  );
  await app.register(
    caseBatchRoutes({ db, sessions, linkBase, timeZone: deps.config.displayTimeZone }),
  );
  await app.register(replyTemplateRoutes({ db, sessions, timeZone: deps.config.displayTimeZone }));
  await app.register(caseDetailRoute({ db, sessions }));
  await app.register(moderationRoutes({ db, sessions }));
  await app.register(queueRoutes({ db, sessions }));
  await app.register(consoleRoutes({ db, sessions, attachmentsDir: deps.config.attachments.dir }));
  const smsDeps = {
    db,
    sql: deps.sql,
    sms: deps.config.sms,
    publicBaseUrl: deps.config.publicBaseUrl,
    foldAscii: deps.config.notifications.smsFoldAscii,
    bodyLimit: BODY_LIMIT,
  };
  await app.register(twilioSmsRoute(smsDeps));
  await app.register(genericSmsRoute(smsDeps));
  await app.register(
    open311Routes({
      db,
      sql: deps.sql,
      linkBase,
      bodyLimit: BODY_LIMIT,
    }),
  );
  // The browser UI on the same origin: citizen pages and the officials' console.
  await registerWeb(app, { db, sql: deps.sql, config: deps.config, logger: deps.logger, otp });
  return app;
}
