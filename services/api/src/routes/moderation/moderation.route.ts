import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ApprovePublicationBody,
  ErrorResponse,
  ModerationCase,
  ModerationCaseParams,
  ModerationQueue,
  ModerationQueueQuery,
  RefusePublicationBody,
} from '@hotline/contracts';
import {
  approvePublication,
  getModerationCase,
  listModerationQueue,
  pickLang,
  refusePublication,
} from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';

const tags = ['moderation'];
const security = [{ officialToken: [] }];
const ERRORS = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/**
 * Moderation of what is published (kiểm duyệt công khai), for unit leaders in their scope,
 * supervisors and administrators: the queue, one case with its original beside the redacted
 * public version, approve (optionally edited) and refuse. Each decision is a case event.
 */
export const moderationRoutes =
  (deps: { db: Database; sessions?: OfficialResolver }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook('preHandler', officialGuard({ db: deps.db, sessions: deps.sessions }));
    app.addHook('onSend', async (_request, reply) => {
      // The originals may hold personal data: never cached by a browser or proxy.
      void reply.header('cache-control', 'no-store');
    });

    app.get(
      '/v1/moderation/cases',
      {
        schema: {
          summary: 'Cases awaiting publication review (or decided), in scope',
          tags,
          security,
          querystring: ModerationQueueQuery,
          response: { 200: ModerationQueue, 400: ErrorResponse, ...ERRORS },
        },
      },
      async (request) =>
        listModerationQueue(
          deps,
          officialOf(request),
          request.query,
          pickLang(undefined, request.headers['accept-language']),
        ),
    );
    app.get(
      '/v1/moderation/cases/:id',
      {
        schema: {
          summary: 'One case: original text and answer beside the redacted public version',
          tags,
          security,
          params: ModerationCaseParams,
          response: { 200: ModerationCase, 400: ErrorResponse, ...ERRORS },
        },
      },
      async (request) => getModerationCase(deps, officialOf(request), request.params.id),
    );
    app.post(
      '/v1/moderation/cases/:id/approve',
      {
        schema: {
          summary: 'Approve for publication (the public text and answer, edited or as proposed)',
          tags,
          security,
          params: ModerationCaseParams,
          body: ApprovePublicationBody,
          response: { 200: ModerationCase, 400: ErrorResponse, 409: ErrorResponse, ...ERRORS },
        },
      },
      async (request) => {
        const decided = await approvePublication(
          { db: deps.db },
          officialOf(request),
          request.params.id,
          request.body,
          new Date(),
        );
        request.log.info({ caseId: decided.id }, 'publication approved');
        return decided;
      },
    );
    app.post(
      '/v1/moderation/cases/:id/refuse',
      {
        schema: {
          summary: 'Refuse publication, with a reason',
          tags,
          security,
          params: ModerationCaseParams,
          body: RefusePublicationBody,
          response: { 200: ModerationCase, 400: ErrorResponse, 409: ErrorResponse, ...ERRORS },
        },
      },
      async (request) => {
        const decided = await refusePublication(
          { db: deps.db },
          officialOf(request),
          request.params.id,
          request.body,
          new Date(),
        );
        request.log.info({ caseId: decided.id }, 'publication refused');
        return decided;
      },
    );
  };
