import type { CaseType, Channel, Priority } from '@hotline/domain';
import type { RawSql } from '../client.js';
import { isTrackingCodeTaken } from './tracking-code-collision.js';

export interface ReceivedCaseRow {
  trackingCode: string;
  caseType: CaseType;
  channel: Channel;
  priority: Priority;
  categoryCode: string;
  communeCode: string | null;
  /** E.164 of the hotline the case came through. */
  hotlineNumber: string | null;
  citizenName: string | null;
  citizenPhone: string | null;
  citizenEmail: string | null;
  /** The reporter's own address (personal data). */
  citizenAddress: string | null;
  isAnonymous: boolean;
  consentToPublish: boolean;
  text: string;
  /** The incident's address: where the problem is. */
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  actorKind: 'citizen' | 'official';
  actorOfficialId: string | null;
  receivedAt: Date;
  /** SHA-256 (hex) of the citizen's secret link token; the token itself is never stored. */
  ownerTokenHash: string | null;
}

export type InsertReceivedCaseResult =
  | { kind: 'inserted'; caseId: string }
  /** The same text from the same phone within 24 h: linked to that open case, nothing written. */
  | { kind: 'duplicate'; caseId: string; trackingCode: string; receivedAt: Date }
  | { kind: 'unknown_reference'; missing: Array<'categoryCode' | 'communeCode' | 'hotlineNumber'> }
  | { kind: 'tracking_code_taken' };

/**
 * Writes a new case, its `received` event (version 1), its open span (report facts) and the
 * routing outbox row as ONE statement, hence one transaction and one round trip: intake is
 * the hot path. References are resolved inside the statement so an unknown category, commune
 * or hotline writes nothing.
 * Runs on the raw client so the statement is prepared (see DatabaseHandle.raw).
 * The same text from the same phone within 24 hours, while that case is open, writes nothing
 * and returns that case instead (a lookup on cases_citizen_phone_idx inside the statement).
 */
export async function insertReceivedCase(
  sql: RawSql,
  row: ReceivedCaseRow,
): Promise<InsertReceivedCaseResult> {
  const at = row.receivedAt.toISOString();
  let result;
  try {
    result = await sql<
      {
        case_id: string | null;
        category_id: string | null;
        commune_id: string | null;
        hotline_id: string | null;
        duplicate_id: string | null;
        duplicate_code: string | null;
        duplicate_received_ms: string | null;
      }[]
    >`
    with ref as (
      select
        -- A drill category is for officials logging a drill: to a citizen it does not exist.
        (select id from categories where code = ${row.categoryCode} and is_active
           and (not is_drill or ${row.actorKind}::text = 'official')) as category_id,
        (select id from admin_units
           where code = ${row.communeCode}::text and kind = 'commune' and is_active) as commune_id,
        (select id from hotlines
           where number = ${row.hotlineNumber}::text and is_active) as hotline_id
    ),
    dup as (
      select id, tracking_code, received_at from cases
      where citizen_phone = ${row.citizenPhone}::text
        and text = ${row.text}
        and received_at > ${at}::timestamptz - interval '24 hours'
        and status in ('received', 'triaged', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened')
      order by received_at desc
      limit 1
    ),
    ins as (
      insert into cases (
        tracking_code, type, channel, status, priority, hotline_id, category_id,
        citizen_name, citizen_phone, citizen_email, citizen_address, is_anonymous,
        consent_to_publish,
        text, commune_unit_id, address, latitude, longitude, version, received_at, updated_at,
        owner_token_hash)
      select
        ${row.trackingCode}, ${row.caseType}::case_type, ${row.channel}::channel, 'received',
        ${row.priority}::priority, ref.hotline_id, ref.category_id,
        ${row.citizenName}, ${row.citizenPhone}, ${row.citizenEmail}, ${row.citizenAddress},
        ${row.isAnonymous},
        ${row.consentToPublish}, ${row.text}, ref.commune_id, ${row.address},
        ${row.latitude}::double precision, ${row.longitude}::double precision,
        1, ${at}::timestamptz, ${at}::timestamptz, ${row.ownerTokenHash}::text
      from ref
      where ref.category_id is not null
        and (${row.communeCode}::text is null or ref.commune_id is not null)
        and (${row.hotlineNumber}::text is null or ref.hotline_id is not null)
        and not exists (select 1 from dup)
      returning id, category_id, commune_unit_id, hotline_id
    ),
    ev as (
      insert into case_events (case_id, version, type, payload, actor_kind, actor_official_id, occurred_at)
      select ins.id, 1, 'received',
        jsonb_build_object(
          'caseType', ${row.caseType}::text,
          'channel', ${row.channel}::text,
          'categoryId', ins.category_id,
          'hotlineId', ins.hotline_id,
          'communeUnitId', ins.commune_unit_id,
          'priority', ${row.priority}::text),
        ${row.actorKind}, ${row.actorOfficialId}::uuid, ${at}::timestamptz
      from ins
    ),
    ob as (
      -- The job JOBS.routeCase builds (contracts' job catalog), id and all.
      insert into outbox (queue, job_name, job_id, payload)
      select 'routing', 'route-case', 'route-case-' || ins.id, jsonb_build_object('caseId', ins.id)
      from ins
    ),
    -- The case is open from its receipt (report facts: the span a resolution will close).
    fact as (
      insert into case_report_facts
        (case_id, kind, seq, at, received_at, category_id, channel, hotline_id)
      select ins.id, 'open', 1, ${at}::timestamptz, ${at}::timestamptz, ins.category_id,
        ${row.channel}::channel, ins.hotline_id
      from ins
    )
    select ins.id as case_id, ref.category_id, ref.commune_id, ref.hotline_id,
      dup.id as duplicate_id, dup.tracking_code as duplicate_code,
      (extract(epoch from dup.received_at) * 1000)::bigint::text as duplicate_received_ms
    from ref left join ins on true left join dup on true
  `;
  } catch (err) {
    // A plain INSERT and a caught violation: ON CONFLICT's speculative insertion cost 13 % of
    // intake throughput (measured), for a collision that practically never happens.
    if (isTrackingCodeTaken(err)) return { kind: 'tracking_code_taken' };
    throw err;
  }
  const r = result[0];
  if (!r) throw new Error('intake statement returned no row');
  if (r.case_id) return { kind: 'inserted', caseId: r.case_id };
  if (r.duplicate_id && r.duplicate_code) {
    return {
      kind: 'duplicate',
      caseId: r.duplicate_id,
      trackingCode: r.duplicate_code,
      receivedAt: new Date(Number(r.duplicate_received_ms)),
    };
  }
  const missing: Array<'categoryCode' | 'communeCode' | 'hotlineNumber'> = [];
  if (!r.category_id) missing.push('categoryCode');
  if (row.communeCode !== null && !r.commune_id) missing.push('communeCode');
  if (row.hotlineNumber !== null && !r.hotline_id) missing.push('hotlineNumber');
  return missing.length > 0
    ? { kind: 'unknown_reference', missing }
    : { kind: 'tracking_code_taken' };
}
