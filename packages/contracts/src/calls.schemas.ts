import Type, { type Static } from 'typebox';

const CODE = (description: string) =>
  Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64, description });
const PHONE = (description: string) => Type.String({ minLength: 1, maxLength: 32, description });

/** `POST /v1/calls`: an operator logs a call to a hotline as a case. */
export const LogCallBody = Type.Object(
  {
    callerNumber: Type.Optional(PHONE('The caller’s number (omitted when withheld)')),
    hotline: PHONE('The hotline number that was called'),
    startedAt: Type.String({ format: 'date-time' }),
    endedAt: Type.String({ format: 'date-time' }),
    summary: Type.String({
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
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    citizenName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    isAnonymous: Type.Optional(Type.Boolean()),
    consentToPublish: Type.Optional(Type.Boolean()),
    recordingUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type LogCallBody = Static<typeof LogCallBody>;

export const LogCallResponse = Type.Object({
  caseId: Type.String({ format: 'uuid' }),
  trackingCode: Type.String(),
  status: Type.Literal('received'),
  receivedAt: Type.String({ format: 'date-time' }),
  trackingUrl: Type.String(),
});

/** `POST /v1/calls/caller-cases`: the phone travels in the body, never in a URL. */
export const CallerCasesBody = Type.Object(
  { phone: PHONE('The caller’s number') },
  { additionalProperties: false },
);
export type CallerCasesBody = Static<typeof CallerCasesBody>;

export const CallerCasesResponse = Type.Object({
  phone: Type.String({ description: 'E.164' }),
  cases: Type.Array(
    Type.Object({
      trackingCode: Type.String(),
      status: Type.String(),
      channel: Type.String(),
      categoryName: Type.String(),
      unitName: Type.Union([Type.String(), Type.Null()]),
      text: Type.String(),
      receivedAt: Type.String({ format: 'date-time' }),
      resolutionDueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      slaState: Type.String(),
    }),
  ),
});

export const IssueTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'What the token is for' }),
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
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  tokenPrefix: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
};
export const IssuedToken = Type.Object({
  ...TokenView,
  token: Type.String({ description: 'Shown this once; only its hash is kept' }),
});
export const OfficialTokenList = Type.Array(
  Type.Object({
    ...TokenView,
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  }),
);
export const OfficialTokenParams = Type.Object({
  officialId: Type.String({ format: 'uuid' }),
  tokenId: Type.String({ format: 'uuid' }),
});
export const OfficialParams = Type.Object({ officialId: Type.String({ format: 'uuid' }) });
