import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorResponse,
  PolicyIdParams,
  SlaPolicyBody,
  SlaPolicyList,
  SlaPolicyView,
} from '@hotline/contracts';
import { createSlaPolicy, deleteSlaPolicy, listSlaPolicies, replaceSlaPolicy } from '@hotline/core';
import type { Database } from '@hotline/db';
import { adminActorOf, ADMIN_SECURITY } from '../../plugins/admin-guard.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const security = ADMIN_SECURITY;

/** Admin: SLA policies per case type × category × priority. */
export const adminSlaPolicyRoutes =
  (deps: { db: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const tags = ['admin'];
    app.get(
      '/v1/admin/sla-policies',
      {
        schema: {
          summary: 'Stored policies, and the built-in default of each case type none replaces',
          tags,
          security,
          response: { 200: SlaPolicyList, 401: ErrorResponse },
        },
      },
      async () => listSlaPolicies(deps),
    );
    app.post(
      '/v1/admin/sla-policies',
      {
        schema: {
          tags,
          security,
          body: SlaPolicyBody,
          response: { 201: SlaPolicyView, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createSlaPolicy(deps, request.body, adminActorOf(request))),
    );
    app.put(
      '/v1/admin/sla-policies/:id',
      {
        schema: {
          tags,
          security,
          params: PolicyIdParams,
          body: SlaPolicyBody,
          response: { 200: SlaPolicyView, ...errors },
        },
      },
      async (request) =>
        replaceSlaPolicy(deps, request.params.id, request.body, adminActorOf(request)),
    );
    app.delete(
      '/v1/admin/sla-policies/:id',
      {
        schema: {
          tags,
          security,
          params: PolicyIdParams,
          response: { 204: { type: 'null' }, ...errors },
        },
      },
      async (request, reply) => {
        await deleteSlaPolicy(deps, request.params.id, adminActorOf(request));
        return reply.status(204).send(null);
      },
    );
  };
