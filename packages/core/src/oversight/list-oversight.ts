import {
  findUnitCalendarId,
  listOversightCases,
  type Database,
  type OversightList,
  type OversightRow,
} from '@hotline/db';
import { formatTrackingCode, type Lang, type WorkingCalendar } from '@hotline/domain';
import { requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { reportScopeOf, type DrillOption } from '../reports/report-scope.js';
import { loadWorkingCalendar } from '../calendars/load-working-calendar.js';

/** One case of an oversight list: no personal data. */
export interface OversightItem {
  caseId: string;
  trackingCode: string;
  status: string;
  slaState: string;
  unitId: string | null;
  unitName: string | null;
  assigneeName: string | null;
  categoryName: string;
  channel: string;
  receivedAt: string;
  resolutionDueAt: string | null;
  /** Working time past the resolution deadline, in the unit's calendar (overdue cases). */
  latenessWorkingMs: number | null;
  escalationLevel: number;
  transferCount: number;
  /** The latest rung: to whom, since when. */
  escalation: {
    level: number;
    toOfficialId: string | null;
    toOfficialName: string | null;
    toUnitId: string | null;
    toUnitName: string | null;
    reason: string | null;
    since: string;
  } | null;
  /** The units that held the case, in order. */
  unitPath: string[];
}

export interface OversightPage {
  items: OversightItem[];
  total: number;
  limit: number;
  offset: number;
}

function itemOf(row: OversightRow, latenessWorkingMs: number | null): OversightItem {
  const esc = row.escalation_payload;
  return {
    caseId: row.id,
    trackingCode: formatTrackingCode(row.tracking_code),
    status: row.status,
    slaState: row.sla_state,
    unitId: row.unit_id,
    unitName: row.unit_name,
    assigneeName: row.assignee_name,
    categoryName: row.category_name,
    channel: row.channel,
    receivedAt: row.received_at,
    resolutionDueAt: row.resolution_due_at,
    latenessWorkingMs,
    escalationLevel: row.escalation_level,
    transferCount: row.transfer_count,
    escalation:
      esc && row.escalated_at
        ? {
            level: esc.level ?? row.escalation_level,
            toOfficialId: esc.toOfficialId ?? null,
            toOfficialName: row.escalated_to_official_name,
            toUnitId: esc.toUnitId ?? null,
            toUnitName: row.escalated_to_unit_name,
            reason: esc.reason ?? null,
            since: row.escalated_at,
          }
        : null,
    unitPath: row.unit_path ?? [],
  };
}

/**
 * A page of an oversight list over the official's scope: overdue (latest deadline first, with
 * the lateness in working time), at risk, escalated, or transferred more than once.
 */
export async function listOversight(
  deps: { db: Database },
  who: ActingOfficial,
  list: OversightList,
  page: { limit: number; offset: number; lang?: Lang } & DrillOption,
  now: Date,
): Promise<OversightPage> {
  requireAccess(who, 'reports.read');
  const scope = await reportScopeOf(deps.db, who, page);
  const { rows, total } = await listOversightCases(deps.db, scope, list, { now, ...page });
  const calendars = new Map<string, WorkingCalendar | null>();
  const items: OversightItem[] = [];
  for (const row of rows) {
    let lateness: number | null = null;
    if (row.resolution_due_at && list === 'overdue') {
      const key = row.unit_id ?? '';
      if (!calendars.has(key)) {
        const id = await findUnitCalendarId(deps.db, row.unit_id);
        calendars.set(key, await loadWorkingCalendar(deps.db, id));
      }
      const due = new Date(row.resolution_due_at);
      lateness = calendars.get(key)?.workingDurationBetween(due, now) ?? null;
    }
    items.push(itemOf(row, lateness));
  }
  return { items, total, ...page };
}
