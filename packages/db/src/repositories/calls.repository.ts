import { and, desc, eq, inArray } from 'drizzle-orm';
import { OPEN_STATUSES, type Lang } from '@hotline/domain';
import type { Executor, RawSql } from '../client.js';
import { adminUnits, cases, categories } from '../schema/index.js';
import { nameInLang, nameInLangOrNull } from './name-in-lang.js';

export interface CallLogRow {
  caseId: string;
  operatorId: string;
  callerPhone: string | null;
  hotlineNumber: string | null;
  startedAt: Date;
  endedAt: Date;
  recordingUrl: string | null;
}

/** Stores the call beside the case it became (in the intake's transaction). */
export async function insertCallLog(sql: RawSql, row: CallLogRow): Promise<void> {
  await sql`
    insert into call_logs (case_id, operator_id, caller_phone, hotline_id, started_at, ended_at, recording_url)
    values (${row.caseId}, ${row.operatorId}, ${row.callerPhone},
      (select id from hotlines where number = ${row.hotlineNumber}::text),
      ${row.startedAt.toISOString()}::timestamptz, ${row.endedAt.toISOString()}::timestamptz,
      ${row.recordingUrl})
    on conflict (case_id) do nothing`;
}

/** A caller's open cases, newest first ("I called about this last week"). */
export async function listOpenCasesOfPhone(
  db: Executor,
  phone: string,
  limit = 20,
  lang: Lang = 'vi',
) {
  return db
    .select({
      trackingCode: cases.trackingCode,
      status: cases.status,
      channel: cases.channel,
      categoryName: nameInLang(lang, categories.name, categories.nameEn),
      unitName: nameInLangOrNull(lang, adminUnits.name, adminUnits.nameEn),
      text: cases.text,
      receivedAt: cases.receivedAt,
      resolutionDueAt: cases.resolutionDueAt,
      slaState: cases.slaState,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(adminUnits, eq(adminUnits.id, cases.unitId))
    .where(and(eq(cases.citizenPhone, phone), inArray(cases.status, [...OPEN_STATUSES])))
    .orderBy(desc(cases.receivedAt))
    .limit(limit);
}
