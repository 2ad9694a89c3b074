import type { FieldProblem } from './errors.js';

// postgres.js's own codes for a lost or refused connection, the socket errors beneath them,
// and the server's transient states: shutting down, starting up, out of connections, memory or
// disk (class 53), a session ended by the server (57P0x), a statement cancelled by its timeout
// (57014: the database is too slow now), a read-only server (25006: a failover in progress).
// Class 08 is SQLSTATE's connection exceptions. Each leaves the client with nothing wrong in
// its request: a 503 and Retry-After, never a 500.
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ERR_SOCKET_CLOSED',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57014',
  '25006',
]);
const UNAVAILABLE_CLASSES = ['08', '53', '57P'];

// Values Postgres refused that the schemas should have caught first: untranslatable or NUL
// characters, numbers out of range, bad dates, text that is not of the column's type, text
// longer than its column.
const INVALID_DATA = new Set([
  '22P05',
  '22021',
  '22003',
  '22007',
  '22008',
  '22P02',
  '22001',
  '54000',
]);

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export type DatabaseFailure =
  { kind: 'unavailable' } | { kind: 'invalid_data'; problem: FieldProblem };

/**
 * What a database error means for the client, looking through drizzle's wrapper (the
 * postgres.js error is its `cause`); null for anything else, which stays a 500.
 */
export function databaseFailure(err: unknown): DatabaseFailure | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (UNAVAILABLE.has(code) || UNAVAILABLE_CLASSES.some((c) => code.startsWith(c))) {
        return { kind: 'unavailable' };
      }
      if (INVALID_DATA.has(code)) {
        return { kind: 'invalid_data', problem: { field: 'body', reason: 'invalid_value' } };
      }
    }
    // Node's connect to a name with several addresses fails with an AggregateError of each.
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((x) => databaseFailure(x)?.kind === 'unavailable')) {
      return { kind: 'unavailable' };
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
