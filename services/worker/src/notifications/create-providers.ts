import type { Logger, NotificationConfig } from '@hotline/config';
import type { NotificationProviders } from '@hotline/core';
import { HttpSmsProvider } from './http-sms-provider.js';
import { LogEmailProvider, LogSmsProvider } from './log-providers.js';
import { SmtpEmailProvider } from './smtp-email-provider.js';

export type { NotificationProviders };

/** The providers the configuration names; `overrides` replaces any (tests fake the SMS gateway). */
export function createProviders(
  config: NotificationConfig,
  log: Logger,
  overrides: Partial<NotificationProviders> = {},
): NotificationProviders & { close(): void } {
  const sms =
    overrides.sms ??
    (config.sms.provider === 'http'
      ? new HttpSmsProvider({ url: config.sms.url, token: config.sms.token })
      : new LogSmsProvider(log));
  const smtp =
    !overrides.email && config.email.provider === 'smtp'
      ? new SmtpEmailProvider({ url: config.email.url, from: config.email.from })
      : null;
  const email = overrides.email ?? smtp ?? new LogEmailProvider(log);
  return { sms, email, close: () => smtp?.close() };
}
