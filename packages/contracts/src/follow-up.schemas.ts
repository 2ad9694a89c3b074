import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

/** Proof that the case is the caller's: the link token, or a one-time code sent by SMS. */
export const CaseProofHeaders = Type.Object({
  'x-case-token': Type.Optional(SafeString({ minLength: 1, maxLength: 128 })),
  'x-case-otp': Type.Optional(SafeString({ pattern: '^[0-9]{6}$' })),
});
export type CaseProofHeaders = Static<typeof CaseProofHeaders>;

/** `POST /v1/cases/{code}/otp`: the same answer whether or not the case has a phone. */
export const OtpRequestedResponse = Type.Object({
  accepted: Type.Literal(true),
  expiresInSeconds: Type.Integer(),
  message: Type.Object({ vi: SafeString(), en: SafeString() }),
});
export type OtpRequestedResponse = Static<typeof OtpRequestedResponse>;

export const ProvideInformationBody = Type.Object(
  { text: SafeString({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);
export type ProvideInformationBody = Static<typeof ProvideInformationBody>;

/** The same answer as a multipart form, with up to five files (`file`, repeated). */
export const ProvideInformationForm = Type.Object(
  {
    text: SafeString({ minLength: 1, maxLength: 5000 }),
    file: Type.Optional(
      Type.Array(SafeString({ format: 'binary', description: 'a photo, PDF, audio or video' }), {
        maxItems: 5,
      }),
    ),
  },
  { additionalProperties: false },
);

export const RateCaseBody = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(SafeString({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type RateCaseBody = Static<typeof RateCaseBody>;

export const ReopenCaseBody = Type.Object(
  { reason: SafeString({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type ReopenCaseBody = Static<typeof ReopenCaseBody>;

export const WithdrawCaseBody = Type.Object(
  { reason: Type.Optional(SafeString({ minLength: 1, maxLength: 2000 })) },
  { additionalProperties: false },
);
export type WithdrawCaseBody = Static<typeof WithdrawCaseBody>;

/** What a citizen's follow-up action left the case as. */
export const FollowUpResult = Type.Object({
  trackingCode: SafeString(),
  status: SafeString(),
});
export type FollowUpResult = Static<typeof FollowUpResult>;

export const PublishedCasesQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type PublishedCasesQuery = Static<typeof PublishedCasesQuery>;

const NamedRef = Type.Object({ code: SafeString(), name: SafeString() });

/** `GET /v1/published-cases`: consented, answered cases with contacts stripped from the text. */
export const PublishedCaseList = Type.Object({
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      trackingCode: SafeString(),
      status: SafeString(),
      category: NamedRef,
      unit: Type.Union([NamedRef, Type.Null()]),
      text: SafeString(),
      resolution: Type.Union([SafeString(), Type.Null()]),
      resolvedAt: Type.Union([SafeString({ format: 'date-time' }), Type.Null()]),
    }),
  ),
});
export type PublishedCaseList = Static<typeof PublishedCaseList>;
