import { findOfficialCredentials, type Database } from '@hotline/db';
import { audit } from '../admin/admin-context.js';
import { AppError } from '../errors.js';
import { recordAuthEvent } from './auth-events.js';
import type { ClientInfo, SessionStore, StoredSession } from './session-store.js';

type Deps = { db: Database; sessions: SessionStore };

/** Ends the session of this request. */
export async function signOut(deps: Deps, session: StoredSession, client: ClientInfo) {
  await deps.sessions.revoke(session.record.officialId, session.id);
  await recordAuthEvent(deps.db, 'sign_out', { officialId: session.record.officialId }, client);
}

/** The official's own live sessions, newest first, the current one marked. */
export async function listOwnSessions(deps: Deps, current: StoredSession, now: Date) {
  const all = await deps.sessions.listFor(current.record.officialId, now);
  return all
    .sort((a, b) => b.record.createdAt - a.record.createdAt)
    .map((s) => ({
      id: s.id,
      createdAt: new Date(s.record.createdAt).toISOString(),
      lastSeenAt: new Date(s.record.lastSeenAt).toISOString(),
      ip: s.record.ip,
      userAgent: s.record.userAgent,
      isCurrent: s.id === current.id,
    }));
}

/** Revokes one of the official's own sessions. */
export async function revokeOwnSession(
  deps: Deps,
  officialId: string,
  sessionId: string,
  client: ClientInfo,
) {
  if (!(await deps.sessions.revoke(officialId, sessionId))) {
    throw new AppError('SESSION_NOT_FOUND', `no live session ${sessionId}`);
  }
  await recordAuthEvent(deps.db, 'session_revoked', { officialId }, client);
}

/** An administrator signs an official out everywhere, at once. */
export async function revokeOfficialSessions(
  deps: Deps,
  officialId: string,
  byOfficialId: string | null,
  client: ClientInfo,
) {
  if (!(await findOfficialCredentials(deps.db, officialId))) {
    throw new AppError('OFFICIAL_NOT_FOUND', `official ${officialId} not found`);
  }
  return deps.db.transaction(async (tx) => {
    await recordAuthEvent(tx, 'sessions_revoked', { officialId, byOfficialId }, client);
    // Sessions live in Redis, outside the transaction: revoked just before the commit, so a
    // Redis failure leaves no record of a revocation that did not happen.
    const revoked = await deps.sessions.revokeAll(officialId);
    await audit(tx, byOfficialId, 'official.sessions_revoke', 'official', officialId, null, {
      revokedSessions: revoked,
    });
    return { revoked };
  });
}
