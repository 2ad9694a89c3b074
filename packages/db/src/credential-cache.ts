import postgres from 'postgres';

/** The channel migration 0020's triggers notify when a credential or a scope may have changed. */
export const CREDENTIALS_CHANNEL = 'hotline_credentials';

/**
 * Who an official is (roles, unit, scope, a token's grant), kept in this process so that a
 * request does not spend a round trip on it. Correctness comes from Postgres, not from a
 * timer: every write that can change a credential notifies CREDENTIALS_CHANNEL on commit
 * (migration 0020), and a notification empties the cache. While the listening connection is
 * down nothing is served from memory (notifications sent meanwhile are lost), so a revoked
 * token or a deactivated official is refused as soon as the change commits, in every process.
 */
export interface CredentialCache {
  /**
   * The value kept for `key`, else what `load` finds; that is kept only when no change was
   * announced while it was being read (a read that started before a commit may be stale).
   * Nothing is kept for null: unknown tokens must not fill memory.
   */
  get<T extends object>(key: string, load: () => Promise<T | null>): Promise<T | null>;
  /** Forgets everything: for a change this process just committed, before it replies. */
  clear(): void;
  /** Whether values are being served from memory (listening, for tests and health). */
  readonly live: boolean;
  close(): Promise<void>;
}

export interface CredentialCacheOptions {
  /** A backstop, not the mechanism: nothing is kept longer than this (default one minute). */
  ttlMs?: number;
  /** Oldest first out beyond this many entries (default 10,000). */
  maxEntries?: number;
  /** A failed (re)connection of the listener; it retries with back-off. */
  onError?: (err: unknown) => void;
  now?: () => number;
}

/**
 * Our own listener rather than postgres.js `sql.listen`: that one reconnects by itself but
 * gives no word when its connection drops, and a cache must stop answering at that moment.
 */
export function credentialCache(
  url: string,
  options: CredentialCacheOptions = {},
): CredentialCache {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: object; at: number }>();
  let generation = 0;
  let listening = false;
  let closed = false;
  let retryMs = 100;
  let retry: NodeJS.Timeout | undefined;
  let connecting = false;

  const forget = () => {
    generation += 1;
    entries.clear();
  };
  // `onnotify` is read by postgres.js (it is how its own listen works) but not in its types.
  const listenerOptions = {
    max: 1,
    idle_timeout: 0,
    max_lifetime: 0,
    connect_timeout: 5,
    fetch_types: false,
    onnotice: () => {},
    connection: { application_name: 'hotline-credentials' },
    onnotify: (channel: string) => {
      if (channel === CREDENTIALS_CHANNEL) forget();
    },
    onclose: () => {
      listening = false;
      forget();
      schedule();
    },
  };
  const listener = postgres(url, listenerOptions as postgres.Options<Record<string, never>>);

  function schedule() {
    if (closed || connecting || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void listen();
    }, retryMs);
    retry.unref();
    retryMs = Math.min(retryMs * 2, 10_000);
  }

  async function listen() {
    if (closed || connecting) return;
    connecting = true;
    try {
      await listener.unsafe(`listen ${CREDENTIALS_CHANNEL}`);
      // Anything kept before this moment may have changed unannounced.
      forget();
      listening = !closed;
      retryMs = 100;
    } catch (err) {
      options.onError?.(err);
    } finally {
      connecting = false;
    }
    if (!listening) schedule();
  }
  void listen();

  return {
    async get<T extends object>(key: string, load: () => Promise<T | null>) {
      const at = now();
      if (listening) {
        const kept = entries.get(key);
        if (kept && at - kept.at < ttlMs) return kept.value as T;
      }
      const before = generation;
      const value = await load();
      if (value && listening && generation === before) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.delete(key);
        entries.set(key, { value, at });
      }
      return value;
    },
    clear: forget,
    get live() {
      return listening;
    },
    async close() {
      closed = true;
      listening = false;
      clearTimeout(retry);
      forget();
      await listener.end({ timeout: 1 });
    },
  };
}
