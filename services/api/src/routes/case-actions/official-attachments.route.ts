import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { CaseRefParams, ErrorResponse } from '@hotline/contracts';
import {
  AppError,
  authorizeOfficialAttachment,
  storeAttachment,
  validationFailed,
  type AttachmentLimits,
  type StoredAttachment,
} from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type SessionResolver } from '../../plugins/official-token.js';

const MAX_FILES_PER_REQUEST = 5;

const StoredAttachments = Type.Array(
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    fileName: Type.String(),
    contentType: Type.String(),
    sizeBytes: Type.Integer(),
    sha256: Type.String(),
  }),
);

/**
 * An official attaches files to a case (multipart, field `file`, up to five): a signed record,
 * an inspection photo. Same checks as citizens' uploads; recorded with source `official`.
 */
export const officialAttachmentsRoute =
  (deps: {
    db: Database;
    sessions?: SessionResolver;
    dir: string;
    limits: AttachmentLimits;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(multipart, {
      limits: {
        fileSize: deps.limits.maxBytes,
        files: MAX_FILES_PER_REQUEST,
        fields: 0,
        parts: MAX_FILES_PER_REQUEST,
        headerPairs: 100,
      },
      throwFileSizeLimit: true,
    });
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
        if (!request.isMultipart()) {
          throw validationFailed([{ field: 'file', reason: 'multipart_required' }]);
        }
        const who = officialOf(request);
        const caseId = await authorizeOfficialAttachment(deps, who, request.params.id);
        const stored: StoredAttachment[] = [];
        try {
          for await (const part of request.files()) {
            if (part.fieldname !== 'file') {
              throw validationFailed([{ field: part.fieldname, reason: 'unexpected_field' }]);
            }
            stored.push(
              await storeAttachment(
                { db: deps.db, dir: deps.dir, limits: deps.limits },
                {
                  caseId,
                  fileName: part.filename,
                  bytes: await part.toBuffer(),
                  source: 'official',
                  officialId: who.principal.officialId,
                },
              ),
            );
          }
        } catch (err) {
          if (err instanceof AppError) throw err;
          const code = (err as { code?: string }).code;
          if (code === 'FST_REQ_FILE_TOO_LARGE') {
            throw validationFailed([
              { field: 'file', reason: 'file_too_large', params: { max: deps.limits.maxBytes } },
            ]);
          }
          if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
            throw validationFailed([
              { field: 'file', reason: 'too_many_files', params: { max: MAX_FILES_PER_REQUEST } },
            ]);
          }
          throw err;
        }
        if (stored.length === 0) throw validationFailed([{ field: 'file', reason: 'required' }]);
        request.log.info({ caseId, files: stored.length }, 'official attachments stored');
        return reply.status(201).send(stored);
      },
    );
  };
