import Type, { type Static } from 'typebox';

/**
 * The `Idempotency-Key` request header of the create routes (draft-ietf-httpapi-idempotency-key-
 * header): a retry with the same key and body gets the first answer again (with
 * `Idempotent-Replayed: true`) and creates nothing; the same key with another body is a 422, and
 * while the first request still runs, a 409. Keys live 24 hours.
 */
export const IdempotencyKeyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      // 255 characters, or 257 with the quotes of the draft's Structured Field string.
      maxLength: 257,
      pattern: '^[\\x21-\\x7e](?:[\\x20-\\x7e]*[\\x21-\\x7e])?$',
      description:
        'A key the client makes for this operation (a UUID v4 is best): 1–255 printable ASCII ' +
        'characters, bare or as a quoted string. Reuse it only to retry the same request; ' +
        'a retry gets the first answer, with `Idempotent-Replayed: true`, for 24 hours.',
      examples: ['"8e03978e-40d5-43e8-bc93-6894a57f9324"'],
    }),
  ),
});
export type IdempotencyKeyHeaders = Static<typeof IdempotencyKeyHeaders>;
