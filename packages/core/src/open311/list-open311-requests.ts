import type { Open311RequestsQuery } from '@hotline/contracts';
import {
  listOpen311Requests as listRequestRows,
  type Database,
  type Open311RequestRow,
} from '@hotline/db';
import {
  CASE_STATUSES,
  OPEN_STATUSES,
  formatTrackingCode,
  isValidTrackingCode,
  normalizeTrackingCode,
  type CaseStatus,
} from '@hotline/domain';
import { AppError, validationFailed, type FieldProblem } from '../errors.js';
import { publicCaseOf } from '../publication/public-case.js';
import { toOpen311Request, type Open311Request } from './open311-views.js';

/** The spec's default window: a span of at most 90 days. */
export const OPEN311_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;
/** At most this many ids in one `service_request_id` filter (the spec's 1000 requests). */
export const OPEN311_LIMIT = 1000;
/**
 * Pages as the GeoReport v2 pagination extension has them (`page` from 1, `page_size`; the
 * extension most implementations share: Chicago, Boston, Toronto, San Francisco). 50 a page
 * by default, 200 at most: a list is for browsing, not for copying the whole register.
 */
export const OPEN311_PAGE_SIZE = 50;
export const OPEN311_MAX_PAGE_SIZE = 200;
const MAX_PAGE = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What id a request is shown under. A tracking code is a key: it opens the tracking page and
 * lets anyone ask for one-time codes by SMS to the citizen's phone. So a list shows tracking
 * codes only of published cases (already public, on the portal); every other case is listed
 * under its opaque internal id, which opens nothing but this endpoint's own summary of it. A
 * caller who asked by tracking code (the app that submitted it) already holds it and gets it
 * back. A provincial privacy officer can accept that: the register shows how many cases of
 * what kind each unit has and how fast it answers, never who to bother about which.
 */
function idOf(row: Open311RequestRow, askedByCode: boolean): string {
  if (askedByCode || publicCaseOf(row).kind === 'published') {
    return formatTrackingCode(row.trackingCode);
  }
  return row.id;
}

/** `page` and `page_size` as numbers, or the problems with them. */
function pageOf(query: Open311RequestsQuery, problems: FieldProblem[]) {
  const read = (field: string, value: string | undefined, fallback: number, max: number) => {
    if (value === undefined || value === '') return fallback;
    const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1 && n <= max)) {
      problems.push({ field, reason: 'out_of_range', params: { min: 1, max } });
      return fallback;
    }
    return n;
  };
  const size = read('page_size', query.page_size, OPEN311_PAGE_SIZE, OPEN311_MAX_PAGE_SIZE);
  const page = read('page', query.page, 1, MAX_PAGE);
  return { limit: size, offset: (page - 1) * size };
}

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
  const problems: FieldProblem[] = [];
  const page = pageOf(query, problems);
  // A list of ids overrides every other filter (as the spec says); bad ids simply match nothing.
  if (query.service_request_id !== undefined && query.service_request_id.trim() !== '') {
    if (problems.length > 0) throw validationFailed(problems);
    const ids = list(query.service_request_id).slice(0, OPEN311_LIMIT);
    const caseIds = ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase());
    const codes = ids.filter(isValidTrackingCode).map(normalizeTrackingCode);
    const askedCodes = new Set(codes);
    const rows = await listRequestRows(deps.db, {
      trackingCodes: codes,
      caseIds,
      ...page,
    });
    return rows.map((r) => toOpen311Request(r, idOf(r, askedCodes.has(r.trackingCode))));
  }
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
    ...page,
  });
  return rows.map((r) => toOpen311Request(r, idOf(r, false)));
}

async function findOne(deps: { db: Database }, id: string) {
  const byCode = isValidTrackingCode(id);
  if (!byCode && !UUID.test(id)) return null;
  const [row] = await listRequestRows(deps.db, {
    ...(byCode ? { trackingCodes: [normalizeTrackingCode(id)] } : { caseIds: [id.toLowerCase()] }),
    limit: 1,
  });
  return row ? { row, byCode } : null;
}

/**
 * One service request by id (its tracking code, or the opaque id a list gave), as a
 * one-element list like the spec. A denunciation is not found.
 */
export async function getOpen311Request(
  deps: { db: Database },
  id: string,
): Promise<Open311Request[]> {
  const found = await findOne(deps, id);
  if (!found) throw new AppError('CASE_NOT_FOUND', 'no service request with this id');
  return [toOpen311Request(found.row, idOf(found.row, found.byCode))];
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
