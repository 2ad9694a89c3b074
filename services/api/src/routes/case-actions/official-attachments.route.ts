import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CaseRefParams, ErrorResponse } from '@hotline/contracts';
import { authorizeOfficialAttachment, type AttachmentLimits } from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';
import {
  acceptUploads,
  requireMultipart,
  storeUploads,
  StoredAttachments,
} from '../../plugins/uploads.js';

/**
 * An official attaches files to a case (multipart, field `file`, up to five): a signed record,
 * an inspection photo. Same checks as citizens' uploads; recorded with source `official`.
 */
export const officialAttachmentsRoute =
  (deps: {
    db: Database;
    sessions?: OfficialResolver;
    dir: string;
    limits: AttachmentLimits;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    await acceptUploads(app, deps.limits);
    app.addHook('preHandler', officialGuard({ db: deps.db, sessions: deps.sessions }));
    app.post(
      '/v1/cases/:id/official-attachments',
      {
        schema: {
          summary: 'Attach files to a case as an official',
          tags: ['case-actions'],
          security: [{ officialToken: [] }],
          consumes: ['multipart/form-data'],
          params: CaseRefParams,
          response: {
            201: StoredAttachments,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            413: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        requireMultipart(request);
        const who = officialOf(request);
        const caseId = await authorizeOfficialAttachment(deps, who, request.params.id);
        const stored = await storeUploads(request, deps, {
          caseId,
          source: 'official',
          officialId: who.principal.officialId,
        });
        request.log.info({ caseId, files: stored.length }, 'official attachments stored');
        return reply.status(201).send(stored);
      },
    );
  };
