import type { LogCallBody } from '@hotline/contracts';
import {
  inTransaction,
  insertCallLog,
  listOpenCasesOfPhone,
  type Database,
  type RawSql,
} from '@hotline/db';
import { formatTrackingCode, normalizeVietnamesePhone, type Lang } from '@hotline/domain';
import { AppError, validationFailed, type FieldProblem } from '../errors.js';
import { requireAccess } from '../access.js';
import type { TokenPrincipal } from '../official-tokens/official-tokens.js';
import { submitCase, type SubmittedCase } from '../submit-case.js';

const CLOCK_SKEW_MS = 5 * 60_000;
const LONGEST_CALL_MS = 24 * 3600_000;

export interface LogCallDeps {
  /** The raw (prepared-statement) client, as intake uses. */
  sql: RawSql;
  randomBytes: (size: number) => Uint8Array;
}

/**
 * A call an operator took becomes a case with channel `call` and the operator as its author,
 * with the call's details (times, numbers, recording) kept beside it, in one transaction.
 */
export async function logCall(
  deps: LogCallDeps,
  who: TokenPrincipal,
  body: LogCallBody,
  now: Date,
): Promise<SubmittedCase> {
  requireAccess(who, 'calls.log');
  const startedAt = new Date(body.startedAt);
  const endedAt = new Date(body.endedAt);
  const problems: FieldProblem[] = [];
  if (startedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    problems.push({ field: 'startedAt', reason: 'in_future' });
  }
  if (endedAt < startedAt) problems.push({ field: 'endedAt', reason: 'before_start' });
  else if (endedAt.getTime() - startedAt.getTime() > LONGEST_CALL_MS) {
    problems.push({ field: 'endedAt', reason: 'call_too_long' });
  }
  if (problems.length > 0) throw validationFailed(problems);

  return inTransaction(deps.sql, async (sql) => {
    const submitted = await submitCallAsCase({ ...deps, sql }, who, body, now);
    const caller = body.callerNumber ? normalizeVietnamesePhone(body.callerNumber) : null;
    const hotline = normalizeVietnamesePhone(body.hotline);
    await insertCallLog(sql, {
      caseId: submitted.caseId,
      operatorId: who.principal.officialId,
      callerPhone: caller?.ok ? caller.e164 : null,
      hotlineNumber: hotline.ok ? hotline.e164 : null,
      startedAt,
      endedAt,
      recordingUrl: body.recordingUrl ?? null,
    });
    return submitted;
  });
}

// Intake names fields as the web form does; an operator must hear about the call's own fields.
const CALL_FIELD: Record<string, string> = {
  text: 'summary',
  'citizen.phone': 'callerNumber',
  'citizen.name': 'citizenName',
  'citizen.address': 'citizenAddress',
};

async function submitCallAsCase(
  deps: LogCallDeps,
  who: TokenPrincipal,
  body: LogCallBody,
  now: Date,
): Promise<SubmittedCase> {
  try {
    return await submitCase(
      deps,
      {
        body: {
          categoryCode: body.categoryCode,
          text: body.summary,
          hotline: body.hotline,
          ...(body.type ? { type: body.type } : {}),
          ...(body.communeCode ? { communeCode: body.communeCode } : {}),
          ...(body.address ? { address: body.address } : {}),
          ...(body.isAnonymous !== undefined ? { isAnonymous: body.isAnonymous } : {}),
          ...(body.consentToPublish !== undefined
            ? { consentToPublish: body.consentToPublish }
            : {}),
          citizen: {
            ...(body.callerNumber ? { phone: body.callerNumber } : {}),
            ...(body.citizenName ? { name: body.citizenName } : {}),
            ...(body.citizenAddress ? { address: body.citizenAddress } : {}),
          },
        },
        channel: 'call',
        operatorId: who.principal.officialId,
      },
      now,
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
      throw validationFailed(
        err.problems.map((p) => ({ ...p, field: CALL_FIELD[p.field] ?? p.field })),
      );
    }
    throw err;
  }
}

/** The caller's open cases, for the operator on the line. */
export async function findCallerCases(
  deps: { db: Database },
  who: TokenPrincipal,
  phone: string,
  lang: Lang = 'vi',
) {
  requireAccess(who, 'calls.log');
  const normalized = normalizeVietnamesePhone(phone);
  if (!normalized.ok) throw validationFailed([{ field: 'phone', reason: normalized.reason }]);
  const rows = await listOpenCasesOfPhone(deps.db, normalized.e164, undefined, lang);
  return {
    phone: normalized.e164,
    cases: rows.map((r) => ({
      ...r,
      trackingCode: formatTrackingCode(r.trackingCode),
      receivedAt: r.receivedAt.toISOString(),
      resolutionDueAt: r.resolutionDueAt?.toISOString() ?? null,
    })),
  };
}
