import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BlockPhoneBody,
  BlockedPhone,
  BlockedPhoneList,
  BlockedPhoneParams,
  ErrorResponse,
} from '@hotline/contracts';
import { blockPhone, listBlocked, unblockPhone } from '@hotline/core';
import type { Database } from '@hotline/db';
import { adminActorOf, ADMIN_SECURITY } from '../../plugins/admin-guard.js';

const security = ADMIN_SECURITY;

/** Admin: numbers whose SMS are refused (stored, never answered, no case). */
export const adminBlockedPhoneRoutes =
  (deps: { db: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const tags = ['admin'];
    app.get(
      '/v1/admin/blocked-phones',
      {
        schema: {
          summary: 'Blocked phone numbers, newest first',
          tags,
          security,
          response: { 200: BlockedPhoneList, 401: ErrorResponse },
        },
      },
      async () => ({ items: await listBlocked(deps) }),
    );
    app.post(
      '/v1/admin/blocked-phones',
      {
        schema: {
          summary: 'Block a phone number (normalised to E.164)',
          tags,
          security,
          body: BlockPhoneBody,
          response: { 201: BlockedPhone, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await blockPhone(deps, request.body, adminActorOf(request))),
    );
    app.delete(
      '/v1/admin/blocked-phones/:phone',
      {
        schema: {
          summary: 'Unblock a phone number (no error if it was not blocked)',
          tags,
          security,
          params: BlockedPhoneParams,
          response: { 204: { type: 'null' }, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request, reply) => {
        await unblockPhone(deps, request.params.phone, adminActorOf(request));
        return reply.status(204).send(null);
      },
    );
  };
