import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorResponse,
  IssuedToken,
  IssueTokenBody,
  OfficialParams,
  OfficialTokenList,
  OfficialTokenParams,
} from '@hotline/contracts';
import { issueOfficialToken, listTokensOf, revokeTokenOf } from '@hotline/core';
import type { Database } from '@hotline/db';
import { adminActorOf, adminIssuerOf } from '../../plugins/admin-guard.js';

/** Administrators issue, list and revoke officials' API tokens. */
export const adminOfficialTokenRoutes =
  (deps: { db: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const tags = ['admin'];
    app.post(
      '/v1/admin/officials/:officialId/tokens',
      {
        schema: {
          summary:
            'Issue an API token for an official (shown once); `admin` scope: only for an administrator, by a signed-in one',
          tags,
          params: OfficialParams,
          body: IssueTokenBody,
          response: {
            201: IssuedToken,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await issueOfficialToken(
              deps,
              request.params.officialId,
              request.body,
              new Date(),
              adminIssuerOf(request),
            ),
          ),
    );
    app.get(
      '/v1/admin/officials/:officialId/tokens',
      {
        schema: {
          summary: 'An official’s API tokens (without the secrets)',
          tags,
          params: OfficialParams,
          response: { 200: OfficialTokenList, 404: ErrorResponse },
        },
      },
      async (request) => listTokensOf(deps, request.params.officialId),
    );
    app.delete(
      '/v1/admin/officials/:officialId/tokens/:tokenId',
      {
        schema: {
          summary: 'Revoke an API token at once',
          tags,
          params: OfficialTokenParams,
          response: { 204: { type: 'null' }, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { officialId, tokenId } = request.params;
        await revokeTokenOf(deps, officialId, tokenId, new Date(), adminActorOf(request));
        return reply.status(204).send(null);
      },
    );
  };
