export {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_MAX,
  parseIdempotencyKey,
} from './idempotency-key.js';
export {
  IDEMPOTENCY_KEY_TTL_MS,
  runIdempotently,
  type IdempotentAnswer,
  type IdempotentOutcome,
  type IdempotentRequest,
} from './run-idempotently.js';
export { pruneIdempotencyKeys } from './prune-idempotency-keys.js';
