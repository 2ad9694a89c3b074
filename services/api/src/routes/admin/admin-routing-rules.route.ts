import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorResponse,
  RoutingDryRunBody,
  RoutingDryRunResponse,
  RoutingRuleBody,
  RoutingRuleIdParams,
  RoutingRuleList,
  RoutingRuleView,
} from '@hotline/contracts';
import {
  createRoutingRule,
  deleteRoutingRule,
  dryRunRouting,
  listRoutingRules,
  replaceRoutingRule,
} from '@hotline/core';
import type { Database } from '@hotline/db';
import { adminActorOf, ADMIN_SECURITY } from '../../plugins/admin-guard.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const security = ADMIN_SECURITY;

/** Admin: ordered routing rules (first match wins) and a dry run that explains the choice. */
export const adminRoutingRuleRoutes =
  (deps: { db: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const tags = ['admin'];
    app.get(
      '/v1/admin/routing-rules',
      {
        schema: {
          summary: 'Routing rules in evaluation order',
          tags,
          security,
          response: { 200: RoutingRuleList, 401: ErrorResponse },
        },
      },
      async () => listRoutingRules(deps),
    );
    app.post(
      '/v1/admin/routing-rules',
      {
        schema: {
          summary: 'Add a rule (last, unless a position is given)',
          tags,
          security,
          body: RoutingRuleBody,
          response: { 201: RoutingRuleView, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createRoutingRule(deps, request.body, adminActorOf(request))),
    );
    app.post(
      '/v1/admin/routing-rules/dry-run',
      {
        schema: {
          summary: 'Which rule a case like this would meet, and why; nothing is stored',
          tags,
          security,
          body: RoutingDryRunBody,
          response: { 200: RoutingDryRunResponse, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request) => dryRunRouting(deps, request.body),
    );
    app.put(
      '/v1/admin/routing-rules/:id',
      {
        schema: {
          summary: 'Replace a rule (it keeps its place unless a position is given)',
          tags,
          security,
          params: RoutingRuleIdParams,
          body: RoutingRuleBody,
          response: { 200: RoutingRuleView, ...errors },
        },
      },
      async (request) =>
        replaceRoutingRule(deps, request.params.id, request.body, adminActorOf(request)),
    );
    app.delete(
      '/v1/admin/routing-rules/:id',
      {
        schema: {
          tags,
          security,
          params: RoutingRuleIdParams,
          response: { 204: { type: 'null' }, ...errors },
        },
      },
      async (request, reply) => {
        await deleteRoutingRule(deps, request.params.id, adminActorOf(request));
        return reply.status(204).send(null);
      },
    );
  };
