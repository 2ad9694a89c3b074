import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ApiKeyIdParams,
  ApiKeyList,
  ApiKeySummary,
  ErrorResponse,
  IssueApiKeyBody,
  IssuedApiKey,
} from '@hotline/contracts';
import { issueApiKey, listApiKeys, revokeApiKey } from '@hotline/core';
import type { Database } from '@hotline/db';
import { adminActorOf, ADMIN_SECURITY } from '../../plugins/admin-guard.js';

const security = ADMIN_SECURITY;

/** Admin: keys for third-party apps (Open311 clients): issue (shown once), list, revoke. */
export const adminApiKeyRoutes =
  (deps: { db: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const tags = ['admin'];
    app.post(
      '/v1/admin/api-keys',
      {
        schema: {
          summary: 'Issue an API key; the key is in this answer only',
          tags,
          security,
          body: IssueApiKeyBody,
          response: { 201: IssuedApiKey, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await issueApiKey(
              { db: deps.db, randomBytes },
              request.body.name,
              adminActorOf(request),
            ),
          ),
    );
    app.get(
      '/v1/admin/api-keys',
      {
        schema: {
          summary: 'API keys issued, newest first (never the keys themselves)',
          tags,
          security,
          response: { 200: ApiKeyList, 401: ErrorResponse },
        },
      },
      async () => listApiKeys(deps),
    );
    const revoke = {
      schema: {
        summary: 'Revoke an API key at once',
        tags,
        security,
        params: ApiKeyIdParams,
        response: {
          200: ApiKeySummary,
          400: ErrorResponse,
          401: ErrorResponse,
          404: ErrorResponse,
        },
      },
    };
    app.post('/v1/admin/api-keys/:id/revoke', revoke, async (request) =>
      revokeApiKey(deps, request.params.id, new Date(), adminActorOf(request)),
    );
    app.delete('/v1/admin/api-keys/:id', revoke, async (request) =>
      revokeApiKey(deps, request.params.id, new Date(), adminActorOf(request)),
    );
  };
