import type { CaseStatus, JoinLookup, ReceivedCase } from '@hotline/domain';
import { sql } from 'drizzle-orm';
import type { Executor, RawSql } from '../client.js';
import { inboundMessages } from '../schema/channels.js';
import type { NewOutboxMessage } from './outbox.repository.js';
import { receivedCaseCtes } from './received-case-writes.js';
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
  /** The case the domain received from the message (receiveCase, channel `sms`). */
  received: ReceivedCase;
  /** Its jobs and the media's fetch jobs, as outbox rows. */
  jobs: readonly NewOutboxMessage[];
  reply: string;
  /** Look for a recent case the message joins (null: it starts one whatever came before). */
  joins: JoinLookup | null;
  /** MMS media with the ids their attachment rows get. */
  media: readonly (MediaLink & { id: string })[];
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
 * stores the case the domain received (receivedCaseCtes) with the MMS links — unless the
 * message was seen before (ON CONFLICT: a retried delivery waits for the first, then writes
 * nothing), the sender is blocked, or a recent case from the same phone to the same number in
 * a status the domain says a message joins should take it (the caller then joins). Runs on
 * the raw client, prepared.
 */
export async function insertSmsCase(raw: RawSql, row: SmsCaseRow): Promise<SmsCaseResult> {
  const { references: r } = row.received;
  const caseId = row.received.row.id;
  const at = row.receivedAt.toISOString();
  const ids = row.media.map((m) => m.id);
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
    cat as (
      select id from categories where code = ${r.categoryCode} and is_active
        and (not is_drill or ${r.mayUseDrillCategory}::boolean)
    ),
    hot as (select id from hotlines where number = ${r.hotlineNumber}::text and is_active),
    recent as (
      select c.id, c.tracking_code
      from inbound_messages im join cases c on c.id = im.case_id
      where im.from_phone = ${row.fromPhone} and im.to_number = ${row.toNumber}
        and im.received_at > ${row.joins?.since.toISOString() ?? null}::timestamptz
        and im.outcome in ('case', 'joined')
        and c.status::text = any(${row.joins ? [...row.joins.statuses] : []}::text[])
      order by im.received_at desc
      limit 1
    ),
    claim as (
      insert into inbound_messages (provider, provider_message_id, from_phone, to_number,
        hotline_id, body, outcome, case_id, reply, received_at)
      select ${row.provider}, ${row.providerMessageId}, ${row.fromPhone}, ${row.toNumber},
        (select id from hot), ${row.body}, 'case', ${caseId}::uuid, ${row.reply},
        ${at}::timestamptz
      where not (select is_blocked from blocked)
        and not exists (select 1 from recent)
        and exists (select 1 from cat)
      on conflict (provider, provider_message_id) do nothing
      returning id
    ),
    ${receivedCaseCtes(raw, row.received, row.jobs, {
      from: raw`from claim, cat`,
      categoryId: raw`cat.id`,
      hotlineId: raw`(select id from hot)`,
      communeUnitId: raw`(select id from admin_units
        where code = ${r.communeCode}::text and kind = 'commune' and is_active)`,
    })},
    -- Linked now, fetched and kept by a job (the provider's URLs need credentials, may be slow).
    att as (
      insert into attachments (id, case_id, source, file_name, content_type, external_url)
      select m.id::uuid, ins.id, 'mms', 'mms-' || m.ord, m.content_type, m.url
      from ins, unnest(${ids}::text[], ${urls}::text[], ${types}::text[])
        with ordinality as m(id, url, content_type, ord)
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
  const res = result[0];
  if (!res) throw new Error('SMS intake statement returned no row');
  if (res.claimed) return { kind: 'inserted' };
  return {
    kind: 'not_inserted',
    isBlocked: res.is_blocked,
    hasCategory: res.has_category,
    joinable:
      res.recent_case_id && res.recent_tracking_code
        ? { caseId: res.recent_case_id, trackingCode: res.recent_tracking_code }
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
