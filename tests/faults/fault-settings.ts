// How hard and how long the fault suite pushes is set per run: FAULTS_LONG=1 for the long mode.
// eslint-disable-next-line no-restricted-properties
const env = process.env;

const isLong = env.FAULTS_LONG === '1';

/**
 * The short mode fits CI (about 3 minutes on 2 cores, with other test files beside it); the
 * long mode pushes more load through longer faults and a bigger deadline storm.
 */
export const settings = {
  isLong,
  /** Only these faults (comma-separated names, as in the table), to chase one. */
  only: env.FAULTS_ONLY ? env.FAULTS_ONLY.split(',').map((s) => s.trim()) : null,
  /** New cases per second from the load generator (POST /v1/cases). */
  casesPerSecond: Number(env.FAULTS_RATE ?? (isLong ? 30 : 5)),
  /** Requests the generator keeps open at most: beyond, a tick is skipped and counted. */
  maxInFlight: isLong ? 200 : 40,
  /** How long one attempt waits for an answer before it counts as "no answer". */
  attemptTimeoutMs: 10_000,
  /** How long a request keeps retrying (503, no answer) with its Idempotency-Key. */
  retryForMs: isLong ? 120_000 : 60_000,
  /** Load before the first fault, and how long each fault lasts. */
  warmUpMs: isLong ? 10_000 : 3_000,
  faultMs: isLong ? 15_000 : 3_000,
  /** Cases whose deadlines fall due in the same second. */
  stormCases: isLong ? 2_000 : 200,
  /** Duplicate SMS: messages, and deliveries of each (sent at once). */
  smsMessages: isLong ? 20 : 5,
  smsCopies: isLong ? 6 : 4,
  /** How long recovery may take (to /readyz and a clean audit) before the fault fails. */
  recoverWithinMs: isLong ? 180_000 : 60_000,
  /** The worker's reconcile interval: lost timers come back within it at the latest. */
  reconcileEveryMs: isLong ? 5_000 : 2_000,
  /**
   * The load's SLA policies: a quarter of its cases (and the SMS ones) have deadlines and rungs
   * seconds apart, which fall due during the run; the rest have timers hours away, which must
   * stay in Redis (or come back to it) through every fault.
   */
  policy: { resolution: 'PT20S', rung2After: 'PT4S', rung3After: 'PT4S' },
  longPolicy: { resolution: 'PT2H', rung2After: 'PT1H', rung3After: 'PT1H' },
  /** The storm's policy (its own category): the storm's deadlines come after routing. */
  stormPolicy: isLong
    ? { resolution: 'PT30S', rung2After: 'PT1S', rung3After: 'PT1S' }
    : { resolution: 'PT12S', rung2After: 'PT1S', rung3After: 'PT1S' },
  /** A timer past due by more than this with nothing recorded is unfired (not merely busy). */
  firingGraceMs: 3_000,
  /** An outbox row older than this, or a case unrouted for this long, has not drained. */
  drainWithinMs: 5_000,
} as const;
