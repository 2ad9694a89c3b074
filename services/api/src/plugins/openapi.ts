import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

/** The OpenAPI document, generated from the route schemas that also validate requests. */
export async function registerOpenApi(app: FastifyInstance, publicBaseUrl: string) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hotline API',
        description:
          'Tiếp nhận và xử lý phản ánh, kiến nghị — citizens’ feedback and complaints for a province.',
        version: '0.1.0',
      },
      servers: [{ url: publicBaseUrl }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'hotline_session',
            description:
              'A signed-in official’s session (POST /v1/auth/sign-in), with x-csrf-token',
          },
          officialToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An official’s API token (hlt_…), issued by an administrator; the admin API needs the `admin` scope',
          },
        },
      },
      tags: [
        { name: 'cases', description: 'Submit and track cases' },
        { name: 'reference', description: 'Reference data' },
        { name: 'calendars', description: 'Working calendars and deadlines' },
        { name: 'calls', description: 'Hotline calls logged by operators' },
        {
          name: 'admin',
          description: 'Administration: an administrator’s session or admin-scoped token',
        },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
