import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CaseProofHeaders,
  ErrorResponse,
  FollowUpResult,
  RateCaseBody,
  ReopenCaseBody,
  TrackingCodeParams,
  WithdrawCaseBody,
} from '@hotline/contracts';
import type { LinkBase } from '../../plugins/link-base.js';
import {
  rateCase,
  reopenCase,
  withdrawCase,
  type CaseProof,
  type FollowUpDeps,
} from '@hotline/core';

const proofOf = (headers: CaseProofHeaders): CaseProof => ({
  token: headers['x-case-token'],
  otp: headers['x-case-otp'],
});

const schemaFor = <B>(summary: string, body: B) => ({
  summary,
  tags: ['follow-up'],
  params: TrackingCodeParams,
  headers: CaseProofHeaders,
  body,
  response: {
    200: FollowUpResult,
    400: ErrorResponse,
    403: ErrorResponse,
    404: ErrorResponse,
    409: ErrorResponse,
    429: ErrorResponse,
  },
});

/**
 * The citizen's own actions on a case, each with proof of ownership (X-Case-Token or
 * X-Case-Otp): without it 403; what the case's state forbids is 409 with the reason.
 */
export const caseActionsRoute =
  (
    deps: Omit<FollowUpDeps, 'publicBaseUrl'> & { bodyLimit: number; linkBase: LinkBase },
  ): FastifyPluginAsyncTypebox =>
  async (app) => {
    const opts = { bodyLimit: deps.bodyLimit };
    app.post(
      '/v1/cases/:trackingCode/rating',
      {
        ...opts,
        schema: schemaFor('Rate the handling of a resolved case (đánh giá)', RateCaseBody),
      },
      async (request) =>
        rateCase(
          { ...deps, publicBaseUrl: deps.linkBase(request) },
          request.params.trackingCode,
          proofOf(request.headers),
          {
            rating: request.body.rating as 1 | 2 | 3 | 4 | 5,
            comment: request.body.comment,
          },
          new Date(),
        ),
    );
    app.post(
      '/v1/cases/:trackingCode/reopen',
      { ...opts, schema: schemaFor('Reopen within 7 days of resolution (mở lại)', ReopenCaseBody) },
      async (request) =>
        reopenCase(
          { ...deps, publicBaseUrl: deps.linkBase(request) },
          request.params.trackingCode,
          proofOf(request.headers),
          request.body.reason,
          new Date(),
        ),
    );
    app.post(
      '/v1/cases/:trackingCode/withdraw',
      { ...opts, schema: schemaFor('Withdraw before assignment (rút phản ánh)', WithdrawCaseBody) },
      async (request) =>
        withdrawCase(
          { ...deps, publicBaseUrl: deps.linkBase(request) },
          request.params.trackingCode,
          proofOf(request.headers),
          request.body.reason,
          new Date(),
        ),
    );
  };
