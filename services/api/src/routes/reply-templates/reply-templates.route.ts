import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CaseRefParams,
  CaseTemplateList,
  CaseTemplatesQuery,
  ErrorResponse,
  ReplyTemplateCreateBody,
  ReplyTemplateList,
  ReplyTemplateParams,
  ReplyTemplatePatchBody,
  ReplyTemplateView,
} from '@hotline/contracts';
import {
  createReplyTemplate,
  deleteReplyTemplate,
  listCaseReplyTemplates,
  listReplyTemplates,
  updateReplyTemplate,
} from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';

const ERRORS = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
};
const tags = ['reply-templates'];
const security: Record<string, string[]>[] = [{ session: [] }, { officialToken: [] }];

/**
 * Reply templates: managed by unit leaders (their unit) and administrators (every unit), each
 * write audited; offered filled for a case to the forms that answer it.
 */
export const replyTemplateRoutes =
  (deps: {
    db: Database;
    sessions?: OfficialResolver;
    timeZone?: string;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook('preHandler', officialGuard({ db: deps.db, sessions: deps.sessions }));
    app.get(
      '/v1/reply-templates',
      {
        schema: {
          summary: 'The reply templates you manage, and the placeholders they may use',
          tags,
          security,
          response: { 200: ReplyTemplateList, ...ERRORS },
        },
      },
      async (request) => listReplyTemplates(deps, officialOf(request)),
    );
    app.post(
      '/v1/reply-templates',
      {
        schema: {
          summary: 'Add a reply template',
          tags,
          security,
          body: ReplyTemplateCreateBody,
          response: { 201: ReplyTemplateView, ...ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createReplyTemplate(deps, officialOf(request), request.body)),
    );
    app.patch(
      '/v1/reply-templates/:templateId',
      {
        schema: {
          summary: 'Change a reply template',
          tags,
          security,
          params: ReplyTemplateParams,
          body: ReplyTemplatePatchBody,
          response: { 200: ReplyTemplateView, ...ERRORS },
        },
      },
      async (request) =>
        updateReplyTemplate(deps, officialOf(request), request.params.templateId, request.body),
    );
    app.delete(
      '/v1/reply-templates/:templateId',
      {
        schema: {
          summary: 'Remove a reply template',
          tags,
          security,
          params: ReplyTemplateParams,
          response: { 204: { type: 'null' }, ...ERRORS },
        },
      },
      async (request, reply) => {
        await deleteReplyTemplate(deps, officialOf(request), request.params.templateId);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/v1/cases/:id/reply-templates',
      {
        schema: {
          summary: 'The templates a form offers for this case, filled with its values',
          tags,
          security,
          params: CaseRefParams,
          querystring: CaseTemplatesQuery,
          response: { 200: CaseTemplateList, ...ERRORS },
        },
      },
      async (request) =>
        listCaseReplyTemplates(deps, officialOf(request), request.params.id, request.query.purpose),
    );
  };
