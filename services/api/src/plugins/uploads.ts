import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import {
  AppError,
  storeAttachment,
  validationFailed,
  type AttachmentLimits,
  type StoredAttachment,
} from '@hotline/core';
import type { Database } from '@hotline/db';

export const MAX_FILES_PER_REQUEST = 5;

export const StoredAttachments = Type.Array(
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    fileName: Type.String(),
    contentType: Type.String(),
    sizeBytes: Type.Integer(),
    sha256: Type.String(),
  }),
);

/** Multipart bodies for the routes of the calling plugin, within the attachment limits. */
export async function acceptUploads(app: FastifyInstance, limits: AttachmentLimits) {
  await app.register(multipart, {
    limits: {
      fileSize: limits.maxBytes,
      files: MAX_FILES_PER_REQUEST,
      fields: 0,
      parts: MAX_FILES_PER_REQUEST,
      headerPairs: 100,
    },
    // A file over the limit is an error, not a silently truncated file.
    throwFileSizeLimit: true,
  });
}

/** 400 unless the request is multipart (checked before any proof or lookup). */
export function requireMultipart(request: FastifyRequest) {
  if (!request.isMultipart()) {
    throw validationFailed([{ field: 'file', reason: 'multipart_required' }]);
  }
}

/**
 * Stores every `file` part of the request on the case (each checked by its bytes and size);
 * the multipart limits become 400s naming the field.
 */
export async function storeUploads(
  request: FastifyRequest,
  deps: { db: Database; dir: string; limits: AttachmentLimits },
  on: { caseId: string; source: 'web' | 'official'; officialId?: string },
): Promise<StoredAttachment[]> {
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
          { ...on, fileName: part.filename, bytes },
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
  return stored;
}
