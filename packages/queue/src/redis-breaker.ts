import { Command, ReplyError, type Redis } from 'ioredis';

/**
 * Redis did not answer: the connection is down, a command timed out, or the breaker is open
 * and the command was not even sent. Request handlers answer 503 with Retry-After for it.
 */
export class RedisUnavailableError extends Error {
  readonly code = 'REDIS_UNAVAILABLE';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RedisUnavailableError';
  }
}

/** Seconds a client should wait before retrying while Redis does not answer. */
export const REDIS_RETRY_AFTER_SECONDS = 5;

/** Whether an error (or one it wraps) says Redis did not answer. */
export function isRedisUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === 'REDIS_UNAVAILABLE') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export interface RedisBreakerSettings {
  /** How long any command on the connection may take before it fails. */
  commandTimeoutMs: number;
  /** Consecutive commands failing (timed out, connection lost) that open the breaker. */
  failures: number;
  /** While open, how often a PING asks whether Redis answers again. */
  probeEveryMs: number;
}

export interface RedisBreakerStats {
  state: 'closed' | 'open';
  /** Times the breaker opened. */
  openings: number;
  /** Callers' commands that failed after being sent (timed out, or the connection was lost). */
  failed: number;
  /** Commands refused at once, unsent, while the breaker was open. */
  refused: number;
}

export interface RedisBreaker {
  readonly isOpen: boolean;
  stats(): RedisBreakerStats;
}

export interface RedisBreakerEvents {
  /** Once per opening, with the last failure's message: callers are refused from now on. */
  onOpen?: (reason: string) => void;
  /** Once per closing, with how long it was open. */
  onClose?: (openMs: number) => void;
}

// A reply, even an error reply, proves Redis answers; anything else (our timeout, a lost or
// unwritable connection) does not.
const isAnswer = (err: unknown): boolean =>
  err instanceof (ReplyError as new () => Error) ||
  (err instanceof Error && err.name === 'ReplyError');

const guarded = new WeakMap<Redis, RedisBreaker>();

/**
 * Puts a circuit breaker in front of every command on `redis` (one per connection, so one per
 * process when the process shares it), and a short timeout on each command. After `failures`
 * consecutive commands fail, every command fails at once with RedisUnavailableError, unsent,
 * until a PING of the breaker's own gets an answer; then they flow again. Failures of any kind
 * reach callers as RedisUnavailableError.
 *
 * Written here rather than taken from cockatiel or opossum: those wrap one call and, half-open,
 * let the next caller's call through as the trial. Here the gate sits at the connection's
 * `sendCommand`, through which every command passes (the rate-limit plugin's scripts, BullMQ's,
 * ours), and a MULTI is several commands: the gate must decide for all of them alike, and the
 * trial is the breaker's own PING, so no request ever waits to find out whether Redis is back.
 */
export function guardRedis(
  redis: Redis,
  settings: RedisBreakerSettings,
  events: RedisBreakerEvents = {},
): RedisBreaker {
  const existing = guarded.get(redis);
  if (existing) return existing;
  // Ours replaces the connection's own (see `watch`).
  redis.options.commandTimeout = undefined;
  const send = redis.sendCommand.bind(redis);
  const probes = new WeakSet<Command>();
  const counts = { openings: 0, failed: 0, refused: 0 };
  let everReady = redis.status === 'ready';
  let open = false;
  let openedAt = 0;
  let consecutive = 0;
  let probing = false;
  let timer: NodeJS.Timeout | undefined;

  const answered = () => {
    consecutive = 0;
    // An answer during a reconnection's handshake is not yet a connection callers can use:
    // the PING sent once it is ready closes the breaker.
    if (!open || redis.status !== 'ready') return;
    open = false;
    clearInterval(timer);
    events.onClose?.(Date.now() - openedAt);
  };
  const failed = (command: Command, err: unknown) => {
    // The breaker's own PING failing only keeps it open. Before the connection was ever ready
    // (a process starting, its queues asking at once) nothing has stopped answering yet.
    if (probes.has(command) || !everReady) return;
    counts.failed++;
    consecutive++;
    if (open || consecutive < settings.failures) return;
    open = true;
    openedAt = Date.now();
    counts.openings++;
    timer = setInterval(probe, settings.probeEveryMs).unref();
    events.onOpen?.(err instanceof Error ? err.message : String(err));
  };
  const probe = () => {
    if (probing || redis.status !== 'ready') return;
    probing = true;
    const ping = new Command('ping');
    probes.add(ping);
    redis.sendCommand(ping);
    void ping.promise.then(
      () => (probing = false),
      () => (probing = false),
    );
  };
  const watch = (command: Command) => {
    const reject = command.reject;
    command.reject = (err) =>
      reject(
        isAnswer(err) ? err : new RedisUnavailableError(`Redis: ${err.message}`, { cause: err }),
      );
    // Our own timeout rather than ioredis's `commandTimeout`, decided only after the I/O
    // already waiting has been read (setImmediate): when the event loop was busy elsewhere
    // (the app being built, a page rendered, a GC pause), a reply that came in time is not
    // taken for a timeout.
    const late = setTimeout(
      () =>
        setImmediate(() =>
          command.reject(new Error(`Command timed out (${settings.commandTimeoutMs} ms)`)),
        ),
      settings.commandTimeoutMs,
    );
    command.promise.then(
      () => {
        clearTimeout(late);
        answered();
      },
      (err: unknown) => {
        clearTimeout(late);
        if (isAnswer(err)) answered();
        else failed(command, err);
      },
    );
  };

  redis.sendCommand = (command, stream) => {
    const isReady = redis.status === 'ready';
    // Until the connection is ready, ioredis itself refuses callers' commands at once (no
    // offline queue) and must let its handshake through.
    if (open && isReady && !probes.has(command)) {
      counts.refused++;
      command.reject(new RedisUnavailableError('Redis is not answering (circuit open)'));
      return command.promise;
    }
    watch(command);
    return send(command, stream);
  };
  redis.on('ready', () => {
    everReady = true;
    // Reconnected: ask at once rather than at the next tick.
    if (open) probe();
  });

  const breaker: RedisBreaker = {
    get isOpen() {
      return open;
    },
    stats: () => ({ state: open ? 'open' : 'closed', ...counts }),
  };
  guarded.set(redis, breaker);
  return breaker;
}
