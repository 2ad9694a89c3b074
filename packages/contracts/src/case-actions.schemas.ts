import Type, { type Static } from 'typebox';

/** `:id` of `/v1/cases/:id/…` for officials: the case's uuid or its tracking code. */
export const CaseRefParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: 'Case id or tracking code' }),
});
export type CaseRefParams = Static<typeof CaseRefParams>;

/** `If-Match: "<version>"` may carry the expected version instead of the body. */
export const CaseActionHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ maxLength: 40 })),
});

const EXPECTED_VERSION = Type.Optional(
  Type.Integer({
    minimum: 1,
    description: 'The version the action was decided on; 409 VERSION_CONFLICT if it moved on',
  }),
);
const TEXT = (max: number, description: string) =>
  Type.String({ minLength: 1, maxLength: max, pattern: '\\S', description });
const DURATION = Type.String({
  minLength: 2,
  maxLength: 32,
  description: 'ISO 8601 duration, e.g. P10D',
});
const body = <T extends Type.TProperties>(props: T) =>
  Type.Object({ ...props, expectedVersion: EXPECTED_VERSION }, { additionalProperties: false });

export const EmptyActionBody = body({});
export const AssignBody = body({ assigneeId: Type.String({ format: 'uuid' }) });
export const RequestInformationBody = body({ question: TEXT(2000, 'What the citizen is asked') });
export const TransferBody = body({
  toUnitCode: Type.String({ minLength: 1, maxLength: 64 }),
  reason: TEXT(2000, 'Why the case belongs to the other unit'),
});
export const RequestExtensionBody = body({ duration: DURATION, reason: TEXT(2000, 'Why') });
export const GrantExtensionBody = body({
  reason: TEXT(2000, 'Why'),
  duration: Type.Optional(DURATION),
});
export const RefuseBody = body({ reason: TEXT(2000, 'Why') });
export const CommentBody = body({
  text: TEXT(5000, 'The note'),
  internal: Type.Optional(Type.Boolean({ description: 'Officials only (default true)' })),
});
export const ReplyBody = body({ text: TEXT(10000, 'The answer sent to the citizen') });
export const ResolveBody = body({ answer: TEXT(10000, 'The resolution told to the citizen') });
export const RejectBody = body({
  reason: Type.Union([
    Type.Literal('spam'),
    Type.Literal('out_of_scope'),
    Type.Literal('duplicate'),
    Type.Literal('insufficient_information'),
    Type.Literal('other'),
  ]),
  note: TEXT(2000, 'What the citizen is told'),
});
export const MergeBody = body({
  into: Type.String({ minLength: 1, maxLength: 64, description: 'Case id or tracking code' }),
});

/** The case after an action. */
export const CaseActionResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  trackingCode: Type.String(),
  status: Type.String(),
  version: Type.Integer(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  assigneeId: Type.Union([Type.String(), Type.Null()]),
  slaState: Type.String(),
  /** False when the action changed nothing. */
  changed: Type.Boolean(),
  pendingExtension: Type.Union([
    Type.Object({ duration: Type.String(), reason: Type.String() }),
    Type.Null(),
  ]),
  /** A handler's resolution waiting for a leader's approval. */
  pendingResolution: Type.Union([Type.String(), Type.Null()]),
});
export type CaseActionResponse = Static<typeof CaseActionResponse>;

/** 409 VERSION_CONFLICT: the error and the case as it is now. */
export const VersionConflictResponse = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String(),
  message: Type.String(),
  current: Type.Optional(
    Type.Object({
      status: Type.String(),
      version: Type.Integer(),
      assigneeId: Type.Union([Type.String(), Type.Null()]),
      unitId: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

const NULLABLE_STRING = Type.Union([Type.String(), Type.Null()]);
const LOCALIZED = Type.Object({ vi: Type.String(), en: Type.String() });

/** `GET /v1/cases/:id/detail`: everything the officials' case page shows. */
export const CaseDetailResponse = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  version: Type.Integer(),
  status: Type.String(),
  type: Type.String(),
  channel: Type.String(),
  priority: Type.String(),
  text: Type.String(),
  category: Type.Object({ code: Type.String(), name: Type.String() }),
  unit: Type.Union([
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      resolutionNeedsApproval: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  assignee: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  location: Type.Object({
    commune: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
    latitude: Type.Union([Type.Number(), Type.Null()]),
    longitude: Type.Union([Type.Number(), Type.Null()]),
  }),
  isAnonymous: Type.Boolean(),
  consentToPublish: Type.Boolean(),
  /** Null when hidden (an anonymous sender, from the handling unit). */
  citizen: Type.Union([
    Type.Object({
      name: NULLABLE_STRING,
      phone: NULLABLE_STRING,
      email: NULLABLE_STRING,
      address: NULLABLE_STRING,
    }),
    Type.Null(),
  ]),
  receivedAt: Type.String(),
  updatedAt: Type.String(),
  transferCount: Type.Integer(),
  escalationLevel: Type.Integer(),
  extensionsGranted: Type.Integer(),
  pendingExtension: Type.Union([
    Type.Object({ duration: Type.String(), reason: Type.String() }),
    Type.Null(),
  ]),
  pendingResolution: NULLABLE_STRING,
  resolutionText: NULLABLE_STRING,
  rating: Type.Union([Type.Integer(), Type.Null()]),
  mergedInto: Type.Union([
    Type.Object({ id: Type.String(), trackingCode: Type.String() }),
    Type.Null(),
  ]),
  sla: Type.Object({
    /** The working calendar the deadlines are counted in: the unit's own, else inherited. */
    calendarId: Type.String(),
    state: Type.String(),
    isPaused: Type.Boolean(),
    clocks: Type.Array(
      Type.Object({
        target: Type.String(),
        state: Type.String(),
        startedAt: NULLABLE_STRING,
        dueAt: NULLABLE_STRING,
        warnAt: NULLABLE_STRING,
        metAt: NULLABLE_STRING,
        /** Working time left until the deadline (negative: overdue); null when not running. */
        remainingWorkingMs: Type.Union([Type.Number(), Type.Null()]),
      }),
    ),
  }),
  timeline: Type.Array(
    Type.Object({
      version: Type.Integer(),
      at: Type.String(),
      type: Type.String(),
      description: LOCALIZED,
      actor: Type.Object({
        kind: Type.String(),
        name: NULLABLE_STRING,
        officialId: Type.Optional(Type.String()),
      }),
      isInternal: Type.Boolean(),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
  attachments: Type.Array(
    Type.Object({
      id: Type.String(),
      source: Type.String(),
      fileName: NULLABLE_STRING,
      contentType: NULLABLE_STRING,
      sizeBytes: Type.Union([Type.Integer(), Type.Null()]),
      /**
       * Set when the attachment is only a link (an MMS media URL, an Open311 media_url): shown as
       * an external link, never fetched or redirected through us.
       */
      externalUrl: NULLABLE_STRING,
      createdAt: Type.String(),
    }),
  ),
  relatedCases: Type.Array(
    Type.Object({
      id: Type.String(),
      trackingCode: Type.String(),
      status: Type.String(),
      receivedAt: Type.String(),
      reasons: Type.Array(Type.String()),
      similarity: Type.Number(),
    }),
  ),
  /** Exactly the actions the signed-in official may take now. */
  allowedActions: Type.Array(Type.String()),
});
export type CaseDetailResponse = Static<typeof CaseDetailResponse>;
