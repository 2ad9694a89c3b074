import {
  claimInboundMessage,
  findAwaitingInformationCase,
  findInboundMessage,
  insertOutbox,
  findLatestResolvedCase,
  findSenderCase,
  insertSmsCase,
  tables,
  type Database,
  type InboundMessageRow,
  type InboundOutcome,
  isPhoneBlocked,
  type MediaLink,
  type RawSql,
  type Tx,
} from '@hotline/db';
import {
  foldDiacritics,
  mayJoin,
  mayWithdraw,
  normalizeVietnamesePhone,
  UNCLASSIFIED_CATEGORY_CODE,
  type CaseState,
  type Change,
  type IntakeContext,
} from '@hotline/domain';
import { fetchMediaOutbox } from '../attachments/media-jobs.js';
import { changeCase } from '../change-case.js';
import { takeInCase } from '../intake/take-in-case.js';
import { parseSmsCommand } from './parse-sms-command.js';
import { smsReplies } from './sms-replies.js';

/** SMS cases have no category yet: triage classifies them. */
export const SMS_CATEGORY_CODE = UNCLASSIFIED_CATEGORY_CODE;

export interface ReceiveSmsDeps {
  /** The raw (prepared-statement) client: the webhook is a hot path. */
  sql: RawSql;
  db: Database;
  randomBytes: (size: number) => Uint8Array;
  randomUuid: () => string;
  /** Messages from one phone to one number within this window join one untouched case. */
  joinWindowMs: number;
  /** Answer without diacritics (GSM-7: 160 characters a message instead of 70). */
  foldAscii: boolean;
}

/** One inbound SMS as a gateway delivered it. */
export interface InboundSms {
  provider: string;
  providerMessageId: string;
  from: string;
  to: string;
  text: string;
  media: readonly MediaLink[];
}

/** What the message became, and the answer to send back (null: none). */
export interface SmsAnswer {
  outcome: InboundOutcome;
  caseId: string | null;
  reply: string | null;
  /** True when this (provider, message id) was answered before: nothing new was stored. */
  isDuplicate: boolean;
}

const CITIZEN = { kind: 'citizen' } as const;

/**
 * Takes in an SMS exactly once per (provider, message id): a new case (one statement), a
 * message joined to the sender's recent untouched case, a command (TRA, HUY, a 1–5 rating),
 * or a refusal for a blocked number. Every message is stored with its answer; a retried
 * delivery gets the stored answer and changes nothing.
 */
export async function receiveSms(
  deps: ReceiveSmsDeps,
  sms: InboundSms,
  now: Date,
): Promise<SmsAnswer> {
  const from = phoneOf(sms.from);
  const to = phoneOf(sms.to);
  const text = sms.text.normalize('NFC').trim();
  const say = (s: string) => (deps.foldAscii ? foldDiacritics(s) : s);
  const base: MessageBase = {
    provider: sms.provider,
    providerMessageId: sms.providerMessageId,
    fromPhone: from.value,
    toNumber: to.value,
    hotlineNumber: to.e164,
    body: text,
    receivedAt: now,
  };
  const stored = async (): Promise<SmsAnswer> => {
    const row = await findInboundMessage(deps.sql, sms.provider, sms.providerMessageId);
    if (!row) throw new Error('inbound message neither stored nor claimed');
    return { ...row, isDuplicate: true };
  };
  const record = async (outcome: InboundOutcome, caseId: string | null, reply: string | null) =>
    (await claimInboundMessage(deps.db, { ...base, outcome, caseId, reply }))
      ? { outcome, caseId, reply, isDuplicate: false }
      : stored();

  const command = parseSmsCommand(text);
  if (command.kind !== 'text') {
    const seen = await findInboundMessage(deps.sql, sms.provider, sms.providerMessageId);
    if (seen) return { ...seen, isDuplicate: true };
    if (await isPhoneBlocked(deps.sql, from.value)) return record('blocked', null, null);
  }
  switch (command.kind) {
    case 'status': {
      const c = await findSenderCase(deps.sql, command.code, from.value);
      return c
        ? record('command', c.id, say(smsReplies.status(c.trackingCode, c.status)))
        : record('command', null, say(smsReplies.notFound()));
    }
    case 'withdraw': {
      const c = await findSenderCase(deps.sql, command.code, from.value);
      if (!c) return record('command', null, say(smsReplies.notFound()));
      const answer = await changeUnderLock(deps, c.id, base, (state) =>
        mayWithdraw(state.status)
          ? [say(smsReplies.withdrawn(c.trackingCode)), { type: 'withdrawn' }]
          : [say(smsReplies.cannotWithdraw(c.trackingCode)), null],
      );
      return answer ?? stored();
    }
    case 'rate': {
      const c = await findLatestResolvedCase(deps.sql, from.value);
      if (!c) return record('command', null, say(smsReplies.nothingToRate()));
      const answer = await changeUnderLock(deps, c.id, base, (state) =>
        state.status !== 'resolved' && state.status !== 'closed'
          ? [say(smsReplies.nothingToRate()), null]
          : state.rating !== null
            ? [say(smsReplies.alreadyRated(c.trackingCode)), null]
            : [
                say(smsReplies.rated(c.trackingCode, command.rating)),
                { type: 'rated', rating: command.rating },
              ],
      );
      return answer ?? stored();
    }
    case 'text':
      break;
  }

  // A reply to a request for information answers it, with the MMS media as its files.
  const awaiting = await findAwaitingInformationCase(deps.sql, from.value);
  if (awaiting) {
    const media = sms.media.map((m) => ({ ...m, id: deps.randomUuid() }));
    const answer = await changeUnderLock(deps, awaiting.id, { ...base, media }, (state) =>
      state.status === 'awaiting_citizen' && (text !== '' || media.length > 0)
        ? [
            say(smsReplies.information(awaiting.trackingCode, media.length)),
            {
              type: 'info_provided',
              text,
              ...(media.length > 0 ? { attachmentIds: media.map((m) => m.id) } : {}),
            },
            'information',
          ]
        : null,
    );
    if (answer) return answer;
    // The case moved on meanwhile (or a retried delivery): intake below decides.
  }

  // A message joins its sender's recent case once at most: when that case moved on meanwhile,
  // the message starts a case of its own.
  let context: IntakeContext = { joinWindowMs: deps.joinWindowMs };
  for (let round = 0; round < 2; round++) {
    const media = sms.media.map((m) => ({ ...m, id: deps.randomUuid() }));
    let reply = '';
    const { received, result } = await takeInCase(
      deps,
      {
        channel: 'sms',
        receivedAt: now,
        text,
        hotlineNumber: to.e164,
        citizen: { name: null, phone: from.value, email: null, address: null },
      },
      context,
      (c, jobs) => {
        reply = say(smsReplies.received(c.row.trackingCode));
        return insertSmsCase(deps.sql, {
          ...base,
          received: c,
          jobs: [...jobs, ...media.map((m) => fetchMediaOutbox(m.id))],
          reply,
          joins: c.joins,
          media,
        });
      },
    );
    if (result.kind === 'inserted') {
      return { outcome: 'case', caseId: received.row.id, reply, isDuplicate: false };
    }
    const seen = await findInboundMessage(deps.sql, sms.provider, sms.providerMessageId);
    if (seen) return { ...seen, isDuplicate: true };
    if (result.isBlocked) return record('blocked', null, null);
    if (!result.joinable) {
      if (!result.hasCategory) {
        throw new Error(`category "${received.references.categoryCode}" for SMS cases is missing`);
      }
      break;
    }
    const { caseId: joinId, trackingCode: joinCode } = result.joinable;
    const answer = await changeUnderLock(deps, joinId, { ...base, media }, (state) =>
      mayJoin(state.status)
        ? [
            say(smsReplies.joined(joinCode)),
            { type: 'message_added', text, channel: 'sms' },
            'joined',
          ]
        : null,
    );
    if (answer) return answer;
    context = {};
  }
  throw new Error('inbound SMS neither stored, joined nor seen before');
}

type MessageBase = InboundMessageRow & { hotlineNumber: string | null };
/** A media link with the id its attachment row will have. */
type NamedMedia = MediaLink & { id: string };
type Decision = [reply: string, change: Change | null, outcome?: InboundOutcome] | null;

/**
 * Decides on the locked case and records the message in the same transaction, so a retried
 * delivery racing this one waits on the unique key and then finds the stored answer. Null when
 * the decision is null (nothing recorded).
 */
async function changeUnderLock(
  deps: ReceiveSmsDeps,
  caseId: string,
  base: MessageBase & { media?: readonly NamedMedia[] },
  decide: (state: CaseState) => Decision,
): Promise<SmsAnswer | null> {
  let answer: SmsAnswer | null = null;
  let isDuplicate = false;
  await changeCase(
    { db: deps.db },
    caseId,
    async (state, _current, tx: Tx) => {
      const d = decide(state);
      if (!d) return null;
      const [reply, change, outcome = 'command'] = d;
      const { media = [], ...row } = base;
      if (!(await claimInboundMessage(tx, { ...row, outcome, caseId, reply }))) {
        isDuplicate = true;
        return null;
      }
      if (media.length > 0) {
        // Linked now, fetched by a job: the provider's URLs need credentials and may be slow.
        await tx.insert(tables.attachments).values(
          media.map((m, i) => ({
            id: m.id,
            caseId,
            source: 'mms',
            fileName: `mms-${i + 1}`,
            contentType: m.contentType,
            externalUrl: m.url,
          })),
        );
        await insertOutbox(
          tx,
          media.map((m) => fetchMediaOutbox(m.id)),
        );
      }
      answer = { outcome, caseId, reply, isDuplicate: false };
      return change;
    },
    CITIZEN,
    base.receivedAt,
  );
  if (isDuplicate) {
    const row = await findInboundMessage(deps.sql, base.provider, base.providerMessageId);
    if (row) return { ...row, isDuplicate: true };
  }
  return answer;
}

/** E.164 when the number is Vietnamese and valid; otherwise kept as received, never dropped. */
function phoneOf(input: string): { value: string; e164: string | null } {
  const r = normalizeVietnamesePhone(input);
  return r.ok ? { value: r.e164, e164: r.e164 } : { value: input.trim(), e164: null };
}
