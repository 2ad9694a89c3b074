import Type, { type Static } from 'typebox';

/** One problem with the input: which field, why (a stable key), and messages in vi and en. */
export const FieldError = Type.Object({
  field: Type.String({
    description: 'JSON path of the field, e.g. "citizen.phone"; "body" for the whole body',
  }),
  reason: Type.String({
    description: 'Stable machine key, e.g. "required", "too_long", "unknown_category"',
  }),
  params: Type.Optional(
    Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
      description: 'Values the reason speaks of, e.g. { "limit": 3 } for too_short',
    }),
  ),
  message: Type.Object({ vi: Type.String(), en: Type.String() }),
});
export type FieldError = Static<typeof FieldError>;

/** Every 4xx and 5xx body. A 5xx never carries internal details. */
export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String({ description: 'UPPER_SNAKE error code' }),
  message: Type.String(),
  errors: Type.Optional(Type.Array(FieldError)),
});
export type ErrorResponse = Static<typeof ErrorResponse>;
