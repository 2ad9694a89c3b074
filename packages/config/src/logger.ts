import { pino, stdSerializers, type Logger, type DestinationStream } from 'pino';
import type { AppConfig } from './load-config.js';

// Personal data must never reach logs, wherever it sits in a logged object (up to three levels,
// which covers request bodies, job payloads and case rows).
const PERSONAL_KEYS = [
  'phone',
  'citizenPhone',
  'name',
  'fullName',
  'citizenName',
  'email',
  'citizenEmail',
  'address',
  'password',
  'authorization',
  'cookie',
];
export const REDACT_PATHS = PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`]);

// A failing query's values (drizzle's `params`, postgres.js's `parameters`/`args`/`types`),
// the row a constraint quotes (`detail`, `where`) and the raw error are never logged.
const DROPPED_ERROR_KEYS = ['params', 'parameters', 'args', 'types', 'detail', 'where'];
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Nine or more digits, each group parted by at most one space, dot or dash, led by "+" or
// not: phone numbers (and any long number, which an error message has no need of either).
const PHONE = /\+?\d(?:[ .-]?\d){8,}/g;
// postgres.js and drizzle quote the refused value: `invalid input syntax for type uuid: "…"`.
const QUOTED_VALUE = /(invalid input (?:syntax|value)[^:"]*:\s*)"(?:[^"\\]|\\.)*"/gi;
// Literals inside a logged SQL text.
const SQL_LITERAL = /'(?:[^']|'')*'/g;

/** The values drizzle writes into its message (`…\nparams: a,b,c`), for each error in the chain. */
function queryValueTexts(err: unknown): string[] {
  const texts: string[] = [];
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const params = (e as { params?: unknown }).params;
    if (Array.isArray(params) && params.length > 0) texts.push(`params: ${params.join(',')}`);
    e = (e as { cause?: unknown }).cause;
  }
  return texts;
}

/** Removes what may be personal data from an error's message or stack. */
export function scrubErrorText(text: string, queryValues: readonly string[] = []): string {
  let out = text;
  for (const values of queryValues) out = out.split(values).join('params: [redacted]');
  return out
    .replace(QUOTED_VALUE, '$1"[redacted]"')
    .replace(EMAIL, '[email]')
    .replace(PHONE, '[number]');
}

/**
 * Errors are logged with their type, scrubbed message and stack and their codes, never with
 * a failing query's values or the row a constraint quotes: whatever fails, personal data
 * stays out of the log.
 */
function serializeError(err: Error) {
  const out = stdSerializers.err(err) as ReturnType<typeof stdSerializers.err> &
    Record<string, unknown>;
  if (!out || typeof out !== 'object') return out;
  for (const key of DROPPED_ERROR_KEYS) delete out[key];
  const values = queryValueTexts(err);
  if (typeof out.message === 'string') out.message = scrubErrorText(out.message, values);
  if (typeof out.stack === 'string') out.stack = scrubErrorText(out.stack, values);
  if (typeof out.query === 'string') out.query = out.query.replace(SQL_LITERAL, "'?'");
  return out;
}

/** The one logger factory: JSON to stdout, personal data redacted. */
export function createLogger(
  config: Pick<AppConfig, 'logLevel' | 'logPretty'>,
  bindings: Record<string, unknown> = {},
  destination?: DestinationStream,
): Logger {
  const options = {
    level: config.logLevel,
    base: { pid: process.pid, ...bindings },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
    ...(config.logPretty && !destination
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } }
      : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
