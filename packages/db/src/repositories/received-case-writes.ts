import type postgres from 'postgres';
import type { ReceivedCase } from '@hotline/domain';
import type { RawSql } from '../client.js';
import type { NewOutboxMessage } from './outbox.repository.js';
import { factColumns } from './report-facts.repository.js';

/** Where the new case's reference ids come from, inside the statement. */
export interface ResolvedReferences {
  /** Rows the case is inserted from: none, and nothing is written. */
  from: postgres.Fragment;
  categoryId: postgres.Fragment;
  hotlineId: postgres.Fragment;
  communeUnitId: postgres.Fragment;
}

/**
 * The CTEs that store a received case as the domain decided it (receiveCase): `ins` (the case
 * row), `ev` (its `received` event), `fact` (its report facts) and `ob` (its jobs' outbox
 * rows). Every value comes from the domain; the statement only resolves the references to
 * ids, and `ins` returns `id, category_id, commune_unit_id, hotline_id` for what follows it.
 */
export function receivedCaseCtes(
  raw: RawSql,
  c: ReceivedCase,
  jobs: readonly NewOutboxMessage[],
  refs: ResolvedReferences,
): postgres.Fragment {
  const { row, received } = c;
  const at = row.receivedAt.toISOString();
  const actor = received.actor;
  const { type, ...payload } = received.event;
  const facts = c.reportFacts.map(factColumns);
  const outbox = jobs.map((m) => ({
    queue: m.queue,
    job_name: m.jobName,
    job_id: m.jobId,
    // Job payloads are the catalog's TypeBox objects: JSON by construction.
    payload: m.payload as postgres.JSONValue,
    run_at: m.runAt,
  }));
  return raw`
    ins as (
      insert into cases (
        id, tracking_code, type, channel, status, priority, hotline_id, category_id,
        commune_unit_id, citizen_name, citizen_phone, citizen_email, citizen_address,
        is_anonymous, consent_to_publish, text, address, latitude, longitude, version,
        received_at, updated_at, owner_token_hash)
      select
        ${row.id}::uuid, ${row.trackingCode}, ${row.caseType}::case_type, ${row.channel}::channel,
        ${row.status}::case_status, ${row.priority}::priority, ${refs.hotlineId},
        ${refs.categoryId}, ${refs.communeUnitId}, ${row.citizenName}::text,
        ${row.citizenPhone}::text, ${row.citizenEmail}::text, ${row.citizenAddress}::text,
        ${row.isAnonymous}, ${row.consentToPublish}, ${row.text}, ${row.address}::text,
        ${row.latitude}::double precision, ${row.longitude}::double precision, ${row.version},
        ${at}::timestamptz, ${row.updatedAt.toISOString()}::timestamptz,
        ${row.ownerTokenHash}::text
      ${refs.from}
      returning id, category_id, commune_unit_id, hotline_id
    ),
    ev as (
      insert into case_events
        (case_id, version, type, payload, actor_kind, actor_official_id, actor_process, occurred_at)
      select ins.id, ${received.version}, ${type},
        ${raw.json(payload)}::jsonb || jsonb_build_object('categoryId', ins.category_id,
          'hotlineId', ins.hotline_id, 'communeUnitId', ins.commune_unit_id),
        ${actor.kind}, ${actor.kind === 'official' ? actor.officialId : null}::uuid,
        ${actor.kind === 'system' ? actor.process : null}::text,
        ${received.at.toISOString()}::timestamptz
      from ins
    ),
    fact as (
      insert into case_report_facts (case_id, kind, seq, at, until, working_ms, is_on_time,
        rating, was_reopened, due_at, received_at, unit_id, assignee_id, category_id, channel,
        hotline_id)
      select ins.id, f.kind, f.seq, f.at, f.until, f.working_ms, f.is_on_time, f.rating,
        f.was_reopened, f.due_at, ${at}::timestamptz, f.unit_id, f.assignee_id, ins.category_id,
        ${row.channel}::channel, ins.hotline_id
      from ins, jsonb_to_recordset(${raw.json(facts)}::jsonb) as f(kind text, seq int,
        at timestamptz, until timestamptz, working_ms bigint, is_on_time boolean,
        rating smallint, was_reopened boolean, due_at timestamptz, unit_id uuid, assignee_id uuid)
    ),
    ob as (
      insert into outbox (queue, job_name, job_id, payload, run_at)
      select m.queue, m.job_name, m.job_id, m.payload, m.run_at
      from ins, jsonb_to_recordset(${raw.json(outbox)}::jsonb)
        as m(queue text, job_name text, job_id text, payload jsonb, run_at timestamptz)
    )`;
}
