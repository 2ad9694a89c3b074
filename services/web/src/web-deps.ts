import type { AppConfig, Logger } from '@hotline/config';
import type { OtpStore } from '@hotline/core';
import type { Database, RawSql } from '@hotline/db';

/** What the web pages need from the process that mounts them (the API process). */
export interface WebDeps {
  db: Database;
  /** The prepared-statement client, for intake (submitting a case from the portal). */
  sql: RawSql;
  config: AppConfig;
  logger: Logger;
  /** The citizens' one-time SMS codes (the same store as the API's follow-up routes). */
  otp: OtpStore;
}
