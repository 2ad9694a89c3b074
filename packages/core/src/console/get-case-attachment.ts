import { join, resolve, sep } from 'node:path';
import { findCaseAttachment, findCaseInScope, type Database } from '@hotline/db';
import { requireScope, scopeOfOfficial, type ActingOfficial } from '../auth/acting-official.js';
import { AppError } from '../errors.js';

/** A case's file as an official downloads it: the bytes on disk, or the link it was sent as. */
export type CaseAttachmentSource =
  | { kind: 'file'; path: string; fileName: string; contentType: string }
  | { kind: 'link'; url: string };

/**
 * One file of a case in the official's scope (else CASE_NOT_FOUND, as for the case itself).
 * The path is checked to stay inside the attachments folder.
 */
export async function getCaseAttachment(
  deps: { db: Database; dir: string },
  who: ActingOfficial,
  ref: string,
  attachmentId: string,
): Promise<CaseAttachmentSource> {
  requireScope(who, 'cases:read');
  const scope = await scopeOfOfficial(deps.db, who);
  const row = await findCaseInScope(deps.db, scope, ref);
  if (!row) throw new AppError('CASE_NOT_FOUND', 'no such case in your scope');
  const file = await findCaseAttachment(deps.db, row.id, attachmentId);
  if (file?.storageKey) {
    const root = resolve(deps.dir);
    const path = resolve(join(root, file.storageKey));
    if (path.startsWith(root + sep)) {
      return { kind: 'file', path, fileName: file.fileName, contentType: file.contentType };
    }
  }
  if (file?.externalUrl && /^https?:\/\//i.test(file.externalUrl)) {
    return { kind: 'link', url: file.externalUrl };
  }
  throw new AppError('CASE_NOT_FOUND', 'no such file on this case');
}
