import { findAttachmentToFetch, markAttachmentFetched, type Database } from '@hotline/db';
import { AppError } from '../errors.js';
import {
  checkAttachmentBytes,
  writeAttachmentFile,
  type AttachmentLimits,
} from './store-attachment.js';

/** Fetches a media URL's bytes (at most `maxBytes` + 1, so "too large" can be told). */
export type MediaDownload = (url: string, maxBytes: number) => Promise<Buffer>;

/** A download that will never succeed (a 404, a refusal): not worth retrying. */
export class MediaDownloadError extends Error {
  constructor(
    message: string,
    readonly isPermanent: boolean,
  ) {
    super(message);
    this.name = 'MediaDownloadError';
  }
}

export interface FetchMmsMediaDeps {
  db: Database;
  dir: string;
  limits: AttachmentLimits;
  download: MediaDownload;
}

export type FetchMmsMediaOutcome =
  | { outcome: 'kept'; caseId: string; sizeBytes: number }
  | { outcome: 'already_kept' | 'gone' }
  /** The bytes are not a file we keep (type, size): the link stays, nothing is retried. */
  | { outcome: 'refused'; caseId: string; reason: string };

/**
 * Fetches an MMS attachment's media (the provider's URL needs credentials and may be slow, so
 * this runs in a job, never in the webhook) and keeps it like an uploaded file, checked by the
 * same bytes and size rules. Idempotent: a file kept already is left alone, and two runs racing
 * write the same bytes under the same name while only one records them.
 */
export async function fetchMmsMedia(
  deps: FetchMmsMediaDeps,
  attachmentId: string,
): Promise<FetchMmsMediaOutcome> {
  const row = await findAttachmentToFetch(deps.db, attachmentId);
  if (!row?.externalUrl) return { outcome: 'gone' };
  if (row.storageKey) return { outcome: 'already_kept' };
  const bytes = await deps.download(row.externalUrl, deps.limits.maxBytes);
  let checked;
  try {
    checked = await checkAttachmentBytes(bytes, deps.limits);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const reason = err.problems[0]?.reason ?? err.code;
    return { outcome: 'refused', caseId: row.caseId, reason };
  }
  const { storageKey, sha256 } = await writeAttachmentFile(deps.dir, row.caseId, row.id, bytes);
  const fileName = row.fileName.endsWith(`.${checked.extension}`)
    ? row.fileName
    : `${row.fileName}.${checked.extension}`;
  const isFirst = await markAttachmentFetched(deps.db, row.id, {
    fileName,
    contentType: checked.contentType,
    sizeBytes: bytes.length,
    sha256,
    storageKey,
  });
  return isFirst
    ? { outcome: 'kept', caseId: row.caseId, sizeBytes: bytes.length }
    : { outcome: 'already_kept' };
}
