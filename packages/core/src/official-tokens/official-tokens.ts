import { createHash, randomBytes } from 'node:crypto';
import {
  findOfficialCredentials,
  findTokenHolder,
  insertOfficialToken,
  listOfficialTokens,
  lockOfficialTokenSummary,
  officialExists,
  revokeOfficialToken,
  touchToken,
  type CredentialCache,
  type Database,
  type OfficialTokenSummary,
} from '@hotline/db';
import { TOKEN_SCOPES, type TokenScope } from '@hotline/domain';
import { audit, type AdminActor } from '../admin/admin-context.js';
import { officialMay, requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { AppError, validationFailed } from '../errors.js';

/** What a token may be used for (the access module's list); a token carries only its own. */
export { TOKEN_SCOPES, type TokenScope };

// A recognisable prefix lets secret scanners and people tell our tokens apart.
const PREFIX = 'hlt_';
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const ENTITY = 'official_token';

// What the audit keeps of a token: never the token or its hash.
const audited = (t: OfficialTokenSummary) => ({
  id: t.id,
  officialId: t.officialId,
  name: t.name,
  tokenPrefix: t.tokenPrefix,
  scopes: t.scopes,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** An official acting through a token. */
export type TokenPrincipal = ActingOfficial;

/** Issues a token for an official; the token itself is returned this once, only its hash kept. */
export async function issueOfficialToken(
  deps: { db: Database },
  officialId: string,
  request: { name: string; scopes: TokenScope[]; expiresInDays?: number },
  now: Date,
  by: ActingOfficial,
) {
  const token = PREFIX + randomBytes(32).toString('base64url');
  const expiresAt = request.expiresInDays
    ? new Date(now.getTime() + request.expiresInDays * 86_400_000)
    : null;
  const created = await deps.db.transaction(async (tx) => {
    const holder = await findOfficialCredentials(tx, officialId);
    if (!holder) throw new AppError('OFFICIAL_NOT_FOUND', `official ${officialId} not found`);
    if (request.scopes.includes('admin')) {
      // The admin scope opens the whole admin API: only for an administrator, and only issued
      // by one who signed in (with their second factor), never by another token.
      requireAccess(by, 'admin.issue-admin-token');
      if (!holder.isActive || !officialMay({ id: officialId, roles: holder.roles }, 'admin')) {
        throw validationFailed([{ field: 'scopes', reason: 'admin_scope_needs_admin_role' }]);
      }
    }
    const stored = {
      officialId,
      name: request.name,
      tokenPrefix: token.slice(0, PREFIX.length + 6),
      scopes: [...new Set(request.scopes)],
      expiresAt,
    };
    const row = await insertOfficialToken(tx, { ...stored, tokenHash: hashOf(token) });
    const after = audited({ ...stored, ...row, revokedAt: null });
    await audit(tx, by.principal.officialId, 'official_token.issue', ENTITY, row.id, null, after);
    return row;
  });
  return {
    id: created.id,
    token,
    tokenPrefix: token.slice(0, PREFIX.length + 6),
    name: request.name,
    scopes: [...new Set(request.scopes)],
    createdAt: created.createdAt.toISOString(),
    expiresAt: expiresAt?.toISOString() ?? null,
  };
}

export async function listTokensOf(deps: { db: Database }, officialId: string) {
  if (!(await officialExists(deps.db, officialId))) {
    throw new AppError('OFFICIAL_NOT_FOUND', `official ${officialId} not found`);
  }
  const rows = await listOfficialTokens(deps.db, officialId);
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  }));
}

export async function revokeTokenOf(
  deps: { db: Database },
  officialId: string,
  tokenId: string,
  now: Date,
  by: AdminActor,
) {
  await deps.db.transaction(async (tx) => {
    const before = await lockOfficialTokenSummary(tx, officialId, tokenId);
    if (!before || !(await revokeOfficialToken(tx, officialId, tokenId, now))) {
      throw new AppError('TOKEN_NOT_FOUND', `no live token ${tokenId} for official ${officialId}`);
    }
    const after = audited({ ...before, revokedAt: now });
    await audit(tx, by, 'official_token.revoke', ENTITY, tokenId, audited(before), after);
  });
}

/**
 * The official behind `Authorization: Bearer hlt_…`, or UNAUTHORIZED. Revoked and expired
 * tokens, and tokens of deactivated officials, are refused as soon as the change commits:
 * `credentials` (when given) keeps a holder only until Postgres announces a change.
 */
export async function authenticateOfficialToken(
  deps: { db: Database; credentials?: CredentialCache },
  token: string,
  now: Date,
): Promise<TokenPrincipal> {
  const tokenHash = token.startsWith(PREFIX) ? hashOf(token) : null;
  const find = () => findTokenHolder(deps.db, tokenHash!, now);
  const holder = !tokenHash
    ? null
    : deps.credentials
      ? await deps.credentials.get(`token:${tokenHash}`, find)
      : await find();
  // A kept holder was read before now: its expiry is checked again.
  if (!holder || (holder.expiresAt && holder.expiresAt <= now)) {
    throw new AppError(
      'UNAUTHORIZED',
      'a valid official token is required (Authorization: Bearer hlt_…)',
    );
  }
  // Marked used at most once a minute: a busy integration must not write on every request.
  if (!holder.lastUsedAt || now.getTime() - holder.lastUsedAt.getTime() >= 60_000) {
    await touchToken(deps.db, holder.tokenId, now);
    // The kept holder too, or every request after the first minute would write.
    holder.lastUsedAt = now;
  }
  return {
    principal: {
      kind: 'official',
      officialId: holder.officialId,
      roles: holder.roles,
    },
    unitId: holder.unitId,
    scopes: new Set(holder.scopes),
    via: 'token',
    scopeIds: { unitIds: holder.scopeUnitIds, hotlineIds: holder.scopeHotlineIds },
  };
}
