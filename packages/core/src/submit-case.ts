import type { CreateCaseBody } from '@hotline/contracts';
import { insertReceivedCase, type RawSql } from '@hotline/db';
import {
  CASE_TEXT_MIN,
  formatTrackingCode,
  normalizeVietnamesePhone,
  trackingCodeFromBytes,
  type Channel,
} from '@hotline/domain';
import { AppError, validationFailed, type FieldProblem } from './errors.js';
import { newOwnerToken } from './follow-up/owner-token.js';

export interface SubmitCaseDeps {
  /** The raw (prepared-statement) client: intake is the hot path. */
  sql: RawSql;
  /** Source of randomness for tracking codes (crypto in production). */
  randomBytes: (size: number) => Uint8Array;
}

export interface SubmitCaseCommand {
  body: CreateCaseBody;
  channel: Channel;
  actor: { kind: 'citizen' } | { kind: 'official'; officialId: string };
}

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

// A fresh code collides with probability ~n/1.7e10; a few retries make failure impossible in
// practice, and the unique constraint makes a duplicate impossible in any case.
const TRACKING_CODE_ATTEMPTS = 5;

/**
 * Takes in a citizen's case: validates and normalises it, then stores the case, its
 * `received` event and the routing outbox row in one transaction. Nothing touches Redis.
 * Only a hash of the owner token is stored; the same text from the same phone within 24 hours
 * is linked to that open case instead (see insertReceivedCase).
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

  for (let attempt = 0; attempt < TRACKING_CODE_ATTEMPTS; attempt++) {
    const trackingCode = trackingCodeFromBytes(deps.randomBytes(8));
    const result = await insertReceivedCase(deps.sql, {
      trackingCode,
      caseType: body.type ?? 'feedback',
      channel: cmd.channel,
      priority: 'normal',
      categoryCode: body.categoryCode,
      communeCode: body.communeCode ?? null,
      hotlineNumber: hotline,
      citizenName: clean(body.citizen?.name),
      citizenPhone: phone,
      citizenEmail: clean(body.citizen?.email)?.toLowerCase() ?? null,
      citizenAddress: clean(body.citizen?.address),
      isAnonymous: body.isAnonymous ?? false,
      consentToPublish: body.consentToPublish ?? false,
      text,
      address: clean(body.address),
      latitude: body.location?.lat ?? null,
      longitude: body.location?.lng ?? null,
      actorKind: cmd.actor.kind,
      actorOfficialId: cmd.actor.kind === 'official' ? cmd.actor.officialId : null,
      receivedAt: now,
      ownerTokenHash: owner.hash,
    });
    switch (result.kind) {
      case 'inserted':
        return {
          caseId: result.caseId,
          trackingCode: formatTrackingCode(trackingCode),
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
      case 'tracking_code_taken':
        continue;
    }
  }
  throw new AppError('TRACKING_CODE_EXHAUSTED', 'could not allocate a unique tracking code');
}
