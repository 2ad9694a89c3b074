import type { paths } from '../../api/schema';

type QueueOp = paths['/v1/queues/{queue}']['get'];
export type QueueName = QueueOp['parameters']['path']['queue'];
export type QueueApiQuery = NonNullable<QueueOp['parameters']['query']>;
export type QueueResponse = QueueOp['responses'][200]['content']['application/json'];
export type QueueItem = QueueResponse['items'][number];
export type CaseStatus = NonNullable<QueueApiQuery['status']>[number];

export const QUEUES: readonly QueueName[] = ['mine', 'unit', 'unassigned', 'escalated', 'all'];
export const STATUSES: readonly CaseStatus[] = [
  'received',
  'triaged',
  'assigned',
  'in_progress',
  'awaiting_citizen',
  'reopened',
  'resolved',
  'closed',
  'rejected',
  'merged',
  'withdrawn',
];
export const SLA_STATES = ['on_track', 'at_risk', 'breached'] as const;
export const CHANNELS = ['web', 'sms', 'call', 'email', 'open311', 'counter'] as const;
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const PAGE_SIZES = ['50', '100', '200', '500'] as const;
export const DEFAULT_PAGE_SIZE = 100;

/** The filters as kept in the console's URL (short, shareable, no personal data). */
export interface QueueFilters {
  status: CaseStatus[];
  sla: (typeof SLA_STATES)[number] | null;
  category: string | null;
  channel: (typeof CHANNELS)[number] | null;
  hotline: string | null;
  commune: string | null;
  priority: (typeof PRIORITIES)[number] | null;
  /** Local dates (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  /** 'me', 'none' or an official's id. */
  assignee: string | null;
  q: string | null;
  sort: 'deadline' | 'receivedAt';
  limit: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;
const matching = (re: RegExp, v: string | null) => (v !== null && re.test(v) ? v : null);

/** Reads the filters from the URL, dropping anything malformed (a hand-edited link never 400s). */
export function filtersOf(params: URLSearchParams): QueueFilters {
  const limit = Number(params.get('limit'));
  const q = params.get('q')?.trim().slice(0, 200) ?? '';
  const assignee = params.get('assignee');
  return {
    status: params.getAll('status').flatMap((s) => oneOf(STATUSES, s) ?? []),
    sla: oneOf(SLA_STATES, params.get('sla')),
    category: matching(CODE, params.get('category')),
    channel: oneOf(CHANNELS, params.get('channel')),
    hotline: matching(/^\+?[0-9 ]{3,31}$/, params.get('hotline')),
    commune: matching(CODE, params.get('commune')),
    priority: oneOf(PRIORITIES, params.get('priority')),
    from: matching(DATE, params.get('from')),
    to: matching(DATE, params.get('to')),
    assignee: assignee === 'me' || assignee === 'none' ? assignee : matching(UUID, assignee),
    q: q === '' ? null : q,
    sort: params.get('sort') === 'receivedAt' ? 'receivedAt' : 'deadline',
    limit: (PAGE_SIZES as readonly string[]).includes(String(limit)) ? limit : DEFAULT_PAGE_SIZE,
  };
}

/** A filter changed: the new URL parameters (defaults left out to keep links short). */
export function paramsOf(f: QueueFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const s of f.status) out.append('status', s);
  const put = (key: string, value: string | null) => {
    if (value !== null && value !== '') out.set(key, value);
  };
  put('sla', f.sla);
  put('category', f.category);
  put('channel', f.channel);
  put('hotline', f.hotline);
  put('commune', f.commune);
  put('priority', f.priority);
  put('from', f.from);
  put('to', f.to);
  put('assignee', f.assignee);
  put('q', f.q);
  if (f.sort !== 'deadline') put('sort', f.sort);
  if (f.limit !== DEFAULT_PAGE_SIZE) put('limit', String(f.limit));
  return out;
}

/** The start and end of a local day in Vietnam (UTC+7, no daylight saving). */
const dayStart = (date: string) => `${date}T00:00:00+07:00`;
const dayEnd = (date: string) => `${date}T23:59:59.999+07:00`;

/** The API's query for the filters; `me` becomes the signed-in official's id. */
export function apiQueryOf(f: QueueFilters, myId: string): QueueApiQuery {
  return {
    ...(f.status.length ? { status: f.status } : {}),
    ...(f.sla ? { slaState: f.sla } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.hotline ? { hotline: f.hotline } : {}),
    ...(f.commune ? { commune: f.commune } : {}),
    ...(f.priority ? { priority: f.priority } : {}),
    ...(f.from ? { receivedFrom: dayStart(f.from) } : {}),
    ...(f.to ? { receivedTo: dayEnd(f.to) } : {}),
    ...(f.assignee ? { assignee: f.assignee === 'me' ? myId : f.assignee } : {}),
    ...(f.q ? { q: f.q } : {}),
    sort: f.sort,
    limit: f.limit,
  };
}

/** How many filters are set (search and sort aside), for the "filters (3)" button. */
export function activeFilterCount(f: QueueFilters): number {
  return [
    f.status.length > 0,
    f.sla,
    f.category,
    f.channel,
    f.hotline,
    f.commune,
    f.priority,
    f.from,
    f.to,
    f.assignee,
  ].filter(Boolean).length;
}
