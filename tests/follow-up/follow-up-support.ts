import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { approvePublication, changeCase, routeCase, submitCase } from '@hotline/core';
import { tables, type Database } from '@hotline/db';
import type { Principal } from '@hotline/domain';
import type { TestSystem } from '../support/system.js';

export interface Officials {
  handler: Principal & { kind: 'official' };
  leader: Principal & { kind: 'official' };
}

/** A handler and a leader in the triage unit, where routing sends cases without rules. */
export async function addTriageOfficials(sys: TestSystem): Promise<Officials> {
  const unitId = sys.province.triageUnitId;
  const scope = new Set([unitId]);
  const [h, l] = await sys.database.db
    .insert(tables.officials)
    .values([
      { unitId, fullName: 'Phạm Văn Xử Lý', email: 'handler@fu.gov.vn', roles: ['handler'] },
      { unitId, fullName: 'Lê Lãnh Đạo', email: 'lead@fu.gov.vn', roles: ['unit_leader'] },
    ])
    .returning();
  return {
    handler: { kind: 'official', officialId: h!.id, roles: ['handler'], scopeUnitIds: scope },
    leader: { kind: 'official', officialId: l!.id, roles: ['unit_leader'], scopeUnitIds: scope },
  };
}

export type Stage = 'received' | 'assigned' | 'awaiting_citizen' | 'resolved';

/**
 * A case submitted through the use case at `at` (so its history can lie in the past) and
 * driven by officials to `stage`, a minute per step. Returns its code and owner token.
 */
export async function caseAt(
  sys: TestSystem,
  officials: Officials,
  stage: Stage,
  opts: {
    at?: Date;
    text?: string;
    phone?: string;
    consentToPublish?: boolean;
    /** Approved for publication by the unit's leader once resolved (needs consent). */
    published?: boolean;
  } = {},
) {
  const db: Database = sys.database.db;
  let t = (opts.at ?? new Date()).getTime();
  const next = () => new Date((t += 60_000));
  const submitted = await submitCase(
    { sql: sys.database.raw, randomBytes },
    {
      body: {
        categoryCode: 'moi-truong',
        text: opts.text ?? `Rác thải đổ trộm ven sông, lần ${Math.random()}.`,
        ...(opts.phone ? { citizen: { phone: opts.phone } } : {}),
        ...(opts.consentToPublish ? { consentToPublish: true } : {}),
      },
      channel: 'web',
      actor: { kind: 'citizen' },
    },
    new Date(t),
  );
  const { caseId } = submitted;
  const deps = { db };
  if (stage !== 'received') {
    await routeCase(deps, caseId, next());
    const assigneeId = officials.handler.officialId;
    await changeCase(deps, caseId, { type: 'assigned', assigneeId }, officials.leader, next());
  }
  if (stage === 'awaiting_citizen' || stage === 'resolved') {
    await changeCase(deps, caseId, { type: 'accepted' }, officials.handler, next());
  }
  if (stage === 'awaiting_citizen') {
    const question = 'Xin cho biết vị trí chính xác?';
    await changeCase(deps, caseId, { type: 'info_requested', question }, officials.handler, next());
  }
  if (stage === 'resolved') {
    const resolutionText = 'Đã thu gom. Liên hệ cán bộ: 0987 654 321 hoặc canbo@xa.gov.vn.';
    await changeCase(deps, caseId, { type: 'resolved', resolutionText }, officials.handler, next());
    if (opts.published) {
      const leader = officials.leader;
      const unitId = sys.province.triageUnitId;
      await approvePublication(
        deps,
        { principal: leader, unitId, scopes: 'all', via: 'session' },
        caseId,
        {},
        next(),
      );
    }
  }
  return { caseId, trackingCode: submitted.trackingCode, token: submitted.ownerToken! };
}

/** The newest one-time code texted for a case (the notifications row the worker sends). */
export async function latestOtp(db: Database, caseId: string): Promise<string | null> {
  const rows = await db
    .select({ body: tables.notifications.body, createdAt: tables.notifications.createdAt })
    .from(tables.notifications)
    .where(eq(tables.notifications.caseId, caseId));
  const otp = rows
    .filter((r) => /Mã xác nhận/.test(r.body))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return otp?.body.match(/: (\d{6})\./)?.[1] ?? null;
}

/** A POST with proof headers and a JSON body. */
export async function post(
  baseUrl: string,
  path: string,
  body: unknown,
  proof: { token?: string; otp?: string } = {},
) {
  const res = await fetch(baseUrl + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(proof.token ? { 'x-case-token': proof.token } : {}),
      ...(proof.otp ? { 'x-case-otp': proof.otp } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : null) as Record<string, unknown>,
  };
}
