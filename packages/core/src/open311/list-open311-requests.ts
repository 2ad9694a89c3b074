import type { Open311RequestsQuery } from '@hotline/contracts';
import { listOpen311Requests as listRequestRows, type Database } from '@hotline/db';
import {
  CASE_STATUSES,
  OPEN_STATUSES,
  isValidTrackingCode,
  normalizeTrackingCode,
  type CaseStatus,
} from '@hotline/domain';
import { AppError, validationFailed, type FieldProblem } from '../errors.js';
import { toOpen311Request, type Open311Request } from './open311-views.js';

/** The spec's defaults: a span of at most 90 days, at most 1000 requests. */
export const OPEN311_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;
export const OPEN311_LIMIT = 1000;

const parseDate = (field: string, value: string | undefined, problems: FieldProblem[]) => {
  if (value === undefined || value === '') return undefined;
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime())) {
    problems.push({ field, reason: 'invalid_format' });
    return undefined;
  }
  return at;
};

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

function statusesOf(value: string | undefined, problems: FieldProblem[]) {
  const wanted = list(value);
  if (wanted.some((s) => s !== 'open' && s !== 'closed')) {
    problems.push({ field: 'status', reason: 'not_allowed', params: { allowed: 'open, closed' } });
    return undefined;
  }
  const open = wanted.includes('open');
  const closed = wanted.includes('closed');
  if (open === closed) return undefined; // neither or both: every status
  return CASE_STATUSES.filter((s: CaseStatus) => OPEN_STATUSES.has(s) === open);
}

/** Service requests matching the spec's filters, newest first, within its default window. */
export async function listOpen311Requests(
  deps: { db: Database },
  query: Open311RequestsQuery,
  now: Date,
): Promise<Open311Request[]> {
  // A list of ids overrides every other filter (as the spec says); bad ids simply match nothing.
  if (query.service_request_id !== undefined && query.service_request_id.trim() !== '') {
    const codes = list(query.service_request_id)
      .filter(isValidTrackingCode)
      .map(normalizeTrackingCode);
    const rows = await listRequestRows(deps.db, {
      trackingCodes: codes.slice(0, OPEN311_LIMIT),
      limit: OPEN311_LIMIT,
    });
    return rows.map(toOpen311Request);
  }
  const problems: FieldProblem[] = [];
  const start = parseDate('start_date', query.start_date, problems);
  const end = parseDate('end_date', query.end_date, problems);
  const statuses = statusesOf(query.status, problems);
  if (problems.length > 0) throw validationFailed(problems);
  const before = end ?? (start ? new Date(start.getTime() + OPEN311_WINDOW_MS) : now);
  const from = start ?? new Date(before.getTime() - OPEN311_WINDOW_MS);
  if (from.getTime() > before.getTime()) {
    throw validationFailed([{ field: 'end_date', reason: 'out_of_range' }]);
  }
  if (before.getTime() - from.getTime() > OPEN311_WINDOW_MS) {
    throw validationFailed([{ field: 'start_date', reason: 'span_over_90_days' }]);
  }
  const rows = await listRequestRows(deps.db, {
    ...(query.service_code ? { categoryCode: query.service_code } : {}),
    receivedFrom: from,
    // end_date is inclusive.
    receivedBefore: new Date(before.getTime() + 1),
    ...(statuses ? { statuses } : {}),
    limit: OPEN311_LIMIT,
  });
  return rows.map(toOpen311Request);
}

async function findOne(deps: { db: Database }, id: string) {
  if (!isValidTrackingCode(id)) return null;
  const [row] = await listRequestRows(deps.db, {
    trackingCodes: [normalizeTrackingCode(id)],
    limit: 1,
  });
  return row ?? null;
}

/** One service request by id (its tracking code), as a one-element list like the spec. */
export async function getOpen311Request(
  deps: { db: Database },
  id: string,
): Promise<Open311Request[]> {
  const row = await findOne(deps, id);
  if (!row) throw new AppError('CASE_NOT_FOUND', 'no service request with this id');
  return [toOpen311Request(row)];
}

/**
 * Requests are created at once, so the token handed out is the tracking code itself: a token
 * resolves to the request it names.
 */
export async function getOpen311Token(
  deps: { db: Database },
  token: string,
): Promise<{ service_request_id: string; token: string }[]> {
  const [request] = await getOpen311Request(deps, token);
  return [{ service_request_id: request!.service_request_id, token }];
}
