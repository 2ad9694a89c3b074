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
export async function acceptUploads(
  app: FastifyInstance,
  limits: AttachmentLimits,
  /** Text fields the form carries besides its files, and the longest one in bytes. */
  fields: { count: number; maxBytes: number } = { count: 0, maxBytes: 0 },
) {
  await app.register(multipart, {
    limits: {
      fileSize: limits.maxBytes,
      files: MAX_FILES_PER_REQUEST,
      fields: fields.count,
      ...(fields.count > 0 ? { fieldSize: fields.maxBytes } : {}),
      parts: MAX_FILES_PER_REQUEST + fields.count,
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

/** A multipart limit or parser failure as the 400 naming the field it concerns. */
export function multipartProblem(err: unknown, limits: AttachmentLimits): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return validationFailed([
      { field: 'file', reason: 'file_too_large', params: { max: limits.maxBytes } },
    ]);
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return validationFailed([
      { field: 'file', reason: 'too_many_files', params: { max: MAX_FILES_PER_REQUEST } },
    ]);
  }
  // Whatever else the reader throws (a missing boundary, a truncated body, a malformed part
  // header, a client that hung up) is about the body the client sent, never a fault of ours.
  return validationFailed([{ field: 'body', reason: 'malformed_multipart' }]);
}

/**
 * Reads every `file` part of the request, then stores each on the case (checked by its bytes
 * and size). The whole body is read before anything is stored, so a truncated or malformed
 * body is a 400 naming the field that writes nothing.
 */
export async function storeUploads(
  request: FastifyRequest,
  deps: { db: Database; dir: string; limits: AttachmentLimits },
  on: { caseId: string; source: 'web' | 'official'; officialId?: string },
): Promise<StoredAttachment[]> {
  const files: { fileName: string; bytes: Buffer }[] = [];
  try {
    for await (const part of request.files()) {
      if (part.fieldname !== 'file') {
        throw validationFailed([
          {
            field: part.fieldname.replace(/[^\w.-]/g, '?').slice(0, 64),
            reason: 'unexpected_field',
          },
        ]);
      }
      files.push({ fileName: part.filename, bytes: await part.toBuffer() });
    }
  } catch (err) {
    throw multipartProblem(err, deps.limits);
  }
  if (files.length === 0) throw validationFailed([{ field: 'file', reason: 'required' }]);
  const stored: StoredAttachment[] = [];
  for (const file of files) {
    stored.push(
      await storeAttachment(
        { db: deps.db, dir: deps.dir, limits: deps.limits },
        { ...on, ...file },
      ),
    );
  }
  return stored;
}
