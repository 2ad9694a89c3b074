import Type, { type Static } from 'typebox';
import { NON_BLANK_TEXT_PATTERN, SafeString } from './safe-string.js';

/** Cases one batch may name (kept equal to core's MAX_BATCH_CASES). */
export const MAX_BATCH_CASES = 100;

const CASE_IDS = Type.Array(
  SafeString({ minLength: 1, maxLength: 64, description: 'Case id or tracking code' }),
  { minItems: 1, maxItems: MAX_BATCH_CASES, uniqueItems: true },
);
const batch = <T extends Type.TProperties>(props: T) =>
  Type.Object({ caseIds: CASE_IDS, ...props }, { additionalProperties: false });

export const BatchAssignBody = batch({ assigneeId: SafeString({ format: 'uuid' }) });
export const BatchTransferBody = batch({
  toUnitCode: SafeString({ minLength: 1, maxLength: 64 }),
  reason: SafeString({
    minLength: 1,
    maxLength: 2000,
    pattern: NON_BLANK_TEXT_PATTERN,
    description: 'One reason, recorded on every case transferred',
  }),
});
export const BatchCloseBody = batch({});

/** Each case's outcome, in the order named; a refused case leaves the others done. */
export const BatchResponse = Type.Object({
  done: Type.Integer(),
  refused: Type.Integer(),
  results: Type.Array(
    Type.Object({
      /** As the request named it. */
      ref: SafeString(),
      outcome: Type.Union([Type.Literal('done'), Type.Literal('refused')]),
      /** The case after the action; for a refused one, as it is now (null out of scope). */
      id: Type.Union([SafeString(), Type.Null()]),
      trackingCode: Type.Union([SafeString(), Type.Null()]),
      status: Type.Union([SafeString(), Type.Null()]),
      /** Why it was refused: an error code (as a single action's) and its message. */
      code: Type.Union([SafeString(), Type.Null()]),
      message: Type.Union([SafeString(), Type.Null()]),
    }),
  ),
});
export type BatchResponse = Static<typeof BatchResponse>;
