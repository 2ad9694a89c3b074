/** Where a request came from, for the session list and the audit trail. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** A signed-in session as stored server-side (never the session token itself). */
export interface SessionRecord {
  officialId: string;
  createdAt: number;
  lastSeenAt: number;
  ip: string | null;
  userAgent: string | null;
  /** Synchronizer token: state-changing requests with the cookie must echo it. */
  csrfToken: string;
}

/** A session by its public id (a hash of the token; the token is only in the cookie). */
export interface StoredSession {
  id: string;
  record: SessionRecord;
}

/** Officials' sessions, revocable at once (the Redis store in the API implements it). */
export interface SessionStore {
  create(
    officialId: string,
    client: ClientInfo,
    now: Date,
  ): Promise<{ token: string } & StoredSession>;
  /** The live session for a cookie's token, its idle clock restarted; null when expired. */
  touch(token: string, now: Date): Promise<StoredSession | null>;
  listFor(officialId: string, now: Date): Promise<StoredSession[]>;
  revoke(officialId: string, id: string): Promise<boolean>;
  /** Revokes every session of the official but `exceptId`; returns how many. */
  revokeAll(officialId: string, exceptId?: string): Promise<number>;
}
