import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

const CODE = (description: string) =>
  SafeString({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64, description });
const PHONE = (description: string) => SafeString({ minLength: 1, maxLength: 32, description });

/** `POST /v1/calls`: an operator logs a call to a hotline as a case. */
export const LogCallBody = Type.Object(
  {
    callerNumber: Type.Optional(PHONE('The caller’s number (omitted when withheld)')),
    hotline: PHONE('The hotline number that was called'),
    startedAt: SafeString({ format: 'date-time' }),
    endedAt: SafeString({ format: 'date-time' }),
    summary: SafeString({
      minLength: 1,
      maxLength: 5000,
      description: 'What the caller reported, in the operator’s words: the case text',
    }),
    categoryCode: CODE('Category (lĩnh vực)'),
    type: Type.Optional(
      Type.Union([
        Type.Literal('feedback'),
        Type.Literal('complaint'),
        Type.Literal('denunciation'),
        Type.Literal('leader_hotline'),
      ]),
    ),
    communeCode: Type.Optional(CODE('Commune or ward where it happened')),
    address: Type.Optional(
      SafeString({ minLength: 1, maxLength: 500, description: 'Where it happened' }),
    ),
    citizenName: Type.Optional(SafeString({ minLength: 1, maxLength: 200 })),
    citizenAddress: Type.Optional(
      SafeString({ minLength: 1, maxLength: 500, description: 'The caller’s own address' }),
    ),
    isAnonymous: Type.Optional(Type.Boolean()),
    consentToPublish: Type.Optional(Type.Boolean()),
    recordingUrl: Type.Optional(SafeString({ format: 'uri', maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type LogCallBody = Static<typeof LogCallBody>;

export const LogCallResponse = Type.Object({
  caseId: SafeString({ format: 'uuid' }),
  trackingCode: SafeString(),
  status: Type.Literal('received'),
  receivedAt: SafeString({ format: 'date-time' }),
  trackingUrl: SafeString(),
});

/** `POST /v1/calls/caller-cases`: the phone travels in the body, never in a URL. */
export const CallerCasesBody = Type.Object(
  { phone: PHONE('The caller’s number') },
  { additionalProperties: false },
);
export type CallerCasesBody = Static<typeof CallerCasesBody>;

export const CallerCasesResponse = Type.Object({
  phone: SafeString({ description: 'E.164' }),
  cases: Type.Array(
    Type.Object({
      trackingCode: SafeString(),
      status: SafeString(),
      channel: SafeString(),
      categoryName: SafeString(),
      unitName: Type.Union([SafeString(), Type.Null()]),
      text: SafeString(),
      receivedAt: SafeString({ format: 'date-time' }),
      resolutionDueAt: Type.Union([SafeString({ format: 'date-time' }), Type.Null()]),
      slaState: SafeString(),
    }),
  ),
});

export const IssueTokenBody = Type.Object(
  {
    name: SafeString({ minLength: 1, maxLength: 200, description: 'What the token is for' }),
    scopes: Type.Array(
      Type.Union([
        Type.Literal('calls:write'),
        Type.Literal('cases:read'),
        Type.Literal('cases:write'),
        Type.Literal('reports:read'),
        // The admin API, for automation; only for an administrator, issued by one signed in.
        Type.Literal('admin'),
      ]),
      {
        minItems: 1,
        maxItems: 8,
      },
    ),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
export type IssueTokenBody = Static<typeof IssueTokenBody>;

const TokenView = {
  id: SafeString({ format: 'uuid' }),
  name: SafeString(),
  tokenPrefix: SafeString(),
  scopes: Type.Array(SafeString()),
  createdAt: SafeString({ format: 'date-time' }),
  expiresAt: Type.Union([SafeString({ format: 'date-time' }), Type.Null()]),
};
export const IssuedToken = Type.Object({
  ...TokenView,
  token: SafeString({ description: 'Shown this once; only its hash is kept' }),
});
export const OfficialTokenList = Type.Array(
  Type.Object({
    ...TokenView,
    revokedAt: Type.Union([SafeString({ format: 'date-time' }), Type.Null()]),
    lastUsedAt: Type.Union([SafeString({ format: 'date-time' }), Type.Null()]),
  }),
);
export const OfficialTokenParams = Type.Object({
  officialId: SafeString({ format: 'uuid' }),
  tokenId: SafeString({ format: 'uuid' }),
});
export const OfficialParams = Type.Object({ officialId: SafeString({ format: 'uuid' }) });
