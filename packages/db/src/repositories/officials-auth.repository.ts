import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { OfficialRole } from '@hotline/domain';
import type { Executor } from '../client.js';
import { authEvents, officials } from '../schema/index.js';
import { oncePerHandle } from '../prepared.js';
import { officialScopeColumns } from './case-scope.repository.js';
import { deleteRecoveryCodes } from './totp-recovery-codes.repository.js';

/** What sign-in needs to know about an official. */
export interface OfficialCredentials {
  id: string;
  unitId: string;
  fullName: string;
  email: string;
  username: string | null;
  roles: OfficialRole[];
  isActive: boolean;
  passwordHash: string | null;
  mustChangePassword: boolean;
  totpSecret: string | null;
  totpEnabled: boolean;
  /** The last TOTP time step accepted; null before the first. */
  totpLastStep: number | null;
}

const columns = {
  id: officials.id,
  unitId: officials.unitId,
  fullName: officials.fullName,
  email: officials.email,
  username: officials.username,
  roles: officials.roles,
  isActive: officials.isActive,
  passwordHash: officials.passwordHash,
  mustChangePassword: officials.mustChangePassword,
  totpSecret: officials.totpSecret,
  totpEnabled: officials.totpEnabled,
  totpLastStep: officials.totpLastStep,
};

/** An official by e-mail address (case-insensitive) or username. */
export async function findOfficialByLogin(
  db: Executor,
  login: string,
): Promise<OfficialCredentials | null> {
  const [row] = await db
    .select(columns)
    .from(officials)
    .where(or(sql`lower(${officials.email}) = lower(${login})`, eq(officials.username, login)))
    .limit(1);
  return row ?? null;
}

export async function findOfficialCredentials(
  db: Executor,
  officialId: string,
): Promise<OfficialCredentials | null> {
  const [row] = await db.select(columns).from(officials).where(eq(officials.id, officialId));
  return row ?? null;
}

/** What a signed-in session's request needs of its official (kept in CredentialCache). */
export interface OfficialPrincipalRow {
  id: string;
  unitId: string;
  roles: OfficialRole[];
  isActive: boolean;
  mustChangePassword: boolean;
  /** A unit leader's subtree, else null (officialScopeColumns). */
  scopeUnitIds: string[] | null;
  /** A hotline owner's hotlines, else null. */
  scopeHotlineIds: string[] | null;
}

/**
 * An official with what their scope needs; no secrets (hash, TOTP), since it is kept in
 * memory. Every cookie request runs this: built once (prepared.ts).
 */
export async function findOfficialPrincipal(
  db: Executor,
  officialId: string,
): Promise<OfficialPrincipalRow | null> {
  const statement = oncePerHandle(db, 'official-principal', () =>
    db
      .select({
        id: officials.id,
        unitId: officials.unitId,
        roles: officials.roles,
        isActive: officials.isActive,
        mustChangePassword: officials.mustChangePassword,
        ...officialScopeColumns,
      })
      .from(officials)
      .where(eq(officials.id, sql.placeholder('officialId')))
      .prepare('official_principal'),
  );
  const [row] = await statement.execute({ officialId });
  return row ?? null;
}

/**
 * Records a TOTP step as used, only if it comes after the last one: false when another sign-in
 * took this step (or a later one) first, so two requests racing with one code cannot both win.
 */
export async function takeTotpStep(db: Executor, officialId: string, step: number) {
  const rows = await db
    .update(officials)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(officials.id, officialId),
        or(isNull(officials.totpLastStep), lt(officials.totpLastStep, step)),
      ),
    )
    .returning({ id: officials.id });
  return rows.length > 0;
}

export async function setOfficialPassword(
  db: Executor,
  officialId: string,
  passwordHash: string,
  mustChangePassword: boolean,
) {
  await db
    .update(officials)
    .set({ passwordHash, mustChangePassword })
    .where(eq(officials.id, officialId));
}

/** Stores a new (still unconfirmed) TOTP secret, already encrypted. */
export async function setOfficialTotpSecret(db: Executor, officialId: string, secret: string) {
  await db
    .update(officials)
    .set({ totpSecret: secret, totpEnabled: false })
    .where(eq(officials.id, officialId));
}

/** Forgets an official's second factor and its recovery codes (an administrator's reset). */
export async function clearOfficialTotp(db: Executor, officialId: string) {
  await db
    .update(officials)
    .set({ totpSecret: null, totpEnabled: false, totpLastStep: null })
    .where(eq(officials.id, officialId));
  await deleteRecoveryCodes(db, officialId);
}

export async function enableOfficialTotp(db: Executor, officialId: string) {
  await db.update(officials).set({ totpEnabled: true }).where(eq(officials.id, officialId));
}

export interface NewAuthEvent {
  officialId: string | null;
  kind: string;
  identifier?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  byOfficialId?: string | null;
}

export async function insertAuthEvent(db: Executor, event: NewAuthEvent) {
  await db.insert(authEvents).values({
    officialId: event.officialId,
    kind: event.kind,
    identifier: event.identifier ?? null,
    ip: event.ip ?? null,
    userAgent: event.userAgent?.slice(0, 512) ?? null,
    byOfficialId: event.byOfficialId ?? null,
  });
}
