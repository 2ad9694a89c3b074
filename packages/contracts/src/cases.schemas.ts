import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

const CASE_TYPE = Type.Union(
  [
    Type.Literal('feedback'),
    Type.Literal('complaint'),
    Type.Literal('denunciation'),
    Type.Literal('leader_hotline'),
  ],
  {
    description:
      'feedback = phản ánh, kiến nghị (default); complaint = khiếu nại; denunciation = tố cáo',
  },
);

const CODE = (description: string) =>
  SafeString({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64, description });

/** `POST /v1/cases`: a citizen's case from the web form. */
export const CreateCaseBody = Type.Object(
  {
    categoryCode: CODE('Category (lĩnh vực) code, from GET /v1/categories'),
    text: SafeString({
      minLength: 10,
      maxLength: 5000,
      description: 'What happened, in the citizen’s words (10–5000 characters)',
    }),
    type: Type.Optional(CASE_TYPE),
    isAnonymous: Type.Optional(
      Type.Boolean({ description: 'Hide the citizen’s identity from the handling unit' }),
    ),
    consentToPublish: Type.Optional(
      Type.Boolean({ description: 'The citizen agrees the case and answer may be published' }),
    ),
    citizen: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(SafeString({ minLength: 1, maxLength: 200 })),
          phone: Type.Optional(
            SafeString({
              minLength: 1,
              maxLength: 32,
              description: 'Vietnamese number, any common format',
            }),
          ),
          email: Type.Optional(SafeString({ format: 'email', maxLength: 254 })),
          address: Type.Optional(
            SafeString({
              minLength: 1,
              maxLength: 500,
              description: 'The reporter’s own address (personal data), not where it happened',
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    communeCode: Type.Optional(CODE('Commune or ward (xã, phường) where it happened')),
    address: Type.Optional(
      SafeString({
        minLength: 1,
        maxLength: 500,
        description: 'Where it happened: house number, street, landmark (not personal data)',
      }),
    ),
    location: Type.Optional(
      Type.Object(
        {
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lng: Type.Number({ minimum: -180, maximum: 180 }),
        },
        { additionalProperties: false },
      ),
    ),
    hotline: Type.Optional(
      SafeString({
        minLength: 3,
        maxLength: 32,
        description: 'The published hotline number addressed, if any',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateCaseBody = Static<typeof CreateCaseBody>;

export const CreateCaseResponse = Type.Object({
  trackingCode: SafeString({ description: 'Public tracking code, e.g. "K7QM-4RX9"' }),
  status: Type.Literal('received'),
  receivedAt: SafeString({ format: 'date-time' }),
  trackingUrl: SafeString(),
  ownerToken: SafeString({
    description:
      'Secret proof that the case is yours, shown only in this answer: send it as the ' +
      'X-Case-Token header to add information, rate, reopen or withdraw the case',
  }),
  followUpUrl: SafeString({ description: 'Private follow-up link carrying the token' }),
});
export type CreateCaseResponse = Static<typeof CreateCaseResponse>;

/** `POST /v1/cases` answered 200: the same text from the same phone within 24 h. */
export const LinkedCaseResponse = Type.Object({
  trackingCode: SafeString({ description: 'The earlier open case this submission joins' }),
  linked: Type.Literal(true),
  duplicateOf: SafeString({ description: 'Same as trackingCode' }),
  receivedAt: SafeString({ format: 'date-time' }),
  trackingUrl: SafeString(),
});
export type LinkedCaseResponse = Static<typeof LinkedCaseResponse>;

export const TrackingCodeParams = Type.Object({
  trackingCode: SafeString({
    minLength: 1,
    maxLength: 20,
    description: 'With or without the dash',
  }),
});

const TimelineEntry = Type.Object({
  type: SafeString({ description: 'Event type, e.g. "received", "routed"' }),
  at: SafeString({ format: 'date-time' }),
  description: Type.Object({ vi: SafeString(), en: SafeString() }),
  unit: Type.Optional(Type.Object({ code: SafeString(), name: SafeString() })),
});

/** `GET /v1/cases/{trackingCode}`: what anyone holding the code may see; no personal data. */
export const PublicCase = Type.Object({
  trackingCode: SafeString(),
  status: SafeString(),
  type: SafeString(),
  channel: SafeString(),
  category: Type.Object({ code: SafeString(), name: SafeString() }),
  unit: Type.Union([Type.Object({ code: SafeString(), name: SafeString() }), Type.Null()]),
  receivedAt: SafeString({ format: 'date-time' }),
  updatedAt: SafeString({ format: 'date-time' }),
  timeline: Type.Array(TimelineEntry),
});
export type PublicCase = Static<typeof PublicCase>;

/** `?lang=`: the language names come in (else Accept-Language, else Vietnamese). */
export const LangQuery = Type.Object({
  lang: Type.Optional(
    Type.Union([Type.Literal('vi'), Type.Literal('en')], {
      description: 'vi or en; absent: from Accept-Language, else vi',
    }),
  ),
});
export type LangQuery = Static<typeof LangQuery>;

export const CategoryList = Type.Object({
  categories: Type.Array(
    Type.Object({
      code: SafeString(),
      name: SafeString(),
      description: SafeString(),
      isDrill: Type.Boolean({ description: 'A drill category; listed only when asked for' }),
    }),
  ),
});
export type CategoryList = Static<typeof CategoryList>;

/** `GET /v1/categories`: citizens' forms never list drills; the console asks for them. */
export const CategoryListQuery = Type.Object(
  {
    includeDrills: Type.Optional(
      Type.Boolean({ description: 'List drill (diễn tập) categories too (default false)' }),
    ),
    lang: LangQuery.properties.lang,
  },
  { additionalProperties: false },
);
export type CategoryListQuery = Static<typeof CategoryListQuery>;
