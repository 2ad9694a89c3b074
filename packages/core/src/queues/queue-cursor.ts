import type { CaseQueueAfter, CaseQueueSort } from '@hotline/db';
import { AppError } from '../errors.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:\d{2})?)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An opaque page cursor: base64url of the sort, the last row's sort key and its id. */
export function encodeQueueCursor(sort: CaseQueueSort, after: CaseQueueAfter): string {
  return Buffer.from(JSON.stringify({ s: sort, k: after.key, i: after.id })).toString('base64url');
}

/** The position a cursor names; VALIDATION_FAILED when it is not one of ours or another sort's. */
export function decodeQueueCursor(sort: CaseQueueSort, cursor: string): CaseQueueAfter {
  const invalid = (cause?: unknown) =>
    new AppError(
      'VALIDATION_FAILED',
      'cursor: invalid_format',
      [{ field: 'cursor', reason: 'invalid_format' }],
      { cause },
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (cause) {
    throw invalid(cause);
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid();
  const { s, k, i } = parsed as Record<string, unknown>;
  if (s !== sort || typeof i !== 'string' || !UUID.test(i)) throw invalid();
  if (k === null && sort === 'deadline') return { key: null, id: i };
  if (typeof k !== 'string' || !ISO_INSTANT.test(k)) throw invalid();
  return { key: k, id: i };
}
