import { pino, type Logger, type DestinationStream } from 'pino';
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
    ...(config.logPretty && !destination
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } } }
      : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
