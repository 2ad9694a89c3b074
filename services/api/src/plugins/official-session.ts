import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import {
  AppError,
  type ActingOfficial,
  type ClientInfo,
  type SessionRecord,
  type SessionStore,
  type StoredSession,
} from '@hotline/core';
import { findOfficialPrincipal, type CredentialCache, type Database } from '@hotline/db';
import { assertCsrf, assertSameOrigin, type CsrfCheck } from './csrf.js';
import { tokenOfficial, type OfficialResolver } from './official-token.js';

/** The session cookie: httpOnly, SameSite=Strict, path /, Secure unless configured off. */
export const SESSION_COOKIE = 'hotline_session';

const idOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Officials' sessions in Redis: the key is a SHA-256 of the cookie's 256-bit token (a leaked
 * Redis dump holds no usable token), the value JSON; each official has a set of their session
 * ids, so "sign out everywhere" is one lookup. Idle timeout slides with every request; the
 * absolute one never moves.
 */
export function redisSessionStore(
  redis: Redis,
  prefix: string,
  timeouts: { idleMs: number; absoluteMs: number },
): SessionStore {
  const key = (id: string) => `${prefix}:session:${id}`;
  const index = (officialId: string) => `${prefix}:sessions-of:${officialId}`;
  const ttlOf = (r: SessionRecord, now: number) =>
    Math.min(timeouts.idleMs, r.createdAt + timeouts.absoluteMs - now);
  const isLive = (r: SessionRecord, now: number) =>
    now - r.lastSeenAt < timeouts.idleMs && now - r.createdAt < timeouts.absoluteMs;
  const parse = (raw: string | null | undefined) =>
    raw ? (JSON.parse(raw) as SessionRecord) : null;

  return {
    async create(officialId, client, now) {
      const token = randomBytes(32).toString('base64url');
      const id = idOf(token);
      const at = now.getTime();
      const record: SessionRecord = {
        officialId,
        createdAt: at,
        lastSeenAt: at,
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 256) ?? null,
        csrfToken: randomBytes(32).toString('base64url'),
      };
      await redis
        .multi()
        .set(key(id), JSON.stringify(record), 'PX', ttlOf(record, at))
        .sadd(index(officialId), id)
        .pexpire(index(officialId), timeouts.absoluteMs)
        .exec();
      return { token, id, record };
    },
    async touch(token, now) {
      const id = idOf(token);
      const record = parse(await redis.get(key(id)));
      if (!record) return null;
      const at = now.getTime();
      if (!isLive(record, at)) {
        await redis.multi().del(key(id)).srem(index(record.officialId), id).exec();
        return null;
      }
      // Written again only once a sixtieth of the idle timeout has passed (30 s of 30 min): a
      // console's burst of requests costs one Redis round trip each, not two, and a session
      // expires at most that much early.
      if (at - record.lastSeenAt < timeouts.idleMs / 60) return { id, record };
      record.lastSeenAt = at;
      // XX: a session revoked a moment ago is not brought back.
      await redis.set(key(id), JSON.stringify(record), 'PX', ttlOf(record, at), 'XX');
      return { id, record };
    },
    async listFor(officialId, now) {
      const ids = await redis.smembers(index(officialId));
      if (ids.length === 0) return [];
      const values = await redis.mget(ids.map(key));
      const live: StoredSession[] = [];
      ids.forEach((id, i) => {
        const record = parse(values[i]);
        if (record && isLive(record, now.getTime())) live.push({ id, record });
      });
      const stale = ids.filter((id) => !live.some((s) => s.id === id));
      if (stale.length > 0) await redis.srem(index(officialId), ...stale);
      return live;
    },
    async revoke(officialId, id) {
      // Only a session in the official's own set: nobody revokes another's by guessing.
      if ((await redis.srem(index(officialId), id)) === 0) return false;
      return (await redis.del(key(id))) > 0;
    },
    async revokeAll(officialId, exceptId) {
      const ids = (await redis.smembers(index(officialId))).filter((id) => id !== exceptId);
      if (ids.length === 0) return 0;
      const [[, deleted]] = (await redis
        .multi()
        .del(...ids.map(key))
        .srem(index(officialId), ...ids)
        .exec()) as [[unknown, number], [unknown, number]];
      return deleted;
    },
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session of this request, once resolved. */
    authSession?: StoredSession;
  }
}

/** Where a request came from (for sessions and auth_events). */
export const clientOf = (request: FastifyRequest): ClientInfo => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

/** Session cookies: reading them, setting and clearing them, and the officialGuard resolver. */
export interface OfficialSessions {
  store: SessionStore;
  /**
   * For officialGuard: the official of a bearer token, else of the cookie (CSRF-checked,
   * password change enforced).
   */
  resolver: OfficialResolver;
  /**
   * The session and its official, or 401; `allowPasswordChange` lets must-change through;
   * `csrf: 'same-origin'` checks where a write comes from instead of the CSRF token (pages
   * that are not ours to change, such as the queue dashboard).
   */
  require(
    request: FastifyRequest,
    options?: { allowPasswordChange?: boolean; csrf?: CsrfCheck },
  ): Promise<{ session: StoredSession; official: ActingOfficial }>;
  setCookie(reply: FastifyReply, token: string): void;
  clearCookie(reply: FastifyReply): void;
}

export function officialSessions(deps: {
  db: Database;
  store: SessionStore;
  cookieSecure: boolean;
  absoluteMs: number;
  /** Keeps officials and tokens in memory until Postgres announces a change. */
  credentials?: CredentialCache;
}): OfficialSessions {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    secure: deps.cookieSecure,
    sameSite: 'strict' as const,
  };

  async function resolve(
    request: FastifyRequest,
    allowPasswordChange: boolean,
    csrf: CsrfCheck = 'token',
  ) {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return null;
    const session = await deps.store.touch(token, new Date());
    if (!session) return null;
    if (csrf === 'token') assertCsrf(request, session.record.csrfToken);
    else assertSameOrigin(request);
    const officialId = session.record.officialId;
    const find = () => findOfficialPrincipal(deps.db, officialId);
    const row = deps.credentials
      ? await deps.credentials.get(`official:${officialId}`, find)
      : await find();
    if (!row?.isActive) return null;
    if (row.mustChangePassword && !allowPasswordChange) {
      throw new AppError(
        'PASSWORD_CHANGE_REQUIRED',
        'choose a new password first: POST /v1/auth/password',
      );
    }
    request.authSession = session;
    const official: ActingOfficial = {
      principal: { kind: 'official', officialId: row.id, roles: row.roles },
      unitId: row.unitId,
      scopes: 'all',
      via: 'session',
      scopeIds: { unitIds: row.scopeUnitIds, hotlineIds: row.scopeHotlineIds },
    };
    return { session, official };
  }

  return {
    store: deps.store,
    resolver: async (request) =>
      (await tokenOfficial(request, deps)) ?? (await resolve(request, false))?.official ?? null,
    async require(request, options = {}) {
      const found = await resolve(request, options.allowPasswordChange ?? false, options.csrf);
      if (!found) throw new AppError('UNAUTHORIZED', 'sign in first (POST /v1/auth/sign-in)');
      return found;
    },
    setCookie(reply, token) {
      void reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions,
        maxAge: Math.floor(deps.absoluteMs / 1000),
      });
    },
    clearCookie(reply) {
      void reply.clearCookie(SESSION_COOKIE, cookieOptions);
    },
  };
}
