import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { CaseAttachmentParams, ErrorResponse } from '@hotline/contracts';
import { AppError, getCaseAttachment } from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';

/**
 * `inline` (photos and PDFs, shown in the case page) or `attachment` (anything else), with an
 * ASCII fallback and the UTF-8 name (RFC 6266 / 5987).
 */
function dispositionOf(fileName: string, isInline: boolean) {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return `${isInline ? 'inline' : 'attachment'}; filename="${ascii || 'file'}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A file opened on its own runs nothing and loads nothing (a sandbox, for photos and downloads).
 * A PDF may be framed by our own pages only (the case page's preview); it has no sandbox, which
 * some browsers' built-in viewers refuse to run in, and no `object-src`: the viewer is theirs.
 */
const FILE_POLICY =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
const PDF_POLICY =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

/** An official downloads a file we keep for a case in their scope (the case page's links). */
export const caseAttachmentFileRoute =
  (deps: { db: Database; sessions?: OfficialResolver; dir: string }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook('preHandler', officialGuard(deps));
    app.get(
      '/v1/cases/:id/attachments/:attachmentId',
      {
        schema: {
          summary: 'Download a file of a case (officials)',
          tags: ['case-actions'],
          security: [{ officialToken: [] }],
          params: CaseAttachmentParams,
          response: { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { id, attachmentId } = request.params;
        const source = await getCaseAttachment(deps, officialOf(request), id, attachmentId);
        const size = await stat(source.path).then(
          (s) => s.size,
          () => null,
        );
        if (size === null) throw new AppError('CASE_NOT_FOUND', 'the file is no longer stored');
        // The bytes, not JSON: the schema's reply type covers only the error bodies.
        const isPdf = source.preview === 'pdf';
        return (reply as FastifyReply)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', isPdf ? PDF_POLICY : FILE_POLICY)
          .header('x-frame-options', isPdf ? 'SAMEORIGIN' : 'DENY')
          .header('content-disposition', dispositionOf(source.fileName, source.preview !== null))
          .header('content-length', size)
          .type(source.contentType)
          .send(createReadStream(source.path));
      },
    );
  };
