import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { countAttachments, insertAttachment } from '@hotline/db';
import { formatTrackingCode } from '@hotline/domain';
import {
  checkAttachmentBytes,
  safeFileName,
  writeAttachmentFile,
  type AttachmentLimits,
} from '../attachments/store-attachment.js';
import { caseHolder } from '../access.js';
import { changeCase } from '../change-case.js';
import { AppError } from '../errors.js';
import type { FollowUpDeps, FollowUpOutcome } from './act-on-owned-case.js';
import { proveCaseOwner, type CaseProof } from './prove-case-owner.js';

/** A file the citizen sends with the information (checked here by its bytes). */
export interface InformationFile {
  fileName: string;
  bytes: Buffer;
}

export type ProvideInformationDeps = FollowUpDeps & {
  /** Where files go and their limits; needed only when files are sent. */
  attachments?: { dir: string; limits: AttachmentLimits };
};

/**
 * The citizen answers a request for information, with files if any (photos, PDF scans…, each
 * checked by its bytes and size); the case's clock resumes. The files are written first, then
 * recorded on the case with the `info_provided` event that names them, in one transaction: a
 * refused answer records no file (and removes the ones written).
 */
export async function provideCaseInformation(
  deps: ProvideInformationDeps,
  rawCode: string,
  proof: CaseProof,
  text: string,
  now: Date,
  files: readonly InformationFile[] = [],
): Promise<FollowUpOutcome> {
  const cleaned = text.normalize('NFC').trim();
  const { caseId, trackingCode } = await proveCaseOwner(deps, rawCode, proof);
  const store = deps.attachments;
  if (files.length > 0 && !store) throw new Error('attachment storage is not configured');
  const checked = [];
  for (const file of files) {
    const { contentType } = await checkAttachmentBytes(file.bytes, store!.limits);
    checked.push({ ...file, contentType, id: randomUUID() });
  }
  if (checked.length > 0) {
    const held = await countAttachments(deps.db, caseId);
    if (held + checked.length > store!.limits.maxPerCase) {
      throw new AppError(
        'RULE_VIOLATION',
        `a case holds at most ${store!.limits.maxPerCase} files`,
        [{ field: 'file', reason: 'case_files_full', params: { max: store!.limits.maxPerCase } }],
      );
    }
  }
  const written: (InformationFile & {
    id: string;
    contentType: string;
    storageKey: string;
    sha256: string;
  })[] = [];
  try {
    for (const file of checked) {
      written.push({
        ...file,
        ...(await writeAttachmentFile(store!.dir, caseId, file.id, file.bytes)),
      });
    }
    const changed = await changeCase(
      deps,
      caseId,
      async (state, _current, tx) => {
        // Only an answer the case takes records its files (a refused change still commits the
        // rest of its transaction).
        if (state.status === 'awaiting_citizen' && written.length > 0) {
          for (const f of written) {
            await insertAttachment(tx, {
              id: f.id,
              caseId,
              source: 'web',
              fileName: safeFileName(f.fileName),
              contentType: f.contentType,
              sizeBytes: f.bytes.length,
              sha256: f.sha256,
              storageKey: f.storageKey,
            });
          }
        }
        return {
          type: 'info_provided',
          text: cleaned,
          ...(written.length > 0 ? { attachmentIds: written.map((f) => f.id) } : {}),
        };
      },
      caseHolder(caseId),
      now,
    );
    return { trackingCode: formatTrackingCode(trackingCode), status: changed.state.status };
  } catch (err) {
    await Promise.all(
      written.map((f) => rm(join(store!.dir, f.storageKey), { force: true }).catch(() => {})),
    );
    throw err;
  }
}
