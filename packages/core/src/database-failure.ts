import type { FieldProblem } from './errors.js';

// postgres.js's own codes for a lost or refused connection, the socket errors beneath them,
// and the server's "shutting down / starting up / too many connections" states. Class 08 is
// SQLSTATE's connection exceptions.
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '53400',
]);

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
      if (UNAVAILABLE.has(code) || code.startsWith('08')) return { kind: 'unavailable' };
      if (INVALID_DATA.has(code)) {
        return { kind: 'invalid_data', problem: { field: 'body', reason: 'invalid_value' } };
      }
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
