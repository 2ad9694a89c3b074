import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import {
  TypeBoxValidatorCompiler,
  registerAjvFormats,
  type TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import type { AppConfig, Logger } from '@hotline/config';
import type { Database, RawSql } from '@hotline/db';
import { registerErrorHandler } from './plugins/error-handler.js';
import { registerOpenApi } from './plugins/openapi.js';
import { createCaseRoute } from './routes/cases/create-case.route.js';
import { getCaseRoute } from './routes/cases/get-case.route.js';
import { listCategoriesRoute } from './routes/categories/list-categories.route.js';
import { healthRoutes } from './routes/health/health.route.js';
import { publicCalendarRoutes } from './routes/calendars/public-calendars.route.js';
import { adminCalendarRoutes } from './routes/admin/admin-calendars.route.js';
import { adminSlaPolicyRoutes } from './routes/admin/admin-sla-policies.route.js';
import { adminRoutingRuleRoutes } from './routes/admin/admin-routing-rules.route.js';
import { adminNotificationRoutes } from './routes/admin/admin-notifications.route.js';
import { adminTokenGuard } from './plugins/admin-token.js';
import { openQueues } from './plugins/queues.js';
import { registerQueueDashboard } from './routes/admin/queue-dashboard.js';
import { metricsRoute } from './routes/health/metrics.route.js';

export interface AppDeps {
  config: AppConfig;
  db: Database;
  /** Prepared-statement client for the intake hot path. */
  sql: RawSql;
  /** A fail-fast connection, used only to report readiness: intake never touches Redis. */
  redis: Redis;
  logger: Logger;
}

/** A case is text, not a file: 64 KiB is far above any legitimate body. */
export const BODY_LIMIT = 64 * 1024;

registerAjvFormats();

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
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);

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
  await registerOpenApi(app, deps.config.publicBaseUrl);
  const { db } = deps;
  await app.register(healthRoutes({ db, redis: deps.redis }));
  const queues = openQueues(deps.redis, deps.config.redisPrefix);
  app.addHook('onClose', async () => {
    await Promise.all([...queues.values()].map((q) => q.close()));
  });
  await app.register(metricsRoute({ queues }));
  await registerQueueDashboard(app, [...queues.values()], deps.config.adminToken);
  await app.register(listCategoriesRoute({ db }));
  await app.register(
    createCaseRoute({
      sql: deps.sql,
      publicBaseUrl: deps.config.publicBaseUrl,
      bodyLimit: BODY_LIMIT,
    }),
  );
  await app.register(getCaseRoute({ db }));
  await app.register(publicCalendarRoutes({ db }));
  await app.register(async (admin) => {
    admin.addHook('preHandler', adminTokenGuard(deps.config.adminToken));
    await admin.register(adminCalendarRoutes({ db }));
    await admin.register(adminSlaPolicyRoutes({ db }));
    await admin.register(adminRoutingRuleRoutes({ db }));
    await admin.register(adminNotificationRoutes({ db }));
    // Channels (issue 5) register their admin routes here.
  });
  // Channels (issue 5) register their public routes below.
  return app;
}
