import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { CaseProofHeaders, ErrorResponse, TrackingCodeParams } from '@hotline/contracts';
import {
  AppError,
  proveCaseOwner,
  storeAttachment,
  validationFailed,
  type AttachmentLimits,
  type OtpStore,
  type StoredAttachment,
} from '@hotline/core';
import type { Database } from '@hotline/db';

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
    await app.register(multipart, {
      limits: {
        fileSize: deps.limits.maxBytes,
        files: MAX_FILES_PER_REQUEST,
        fields: 0,
        parts: MAX_FILES_PER_REQUEST,
        headerPairs: 100,
      },
      // A file over the limit is an error, not a silently truncated file.
      throwFileSizeLimit: true,
    });
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
        if (!request.isMultipart()) {
          throw validationFailed([{ field: 'file', reason: 'multipart_required' }]);
        }
        const { caseId } = await proveCaseOwner(deps, request.params.trackingCode, {
          token: request.headers['x-case-token'],
          otp: request.headers['x-case-otp'],
        });
        const stored: StoredAttachment[] = [];
        try {
          for await (const part of request.files()) {
            if (part.fieldname !== 'file') {
              throw validationFailed([{ field: part.fieldname, reason: 'unexpected_field' }]);
            }
            const bytes = await part.toBuffer();
            stored.push(
              await storeAttachment(
                { db: deps.db, dir: deps.dir, limits: deps.limits },
                { caseId, fileName: part.filename, bytes, source: 'web' },
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
        request.log.info({ caseId, files: stored.length }, 'attachments stored');
        return reply.status(201).send(stored);
      },
    );
  };
