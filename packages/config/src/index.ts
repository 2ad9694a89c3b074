export { loadConfig, loadConfigWith, ConfigError, type AppConfig } from './load-config.js';
export { createLogger, REDACT_PATHS, scrubErrorText, type Logger } from './logger.js';
export { EnvSchema, type Env } from './env.schema.js';
export type { NotificationConfig } from './notification-config.js';
export type { SmsConfig } from './sms-config.js';
export type { TrustProxy } from './trust-proxy.js';
