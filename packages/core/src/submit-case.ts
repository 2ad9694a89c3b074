import type { CreateCaseBody } from '@hotline/contracts';
import { insertReceivedCase, type RawSql } from '@hotline/db';
import { CASE_TEXT_MIN, formatTrackingCode, normalizeVietnamesePhone } from '@hotline/domain';
import { validationFailed, type FieldProblem } from './errors.js';
import { newOwnerToken } from './follow-up/owner-token.js';
import { takeInCase } from './intake/take-in-case.js';

export interface SubmitCaseDeps {
  /** The raw (prepared-statement) client: intake is the hot path. */
  sql: RawSql;
  /** Source of randomness for tracking codes (crypto in production). */
  randomBytes: (size: number) => Uint8Array;
}

/** A filled-in form and the channel it came by: the web, an operator's call log, an Open311 app. */
export type SubmitCaseCommand = { body: CreateCaseBody } & (
  | { channel: 'web'; actor: { kind: 'citizen' } | { kind: 'official'; officialId: string } }
  | { channel: 'call'; operatorId: string }
  | { channel: 'open311' }
);

export interface SubmittedCase {
  caseId: string;
  trackingCode: string;
  receivedAt: Date;
  /** The secret link token proving ownership, given once; null when linked to an existing case. */
  ownerToken: string | null;
  /** The same text from the same phone within 24 h: this is that earlier open case. */
  isLinked: boolean;
}

const clean = (s: string | undefined) => {
  const v = s?.normalize('NFC').trim();
  return v ? v : null;
};

/** The channel's own part of the intake input. */
function channelOf(cmd: SubmitCaseCommand) {
  switch (cmd.channel) {
    case 'web':
      return { channel: 'web', author: cmd.actor } as const;
    case 'call':
      return { channel: 'call', operatorId: cmd.operatorId } as const;
    case 'open311':
      return { channel: 'open311' } as const;
  }
}

/**
 * Takes in a form: validates and normalises it into the intake's input, and has the one
 * intake (takeInCase) store the case, its `received` event, report facts and routing job in
 * one statement. Nothing touches Redis. Only a hash of the owner token is stored; the same
 * text from the same phone within 24 hours is linked to that open case instead.
 */
export async function submitCase(
  deps: SubmitCaseDeps,
  cmd: SubmitCaseCommand,
  now: Date,
): Promise<SubmittedCase> {
  const { body } = cmd;
  const problems: FieldProblem[] = [];
  const text = clean(body.text) ?? '';
  if (text.length < CASE_TEXT_MIN) {
    problems.push({ field: 'text', reason: 'too_short', params: { min: CASE_TEXT_MIN } });
  }
  let phone: string | null = null;
  if (body.citizen?.phone !== undefined) {
    const r = normalizeVietnamesePhone(body.citizen.phone);
    if (r.ok) phone = r.e164;
    else problems.push({ field: 'citizen.phone', reason: r.reason });
  }
  let hotline: string | null = null;
  if (body.hotline !== undefined) {
    const r = normalizeVietnamesePhone(body.hotline);
    if (r.ok) hotline = r.e164;
    else problems.push({ field: 'hotline', reason: r.reason });
  }
  if (problems.length > 0) throw validationFailed(problems);
  const owner = newOwnerToken(deps.randomBytes);

  const { received, result } = await takeInCase(
    deps,
    {
      ...channelOf(cmd),
      receivedAt: now,
      text,
      hotlineNumber: hotline,
      citizen: {
        name: clean(body.citizen?.name),
        phone,
        email: clean(body.citizen?.email)?.toLowerCase() ?? null,
        address: clean(body.citizen?.address),
      },
      categoryCode: body.categoryCode,
      caseType: body.type ?? null,
      communeCode: body.communeCode ?? null,
      address: clean(body.address),
      location: body.location ?? null,
      isAnonymous: body.isAnonymous ?? false,
      consentToPublish: body.consentToPublish ?? false,
      ownerTokenHash: owner.hash,
    },
    {},
    (c, jobs) => insertReceivedCase(deps.sql, c, jobs),
  );
  switch (result.kind) {
    case 'inserted':
      return {
        caseId: result.caseId,
        trackingCode: formatTrackingCode(received.row.trackingCode),
        receivedAt: now,
        ownerToken: owner.token,
        isLinked: false,
      };
    case 'duplicate':
      return {
        caseId: result.caseId,
        trackingCode: formatTrackingCode(result.trackingCode),
        receivedAt: result.receivedAt,
        ownerToken: null,
        isLinked: true,
      };
    case 'unknown_reference':
      throw validationFailed(
        result.missing.map((field) => ({
          field: field === 'hotlineNumber' ? 'hotline' : field,
          reason:
            field === 'categoryCode'
              ? 'unknown_category'
              : field === 'communeCode'
                ? 'unknown_commune'
                : 'unknown_hotline',
        })),
      );
  }
}
