import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { countAttachments, insertAttachment, type Database } from '@hotline/db';
import { AppError, validationFailed } from '../errors.js';

/**
 * What citizens may attach, by the file's own bytes (the declared type and the name's extension
 * are not trusted): photos, PDF scans, voice notes and short videos.
 */
export const ATTACHMENT_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/gif',
  'application/pdf',
  'audio/mpeg',
  'audio/mp4',
  'audio/ogg',
  'video/mp4',
]);

export interface AttachmentLimits {
  /** Largest file, in bytes. */
  maxBytes: number;
  /** Most files one case may hold. */
  maxPerCase: number;
}

export interface StoreAttachmentDeps {
  db: Database;
  /** Where the bytes go; a file per attachment, named by its id under the case's folder. */
  dir: string;
  limits: AttachmentLimits;
}

export interface StoredAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** A file name safe to show and store: no path, no control characters, not too long. */
export function safeFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned.slice(-120) || 'tep-dinh-kem';
}

/**
 * What a file is, by its magic bytes and size: its detected type, or a 400 naming the reason.
 * The declared type and the name's extension are never trusted.
 */
export async function checkAttachmentBytes(
  bytes: Buffer,
  limits: Pick<AttachmentLimits, 'maxBytes'>,
): Promise<{ contentType: string; extension: string }> {
  if (bytes.length === 0) throw validationFailed([{ field: 'file', reason: 'empty_file' }]);
  if (bytes.length > limits.maxBytes) {
    throw validationFailed([
      { field: 'file', reason: 'file_too_large', params: { max: limits.maxBytes } },
    ]);
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !ATTACHMENT_TYPES.has(detected.mime)) {
    throw validationFailed([{ field: 'file', reason: 'file_type_not_allowed' }]);
  }
  return { contentType: detected.mime, extension: detected.ext };
}

/**
 * Writes a file under its case's folder, named by the attachment's id (to a temporary name
 * first, so a crash never leaves a half file under a real name). Returns its storage key and
 * SHA-256. Writing the same id twice writes the same bytes to the same place.
 */
export async function writeAttachmentFile(
  dir: string,
  caseId: string,
  id: string,
  bytes: Buffer,
): Promise<{ storageKey: string; sha256: string }> {
  const storageKey = join(caseId, id);
  const path = join(dir, storageKey);
  await mkdir(join(dir, caseId), { recursive: true });
  await writeFile(`${path}.part`, bytes, { mode: 0o600 });
  await rename(`${path}.part`, path);
  return { storageKey, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Checks a file by its magic bytes and size, writes it and records it on the case. */
export async function storeAttachment(
  deps: StoreAttachmentDeps,
  input: {
    caseId: string;
    fileName: string;
    bytes: Buffer;
    source: 'web' | 'mms' | 'official';
    officialId?: string;
  },
): Promise<StoredAttachment> {
  const { bytes } = input;
  const { contentType } = await checkAttachmentBytes(bytes, deps.limits);
  if ((await countAttachments(deps.db, input.caseId)) >= deps.limits.maxPerCase) {
    throw new AppError('RULE_VIOLATION', `a case holds at most ${deps.limits.maxPerCase} files`, [
      { field: 'file', reason: 'too_many_files', params: { max: deps.limits.maxPerCase } },
    ]);
  }
  const id = randomUUID();
  const { storageKey, sha256 } = await writeAttachmentFile(deps.dir, input.caseId, id, bytes);
  const fileName = safeFileName(input.fileName);
  await insertAttachment(deps.db, {
    id,
    caseId: input.caseId,
    source: input.source,
    fileName,
    contentType,
    sizeBytes: bytes.length,
    sha256,
    storageKey,
    uploadedByOfficialId: input.officialId ?? null,
  });
  return { id, fileName, contentType, sizeBytes: bytes.length, sha256 };
}
