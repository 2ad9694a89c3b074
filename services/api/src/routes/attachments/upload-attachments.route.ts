import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseProofHeaders, ErrorResponse, TrackingCodeParams } from '@hotline/contracts';
import { proveCaseOwner, type AttachmentLimits, type OtpStore } from '@hotline/core';
import type { Database } from '@hotline/db';
import {
  acceptUploads,
  requireMultipart,
  storeUploads,
  StoredAttachments,
} from '../../plugins/uploads.js';

/**
 * A citizen attaches photos or documents to their case (multipart, field `file`, up to five
 * per request), with proof of ownership. Each file is checked by its bytes and size before it is
 * kept; a refused file is a 400 naming it.
 */
export const uploadAttachmentsRoute =
  (deps: {
    db: Database;
    otp: OtpStore;
    dir: string;
    limits: AttachmentLimits;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    await acceptUploads(app, deps.limits);
    app.post(
      '/v1/cases/:trackingCode/attachments',
      {
        // The multipart limits bound the body; Fastify's JSON limit does not apply to streams.
        schema: {
          summary: 'Attach photos or documents to your case (đính kèm tệp)',
          tags: ['follow-up'],
          consumes: ['multipart/form-data'],
          params: TrackingCodeParams,
          headers: CaseProofHeaders,
          response: {
            201: StoredAttachments,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            413: ErrorResponse,
            415: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        requireMultipart(request);
        const { caseId } = await proveCaseOwner(deps, request.params.trackingCode, {
          token: request.headers['x-case-token'],
          otp: request.headers['x-case-otp'],
        });
        const stored = await storeUploads(request, deps, { caseId, source: 'web' });
        request.log.info({ caseId, files: stored.length }, 'attachments stored');
        return reply.status(201).send(stored);
      },
    );
  };
