import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';

/** A photo the citizen sent, checked by its own bytes. */
export interface Photo {
  fileName: string;
  bytes: Buffer;
}

/** Why a form's files were refused (the form's other fields are still read). */
export type PhotoProblem = 'too_large' | 'type' | 'too_many' | 'empty';

/** A multipart body that cannot be read (cut short, no boundary): a 400, never a 500. */
export class MalformedFormError extends Error {
  readonly statusCode = 400;
  constructor(cause: unknown) {
    super('malformed multipart form', { cause });
    this.name = 'MalformedFormError';
  }
}

/** Multipart errors that end the reading of a form: too many parts or files, a broken body. */
export const isFormLimit = (err: unknown) =>
  ['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT'].includes(
    (err as { code?: string }).code ?? '',
  );

/** What citizens may attach to a new case from the portal: photos, recognised by their bytes. */
const PHOTO_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/gif',
]);

/** What may come with requested information: photos, and PDF scans of papers asked for. */
export const INFORMATION_FILE_TYPES: ReadonlySet<string> = new Set([
  ...PHOTO_TYPES,
  'application/pdf',
]);

/** Bounds of one multipart form: files beyond `maxFiles` are refused, not silently dropped. */
export interface FormLimits {
  maxFiles: number;
  maxBytes: number;
}

/** A posted form's fields (the last value of each name) and its photos. */
export interface PostedForm {
  fields: Record<string, string>;
  photos: Photo[];
  photoProblem: PhotoProblem | null;
}

const lastValue = (v: unknown): string => {
  if (Array.isArray(v)) return lastValue(v[v.length - 1]);
  return typeof v === 'string' ? v : '';
};

async function checkPhoto(bytes: Buffer, types: ReadonlySet<string>): Promise<PhotoProblem | null> {
  if (bytes.length === 0) return 'empty';
  const type = await fileTypeFromBuffer(bytes);
  return type && types.has(type.mime) ? null : 'type';
}

/**
 * Reads a form posted as `application/x-www-form-urlencoded` or `multipart/form-data` (with
 * photos in `field`). Each photo is checked by size and magic bytes as it arrives; the first
 * problem is kept, and the rest of the form is still read so the citizen's input survives.
 */
export async function readPostedForm(
  request: FastifyRequest,
  field: string,
  limits: FormLimits,
  /** The file types accepted, by their bytes (photos by default). */
  types: ReadonlySet<string> = PHOTO_TYPES,
): Promise<PostedForm> {
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) fields[k] = lastValue(v);
    return { fields, photos: [], photoProblem: null };
  }
  const fields: Record<string, string> = {};
  const photos: Photo[] = [];
  let photoProblem: PhotoProblem | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = lastValue(part.value);
        continue;
      }
      const bytes = await part.toBuffer();
      // A file input left empty still sends a part with no name and no bytes.
      if (part.fieldname !== field || (part.filename === '' && bytes.length === 0)) continue;
      const problem: PhotoProblem | null = part.file.truncated
        ? 'too_large'
        : photos.length >= limits.maxFiles
          ? 'too_many'
          : await checkPhoto(bytes, types);
      if (problem) photoProblem ??= problem;
      else photos.push({ fileName: part.filename || 'anh.jpg', bytes });
    }
  } catch (err) {
    // The multipart limits carry their own 4xx status; a broken body is the sender's fault.
    if ((err as { statusCode?: number }).statusCode) throw err;
    throw new MalformedFormError(err);
  }
  return { fields, photos, photoProblem };
}

/** The last value of each field of a url-encoded form, NFC-normalised (one per name). */
export const fieldsOf = (request: FastifyRequest): Record<string, string> => {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const last: unknown = Array.isArray(v) ? v.at(-1) : v;
    if (typeof last === 'string') out[k] = last.normalize('NFC');
  }
  return out;
};
