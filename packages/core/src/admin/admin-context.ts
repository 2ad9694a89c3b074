import { insertAdminAudit, type Database, type Executor } from '@hotline/db';
import { AppError } from '../errors.js';

/** What administration needs: the database. */
export interface AdminDeps {
  db: Database;
}

/**
 * The acting administrator's official id. Over HTTP it is always an official (a signed-in
 * administrator or an admin-scoped token); null only for commands run on the server itself
 * (seeding, the `hotline` CLI).
 */
export type AdminActor = string | null;

/** Records one change in `admin_audit`, in the transaction that made it. */
export function audit(
  db: Executor,
  by: AdminActor,
  action: string,
  entity: string,
  entityId: string,
  before: unknown,
  after: unknown,
) {
  return insertAdminAudit(db, [{ officialId: by, action, entity, entityId, before, after }]);
}

/** A unique index refused the write (two requests raced past the check). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Runs a write; a unique violation becomes a 409 with `message`. */
export async function uniquely<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', message, [], { cause: err });
    throw err;
  }
}

/** Only the keys given: a patch body with `undefined` removed. */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** An English name as stored: trimmed, and null when absent or blank (the Vietnamese is shown). */
export function englishName(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
