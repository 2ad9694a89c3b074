import type { CaseStatus } from '@hotline/domain';
import { sql } from 'drizzle-orm';
import type { Executor, RawSql } from '../client.js';
import { inboundMessages } from '../schema/channels.js';
import { isTrackingCodeTaken } from './tracking-code-collision.js';

/** What an inbound SMS became. */
export type InboundOutcome = 'case' | 'joined' | 'information' | 'command' | 'blocked';

/** One inbound SMS as stored; `reply` is what was answered (null: no answer). */
export interface InboundMessageRow {
  provider: string;
  providerMessageId: string;
  fromPhone: string;
  toNumber: string;
  body: string;
  receivedAt: Date;
}

export interface StoredInboundMessage {
  outcome: InboundOutcome;
  caseId: string | null;
  reply: string | null;
}

/** An MMS attachment, kept as a link. */
export interface MediaLink {
  url: string;
  contentType: string;
}

export interface SmsCaseRow extends InboundMessageRow {
  caseId: string;
  trackingCode: string;
  categoryCode: string;
  /** E.164 of the hotline written to, if it parsed. */
  hotlineNumber: string | null;
  citizenPhone: string | null;
  reply: string;
  /** Messages from the same phone to the same number since then may join a case. */
  joinSince: Date;
  media: readonly MediaLink[];
}

export type SmsCaseResult =
  | { kind: 'inserted' }
  /** Nothing written: the caller looks at why (a duplicate first). */
  | {
      kind: 'not_inserted';
      isBlocked: boolean;
      hasCategory: boolean;
      joinable: { caseId: string; trackingCode: string } | null;
    }
  | { kind: 'tracking_code_taken' };

/**
 * The SMS hot path in ONE statement: claims (provider, message id) in `inbound_messages` and
 * writes the new case, its `received` event and open span (report facts), the routing outbox
 * row and MMS links (with the outbox rows of their fetch jobs) — unless the message was seen before (ON CONFLICT: a retried delivery
 * waits for the first, then writes nothing), the sender is blocked, or a recent untouched case from the same phone to the same
 * number should take it (the caller then joins). Runs on the raw client, prepared.
 */
export async function insertSmsCase(raw: RawSql, row: SmsCaseRow): Promise<SmsCaseResult> {
  const at = row.receivedAt.toISOString();
  const since = row.joinSince.toISOString();
  const urls = row.media.map((m) => m.url);
  const types = row.media.map((m) => m.contentType);
  let result;
  try {
    result = await raw<
      {
        claimed: boolean;
        is_blocked: boolean;
        has_category: boolean;
        recent_case_id: string | null;
        recent_tracking_code: string | null;
      }[]
    >`
    with blocked as (
      select exists(select 1 from blocked_phones where phone = ${row.fromPhone}) as is_blocked
    ),
    cat as (select id from categories where code = ${row.categoryCode} and is_active),
    hot as (select id from hotlines where number = ${row.hotlineNumber}::text and is_active),
    recent as (
      select c.id, c.tracking_code
      from inbound_messages im join cases c on c.id = im.case_id
      where im.from_phone = ${row.fromPhone} and im.to_number = ${row.toNumber}
        and im.received_at > ${since}::timestamptz and im.outcome in ('case', 'joined')
        and c.status in ('received', 'triaged')
      order by im.received_at desc
      limit 1
    ),
    claim as (
      insert into inbound_messages (provider, provider_message_id, from_phone, to_number,
        hotline_id, body, outcome, case_id, reply, received_at)
      select ${row.provider}, ${row.providerMessageId}, ${row.fromPhone}, ${row.toNumber},
        (select id from hot), ${row.body}, 'case', ${row.caseId}::uuid, ${row.reply},
        ${at}::timestamptz
      where not (select is_blocked from blocked)
        and not exists (select 1 from recent)
        and exists (select 1 from cat)
      on conflict (provider, provider_message_id) do nothing
      returning id
    ),
    ins as (
      insert into cases (
        id, tracking_code, type, channel, status, priority, hotline_id, category_id,
        citizen_phone, is_anonymous, consent_to_publish, text, version, received_at, updated_at)
      select ${row.caseId}::uuid, ${row.trackingCode}, 'feedback', 'sms', 'received', 'normal',
        (select id from hot), cat.id, ${row.citizenPhone}, false, false, ${row.body}, 1,
        ${at}::timestamptz, ${at}::timestamptz
      from claim, cat
      returning id, category_id, hotline_id
    ),
    ev as (
      insert into case_events (case_id, version, type, payload, actor_kind, occurred_at)
      select ins.id, 1, 'received',
        jsonb_build_object(
          'caseType', 'feedback', 'channel', 'sms', 'categoryId', ins.category_id,
          'hotlineId', ins.hotline_id, 'communeUnitId', null, 'priority', 'normal'),
        'citizen', ${at}::timestamptz
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
      select ins.id, 'open', 1, ${at}::timestamptz, ${at}::timestamptz, ins.category_id, 'sms',
        ins.hotline_id
      from ins
    ),
    att as (
      insert into attachments (case_id, source, file_name, content_type, external_url)
      select ins.id, 'mms', 'mms-' || m.ord, m.content_type, m.url
      from ins, unnest(${urls}::text[], ${types}::text[]) with ordinality as m(url, content_type, ord)
      returning id
    ),
    -- Linked now, fetched and kept by a job (the provider's URLs need credentials, may be slow).
    media_ob as (
      insert into outbox (queue, job_name, job_id, payload)
      select 'media', 'fetch-mms-media', 'fetch-media-' || att.id,
        jsonb_build_object('attachmentId', att.id)
      from att
    )
    select exists(select 1 from claim) as claimed,
      (select is_blocked from blocked) as is_blocked,
      exists(select 1 from cat) as has_category,
      (select id from recent) as recent_case_id,
      (select tracking_code from recent) as recent_tracking_code
  `;
  } catch (err) {
    if (isTrackingCodeTaken(err)) return { kind: 'tracking_code_taken' };
    throw err;
  }
  const r = result[0];
  if (!r) throw new Error('SMS intake statement returned no row');
  if (r.claimed) return { kind: 'inserted' };
  return {
    kind: 'not_inserted',
    isBlocked: r.is_blocked,
    hasCategory: r.has_category,
    joinable:
      r.recent_case_id && r.recent_tracking_code
        ? { caseId: r.recent_case_id, trackingCode: r.recent_tracking_code }
        : null,
  };
}

/** The stored answer to a message seen before, or null. */
export async function findInboundMessage(
  raw: RawSql,
  provider: string,
  providerMessageId: string,
): Promise<StoredInboundMessage | null> {
  const rows = await raw<
    { outcome: InboundOutcome; case_id: string | null; reply: string | null }[]
  >`
    select outcome, case_id, reply from inbound_messages
    where provider = ${provider} and provider_message_id = ${providerMessageId}`;
  const r = rows[0];
  return r ? { outcome: r.outcome, caseId: r.case_id, reply: r.reply } : null;
}

/**
 * Records a message that did not create a case; false when (provider, message id) was stored
 * already. Given a transaction, the record commits with what the message caused.
 */
export async function claimInboundMessage(
  db: Executor,
  row: InboundMessageRow & {
    hotlineNumber: string | null;
    outcome: InboundOutcome;
    caseId: string | null;
    reply: string | null;
  },
): Promise<boolean> {
  const rows = await db
    .insert(inboundMessages)
    .values({
      provider: row.provider,
      providerMessageId: row.providerMessageId,
      fromPhone: row.fromPhone,
      toNumber: row.toNumber,
      hotlineId: sql<string | null>`(select id from hotlines where number = ${row.hotlineNumber})`,
      body: row.body,
      outcome: row.outcome,
      caseId: row.caseId,
      reply: row.reply,
      receivedAt: row.receivedAt,
    })
    .onConflictDoNothing({ target: [inboundMessages.provider, inboundMessages.providerMessageId] })
    .returning({ id: inboundMessages.id });
  return rows.length > 0;
}

export interface SenderCase {
  id: string;
  trackingCode: string;
  status: CaseStatus;
}

/** A case by tracking code, only if the phone is its citizen's (else null: no leak). */
export async function findSenderCase(
  raw: RawSql,
  trackingCode: string,
  phone: string,
): Promise<SenderCase | null> {
  const rows = await raw<{ id: string; tracking_code: string; status: CaseStatus }[]>`
    select id, tracking_code, status from cases
    where tracking_code = ${trackingCode} and citizen_phone = ${phone}`;
  const r = rows[0];
  return r ? { id: r.id, trackingCode: r.tracking_code, status: r.status } : null;
}

/** The phone's most recently changed case waiting for its information, to answer it. */
export async function findAwaitingInformationCase(
  raw: RawSql,
  phone: string,
): Promise<SenderCase | null> {
  const rows = await raw<{ id: string; tracking_code: string; status: CaseStatus }[]>`
    select id, tracking_code, status from cases
    where citizen_phone = ${phone} and status = 'awaiting_citizen'
    order by updated_at desc
    limit 1`;
  const r = rows[0];
  return r ? { id: r.id, trackingCode: r.tracking_code, status: r.status } : null;
}

/** The phone's most recently changed resolved or closed case, to rate. */
export async function findLatestResolvedCase(
  raw: RawSql,
  phone: string,
): Promise<SenderCase | null> {
  const rows = await raw<{ id: string; tracking_code: string; status: CaseStatus }[]>`
    select id, tracking_code, status from cases
    where citizen_phone = ${phone} and status in ('resolved', 'closed')
    order by updated_at desc
    limit 1`;
  const r = rows[0];
  return r ? { id: r.id, trackingCode: r.tracking_code, status: r.status } : null;
}

/** Links MMS media to a case (a joined message's pictures). */
export async function insertMediaLinks(raw: RawSql, caseId: string, media: readonly MediaLink[]) {
  if (media.length === 0) return;
  await raw`
    insert into attachments (case_id, source, file_name, content_type, external_url)
    select ${caseId}::uuid, 'mms', 'mms-' || m.ord, m.content_type, m.url
    from unnest(${media.map((m) => m.url)}::text[], ${media.map((m) => m.contentType)}::text[])
      with ordinality as m(url, content_type, ord)`;
}
