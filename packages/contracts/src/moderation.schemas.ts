import Type, { type Static } from 'typebox';
import { NON_BLANK_TEXT_PATTERN, SafeString } from './safe-string.js';

const NULLABLE_TEXT = Type.Union([Type.String(), Type.Null()]);
const PUBLICATION_STATE = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('refused'),
]);

/** `GET /v1/moderation/cases`: the queue awaiting review, or the decisions taken. */
export const ModerationQueueQuery = Type.Object(
  {
    state: Type.Optional(
      Type.Union([Type.Literal('pending'), Type.Literal('decided')], {
        default: 'pending',
        description: 'pending: awaiting review (default); decided: approved or refused',
      }),
    ),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type ModerationQueueQuery = Static<typeof ModerationQueueQuery>;

export const ModerationQueueItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  trackingCode: Type.String(),
  status: Type.String(),
  categoryName: Type.String(),
  unitName: NULLABLE_TEXT,
  /** The start of the text, redacted. */
  excerpt: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  publicationState: PUBLICATION_STATE,
});

export const ModerationQueue = Type.Object({
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hasMore: Type.Boolean(),
  items: Type.Array(ModerationQueueItem),
});
export type ModerationQueue = Static<typeof ModerationQueue>;

/** One case under review: the original beside the public version an official may approve. */
export const ModerationCase = Type.Object({
  id: Type.String({ format: 'uuid' }),
  trackingCode: Type.String(),
  status: Type.String(),
  caseType: Type.String(),
  consentToPublish: Type.Boolean(),
  version: Type.Integer(),
  category: Type.String(),
  unitName: NULLABLE_TEXT,
  original: Type.Object({ text: Type.String(), answer: NULLABLE_TEXT }),
  /** The approved texts once approved; until then the originals, redacted. */
  public: Type.Object({ text: Type.String(), answer: NULLABLE_TEXT }),
  publication: Type.Object({
    state: PUBLICATION_STATE,
    /** Why it was refused. */
    note: NULLABLE_TEXT,
    decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    decidedBy: NULLABLE_TEXT,
  }),
  /** Why approval is impossible (no consent, a denunciation, not answered); null when it may. */
  cannotApprove: Type.Union([
    Type.Object({ reason: Type.String(), message: Type.String() }),
    Type.Null(),
  ]),
});
export type ModerationCase = Static<typeof ModerationCase>;

export const ModerationCaseParams = Type.Object({
  id: SafeString({ format: 'uuid', description: 'The case id' }),
});

/** Approve: the public text and answer as the official leaves them (default: as proposed). */
export const ApprovePublicationBody = Type.Object(
  {
    publicText: Type.Optional(
      SafeString({
        minLength: 1,
        maxLength: 10000,
        pattern: NON_BLANK_TEXT_PATTERN,
        description: 'The text to publish',
      }),
    ),
    publicAnswer: Type.Optional(
      SafeString({
        minLength: 1,
        maxLength: 10000,
        pattern: NON_BLANK_TEXT_PATTERN,
        description: 'The answer to publish',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ApprovePublicationBody = Static<typeof ApprovePublicationBody>;

export const RefusePublicationBody = Type.Object(
  {
    reason: SafeString({
      minLength: 1,
      maxLength: 2000,
      pattern: NON_BLANK_TEXT_PATTERN,
      description: 'Why not',
    }),
  },
  { additionalProperties: false },
);
export type RefusePublicationBody = Static<typeof RefusePublicationBody>;
