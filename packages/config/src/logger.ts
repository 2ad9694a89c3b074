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

/**
 * Errors are logged whole, except a database error's `detail`, which for a constraint
 * violation quotes the failing row ("Failing row contains (…)"), personal data included.
 */
function serializeError(err: Error) {
  const out = stdSerializers.err(err) as ReturnType<typeof stdSerializers.err> & {
    detail?: unknown;
  };
  if (typeof out.detail === 'string' && /failing row|\)=\(/i.test(out.detail))
    out.detail = '[redacted]';
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
