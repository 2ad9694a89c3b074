import type { LinkBase } from '../../plugins/link-base.js';
import { createHash, randomBytes } from 'node:crypto';
import type {
  FastifyPluginAsyncTypebox,
  TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import {
  IdempotencyKeyHeaders,
  Open311FileParams,
  Open311RequestBody,
  Open311RequestsQuery,
} from '@hotline/contracts';
import {
  AppError,
  getOpen311Request,
  getOpen311ServiceDefinition,
  getOpen311Token,
  listOpen311Requests,
  listOpen311Services,
  pickLang,
  submitOpen311Request,
  type Open311ServiceDefinition,
} from '@hotline/core';
import type { Database, RawSql } from '@hotline/db';
import { acceptFormBodies } from '../../plugins/form-body.js';
import { idempotentOutcome } from '../../plugins/idempotency.js';
import {
  FORMATS,
  open311ErrorHandler,
  open311Responses,
  sendOpen311,
  splitFormat,
  type XmlShape,
} from './open311-format.js';

export const OPEN311_PREFIX = '/open311/v2';
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this endpoint's behaviour last changed (the discovery document's changeset). */
const CHANGESET = '2026-12-07T00:00:00Z';

const SERVICES: XmlShape = { root: 'services', item: 'service' };
const REQUESTS: XmlShape = { root: 'service_requests', item: 'request' };
const DEFINITION: XmlShape = {
  root: 'service_definition',
  toXml: (body) => {
    const d = body as Open311ServiceDefinition;
    return {
      service_code: d.service_code,
      attributes: {
        attribute: d.attributes.map((a) => ({ ...a, values: { value: a.values } })),
      },
    };
  },
};
const DISCOVERY: XmlShape = {
  root: 'discovery',
  toXml: (body) => {
    const d = body as ReturnType<typeof discovery>;
    return {
      ...d,
      endpoints: { endpoint: d.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) },
    };
  },
};

const discovery = (publicBaseUrl: string) => ({
  changeset: CHANGESET,
  contact: 'Trung tâm tiếp nhận phản ánh, kiến nghị của tỉnh',
  key_service: `${publicBaseUrl}/docs`,
  endpoints: [
    {
      specification: SPECIFICATION,
      url: `${publicBaseUrl}${OPEN311_PREFIX}`,
      changeset: CHANGESET,
      type: 'production',
      formats: ['application/json', 'text/xml'],
    },
  ],
});

const unknownFormat = () =>
  new AppError('CASE_NOT_FOUND', 'unknown resource: add .json or .xml to the path');

const tags = ['open311'];
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Open311 GeoReport v2: services, service definitions and requests, in JSON and XML. */
export const open311Routes =
  (deps: {
    db: Database;
    sql: RawSql;
    linkBase: LinkBase;
    bodyLimit: number;
  }): FastifyPluginAsyncTypebox =>
  async (outer) => {
    await outer.register(
      async (app) => {
        await acceptFormBodies(app, deps.bodyLimit);
        app.setErrorHandler(open311ErrorHandler);
        app.setNotFoundHandler((request, reply) =>
          open311ErrorHandler(
            Object.assign(new Error(`No resource ${request.url.split('?')[0]}`), {
              statusCode: 404,
              code: 'ROUTE_NOT_FOUND',
            }),
            request,
            reply,
          ),
        );
        const typed = app.withTypeProvider<TypeBoxTypeProvider>();

        for (const format of FORMATS) {
          typed.get(
            `/discovery.${format}`,
            {
              schema: {
                summary: `Open311 discovery (${format})`,
                tags,
                response: open311Responses([format]),
              },
            },
            async (request, reply) =>
              sendOpen311(reply, format, DISCOVERY, discovery(deps.linkBase(request))),
          );
          typed.get(
            `/services.${format}`,
            {
              schema: {
                summary: `Open311 services: the categories (${format})`,
                tags,
                response: open311Responses([format]),
              },
            },
            async (request, reply) => {
              // Names in the language asked (`?lang=`, else Accept-Language), Vietnamese else.
              const asked = (request.query as Record<string, unknown> | undefined)?.lang;
              const lang = pickLang(asked, request.headers['accept-language']);
              void reply.header('vary', 'Accept-Language');
              return sendOpen311(reply, format, SERVICES, await listOpen311Services(deps, lang));
            },
          );
          typed.get(
            `/requests.${format}`,
            {
              schema: {
                summary: `Open311 service requests, newest first (${format})`,
                tags,
                querystring: Open311RequestsQuery,
                response: open311Responses([format]),
              },
            },
            async (request, reply) =>
              sendOpen311(
                reply,
                format,
                REQUESTS,
                await listOpen311Requests(deps, request.query, new Date()),
              ),
          );
          typed.post(
            `/requests.${format}`,
            {
              bodyLimit: deps.bodyLimit,
              schema: {
                summary: `Open311: submit a service request (${format}, form-encoded)`,
                tags,
                description:
                  'Send an `Idempotency-Key` to retry safely: a retry gets the first answer ' +
                  'again instead of filing a second request.',
                consumes: ['application/x-www-form-urlencoded'],
                headers: IdempotencyKeyHeaders,
                body: Open311RequestBody,
                response: open311Responses([format]),
              },
            },
            async (request, reply) => {
              const query = request.query as Record<string, unknown>;
              const apiKey =
                request.body.api_key ??
                (typeof query.api_key === 'string' ? query.api_key : undefined);
              const created = await idempotentOutcome(
                request,
                reply,
                deps,
                {
                  // Stored as data, so a retry may ask for either format.
                  scope: 'POST /open311/v2/requests',
                  principal: apiKey === undefined ? null : sha256(apiKey),
                  payload: request.body,
                },
                async (sql) => ({
                  statusCode: 200,
                  body: await submitOpen311Request(
                    { db: deps.db, sql, randomBytes },
                    request.body,
                    apiKey,
                    new Date(),
                  ),
                }),
              );
              if (!created.isReplayed) request.log.info({ channel: 'open311' }, 'case received');
              return sendOpen311(reply, format, REQUESTS, created.body);
            },
          );
        }

        const byFile = (
          path: string,
          summary: string,
          handle: (id: string) => Promise<unknown>,
          shape: XmlShape,
        ) =>
          typed.get(
            path,
            {
              schema: {
                summary,
                tags,
                params: Open311FileParams,
                response: open311Responses(FORMATS),
              },
            },
            async (request, reply) => {
              const file = splitFormat(request.params.file);
              if (!file) throw unknownFormat();
              return sendOpen311(reply, file.format, shape, await handle(file.id));
            },
          );
        byFile(
          '/services/:file',
          'Open311 service definition (…/{service_code}.json|.xml)',
          (code) => getOpen311ServiceDefinition(deps, code),
          DEFINITION,
        );
        byFile(
          '/requests/:file',
          'Open311 one service request (…/{service_request_id}.json|.xml)',
          (id) => getOpen311Request(deps, id),
          REQUESTS,
        );
        byFile(
          '/tokens/:file',
          'Open311 request id for a token (…/{token_id}.json|.xml)',
          (token) => getOpen311Token(deps, token),
          REQUESTS,
        );
      },
      { prefix: OPEN311_PREFIX },
    );
  };
