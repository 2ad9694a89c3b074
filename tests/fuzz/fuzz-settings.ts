/** How long the fuzz test runs, set per run: about a minute by default (CI). */
export const FUZZ = {
  /** Seconds of random requests after the pass over every operation. */
  seconds: Number(process.env.FUZZ_SECONDS ?? 30),
  /** Requests per operation in the pass over the whole document. */
  perOperation: Number(process.env.FUZZ_PER_OPERATION ?? 3),
  /** At most this many random requests, however long that takes. */
  runs: Number(process.env.FUZZ_RUNS ?? 1_000_000),
  /** The seed to replay a failure with (printed by fast-check). */
  seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
};
