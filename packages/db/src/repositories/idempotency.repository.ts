import { sql } from 'drizzle-orm';
import type { Executor, RawSql } from '../client.js';

/** A stored first answer, as the table holds it (see schema/idempotency.ts). */
export interface StoredIdempotentResponse {
  fingerprint: string;
  statusCode: number;
  response: string;
}

export interface IdempotencyClaim {
  /** False when another transaction holds the key: its request is still running. */
  isLocked: boolean;
  /** The answer already given under this key, if it is younger than `liveAfter`. */
  stored: StoredIdempotentResponse | null;
}

// The advisory lock's first half: a class of its own, so it never meets another lock's key.
const IDEMPOTENCY_LOCK_CLASS = 0x69646b; // "idk"

/**
 * Takes the key for this transaction (without waiting: a request still running under it keeps
 * it until its transaction ends) and reads the answer already stored under it, in one round
 * trip. The lock is transaction-scoped, so a process that dies mid-request frees it.
 */
export async function claimIdempotencyKey(
  tx: RawSql,
  key: { scope: string; keyHash: string; liveAfter: Date },
): Promise<IdempotencyClaim> {
  const rows = await tx<
    {
      locked: boolean;
      fingerprint: string | null;
      status_code: number | null;
      response: string | null;
    }[]
  >`
    select pg_try_advisory_xact_lock(${IDEMPOTENCY_LOCK_CLASS}::int,
             hashtext(${key.scope} || ' ' || ${key.keyHash})) as locked,
           k.fingerprint, k.status_code, k.response
    from (select 1) one
    left join idempotency_keys k
      on k.scope = ${key.scope} and k.key_hash = ${key.keyHash}
     and k.created_at > ${key.liveAfter.toISOString()}::timestamptz
  `;
  const r = rows[0];
  if (!r) throw new Error('idempotency claim returned no row');
  return {
    isLocked: r.locked,
    stored:
      r.fingerprint !== null && r.status_code !== null && r.response !== null
        ? { fingerprint: r.fingerprint, statusCode: r.status_code, response: r.response }
        : null,
  };
}

/**
 * Stores the answer in the caller's transaction (the one that created what it describes). An
 * expired row under the same key is replaced; false when a live one is there already (another
 * request committed it between the claim's snapshot and its lock): the caller rolls back.
 */
export async function saveIdempotentResponse(
  tx: RawSql,
  row: StoredIdempotentResponse & {
    scope: string;
    keyHash: string;
    createdAt: Date;
    liveAfter: Date;
  },
): Promise<boolean> {
  const saved = await tx`
    insert into idempotency_keys (scope, key_hash, fingerprint, status_code, response, created_at)
    values (${row.scope}, ${row.keyHash}, ${row.fingerprint}, ${row.statusCode}, ${row.response},
      ${row.createdAt.toISOString()}::timestamptz)
    on conflict (scope, key_hash) do update
      set fingerprint = excluded.fingerprint, status_code = excluded.status_code,
          response = excluded.response, created_at = excluded.created_at
      where idempotency_keys.created_at <= ${row.liveAfter.toISOString()}::timestamptz
    returning 1
  `;
  return saved.length === 1;
}

/** Deletes up to `limit` answers stored before `before`; returns how many. */
export async function deleteExpiredIdempotencyKeys(
  db: Executor,
  before: Date,
  limit: number,
): Promise<number> {
  const deleted = await db.execute(sql`
    delete from idempotency_keys
    where ctid = any(array(
      select ctid from idempotency_keys
      where created_at <= ${before.toISOString()}::timestamptz
      limit ${limit}))
  `);
  return deleted.count;
}
