import { insertAuthEvent, type Executor } from '@hotline/db';
import type { ClientInfo } from './session-store.js';

/** What auth_events.kind records. */
export type AuthEventKind =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_blocked'
  | 'locked'
  | 'sign_out'
  | 'session_revoked'
  | 'sessions_revoked'
  | 'totp_enrolment_started'
  | 'totp_enabled'
  | 'recovery_code_used'
  | 'recovery_codes_renewed'
  | 'password_changed'
  | 'password_reset'
  | 'totp_reset';

/** Appends one audit row (never a password or a code). */
export const recordAuthEvent = (
  db: Executor,
  kind: AuthEventKind,
  who: { officialId: string | null; identifier?: string; byOfficialId?: string | null },
  client: ClientInfo,
) =>
  insertAuthEvent(db, {
    kind,
    officialId: who.officialId,
    identifier: who.identifier ?? null,
    byOfficialId: who.byOfficialId ?? null,
    ip: client.ip,
    userAgent: client.userAgent,
  });
