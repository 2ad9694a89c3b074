/** A one-time code's live entry: the code's hash and how many wrong codes were tried. */
export interface OtpEntry {
  hash: string;
  tries: number;
  /** Seconds until it expires. */
  ttlSeconds: number;
}

/**
 * Where one-time codes live while valid (Redis in production): one entry per case that
 * expires by itself. Wrong tries survive a new code, so asking again does not reset a lock.
 */
export interface OtpStore {
  get(caseId: string): Promise<OtpEntry | null>;
  /** Stores a new code's hash with a fresh time to live, keeping the count of wrong tries. */
  put(caseId: string, hash: string, ttlSeconds: number): Promise<void>;
  /** Counts a wrong try; returns the count and the seconds left. */
  fail(caseId: string): Promise<{ tries: number; ttlSeconds: number }>;
}

/** A code lives five minutes; five wrong tries lock it until it expires. */
export const OTP_TTL_SECONDS = 300;
export const OTP_MAX_TRIES = 5;
