import { join, resolve, sep } from 'node:path';
import { findCaseAttachment, findCaseInScope, type Database } from '@hotline/db';
import { previewKindOf, type PreviewKind } from '@hotline/domain';
import { caseScopeFor, requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { AppError } from '../errors.js';

/** A case's file as an official downloads it: the bytes we keep on disk. */
export interface CaseAttachmentSource {
  kind: 'file';
  path: string;
  fileName: string;
  contentType: string;
  /** Shown in place (Content-Disposition: inline) when set; downloaded otherwise. */
  preview: PreviewKind | null;
}

/**
 * One file of a case in the official's scope (else CASE_NOT_FOUND, as for the case itself).
 * The path is checked to stay inside the attachments folder. An attachment that is only a link
 * (MMS, Open311 media_url) is not served here: the case page shows it as an external link, and
 * a redirect from our domain would lend our name to wherever the sender pointed it.
 */
export async function getCaseAttachment(
  deps: { db: Database; dir: string },
  who: ActingOfficial,
  ref: string,
  attachmentId: string,
): Promise<CaseAttachmentSource> {
  requireAccess(who, 'case.read');
  const scope = await caseScopeFor(deps.db, who);
  const row = await findCaseInScope(deps.db, scope, ref);
  if (!row) throw new AppError('CASE_NOT_FOUND', 'no such case in your scope');
  const file = await findCaseAttachment(deps.db, row.id, attachmentId);
  if (file?.storageKey) {
    const root = resolve(deps.dir);
    const path = resolve(join(root, file.storageKey));
    if (path.startsWith(root + sep)) {
      return {
        kind: 'file',
        path,
        fileName: file.fileName,
        contentType: file.contentType,
        preview: previewKindOf(file.contentType),
      };
    }
  }
  if (file?.externalUrl) {
    throw new AppError('CASE_NOT_FOUND', 'this attachment is an external link, not a stored file');
  }
  throw new AppError('CASE_NOT_FOUND', 'no such file on this case');
}
