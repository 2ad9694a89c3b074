import Type, { type Static } from 'typebox';
import { FieldError } from './errors.schemas.js';
import { INT4_MAX, NON_BLANK_TEXT_PATTERN, SafeString } from './safe-string.js';

/** `:id` of `/v1/cases/:id/…` for officials: the case's uuid or its tracking code. */
export const CaseRefParams = Type.Object({
  id: SafeString({ minLength: 1, maxLength: 64, description: 'Case id or tracking code' }),
});
export type CaseRefParams = Static<typeof CaseRefParams>;

/** `If-Match: "<version>"` may carry the expected version instead of the body. */
export const CaseActionHeaders = Type.Object({
  'if-match': Type.Optional(SafeString({ maxLength: 40 })),
});

const EXPECTED_VERSION = Type.Optional(
  Type.Integer({
    minimum: 1,
    maximum: INT4_MAX,
    description: 'The version the action was decided on; 409 VERSION_CONFLICT if it moved on',
  }),
);
const TEXT = (max: number, description: string) =>
  SafeString({ minLength: 1, maxLength: max, pattern: NON_BLANK_TEXT_PATTERN, description });
const DURATION = SafeString({
  minLength: 2,
  maxLength: 32,
  description: 'ISO 8601 duration, e.g. P10D',
});
const body = <T extends Type.TProperties>(props: T) =>
  Type.Object({ ...props, expectedVersion: EXPECTED_VERSION }, { additionalProperties: false });

export const EmptyActionBody = body({});
export const AssignBody = body({ assigneeId: SafeString({ format: 'uuid' }) });
export const RequestInformationBody = body({ question: TEXT(2000, 'What the citizen is asked') });
export const TransferBody = body({
  toUnitCode: SafeString({ minLength: 1, maxLength: 64 }),
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
  into: SafeString({ minLength: 1, maxLength: 64, description: 'Case id or tracking code' }),
});

/** The case after an action. */
export const CaseActionResponse = Type.Object({
  id: SafeString({ format: 'uuid' }),
  trackingCode: SafeString(),
  status: SafeString(),
  version: Type.Integer(),
  unitId: Type.Union([SafeString(), Type.Null()]),
  assigneeId: Type.Union([SafeString(), Type.Null()]),
  slaState: SafeString(),
  /** False when the action changed nothing. */
  changed: Type.Boolean(),
  pendingExtension: Type.Union([
    Type.Object({ duration: SafeString(), reason: SafeString() }),
    Type.Null(),
  ]),
  /** A handler's resolution waiting for a leader's approval. */
  pendingResolution: Type.Union([SafeString(), Type.Null()]),
});
export type CaseActionResponse = Static<typeof CaseActionResponse>;

/** 409: the error (a refusal with its rule, per field) or VERSION_CONFLICT and the case now. */
export const VersionConflictResponse = Type.Object({
  statusCode: Type.Integer(),
  code: SafeString(),
  message: SafeString(),
  /** What broke a rule, in words (e.g. an extension longer than the policy allows). */
  errors: Type.Optional(Type.Array(FieldError)),
  current: Type.Optional(
    Type.Object({
      status: SafeString(),
      version: Type.Integer(),
      assigneeId: Type.Union([SafeString(), Type.Null()]),
      unitId: Type.Union([SafeString(), Type.Null()]),
    }),
  ),
});

const NULLABLE_STRING = Type.Union([SafeString(), Type.Null()]);
const LOCALIZED = Type.Object({ vi: SafeString(), en: SafeString() });

/** `GET /v1/cases/:id/detail`: everything the officials' case page shows. */
export const CaseDetailResponse = Type.Object({
  id: SafeString(),
  trackingCode: SafeString(),
  version: Type.Integer(),
  status: SafeString(),
  type: SafeString(),
  channel: SafeString(),
  priority: SafeString(),
  text: SafeString(),
  category: Type.Object({ code: SafeString(), name: SafeString() }),
  unit: Type.Union([
    Type.Object({
      id: SafeString(),
      code: SafeString(),
      name: SafeString(),
      resolutionNeedsApproval: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  assignee: Type.Union([Type.Object({ id: SafeString(), name: SafeString() }), Type.Null()]),
  /** Where the problem is: never personal data, shown to every official in scope. */
  location: Type.Object({
    commune: Type.Union([Type.Object({ code: SafeString(), name: SafeString() }), Type.Null()]),
    /** The incident's address (house number, street, landmark). */
    address: NULLABLE_STRING,
    latitude: Type.Union([Type.Number(), Type.Null()]),
    longitude: Type.Union([Type.Number(), Type.Null()]),
  }),
  isAnonymous: Type.Boolean(),
  consentToPublish: Type.Boolean(),
  /**
   * The reporter's contact (personal data; `address` is their own address, not the incident's).
   * Null when hidden (an anonymous sender, from the handling unit).
   */
  citizen: Type.Union([
    Type.Object({
      name: NULLABLE_STRING,
      phone: NULLABLE_STRING,
      email: NULLABLE_STRING,
      address: NULLABLE_STRING,
    }),
    Type.Null(),
  ]),
  receivedAt: SafeString(),
  updatedAt: SafeString(),
  transferCount: Type.Integer(),
  escalationLevel: Type.Integer(),
  extensionsGranted: Type.Integer(),
  pendingExtension: Type.Union([
    Type.Object({ duration: SafeString(), reason: SafeString() }),
    Type.Null(),
  ]),
  /** What the case's policy allows: forms refuse longer extensions before asking. */
  extensionLimit: Type.Object({
    /** The longest single extension, in the policy's counting; null: no limit but the count. */
    maxDuration: Type.Union([
      Type.Object({
        duration: SafeString(),
        unit: Type.Union([Type.Literal('working'), Type.Literal('calendar')]),
      }),
      Type.Null(),
    ]),
    /** How many extensions the case may have in all. */
    allowed: Type.Integer(),
  }),
  pendingResolution: NULLABLE_STRING,
  resolutionText: NULLABLE_STRING,
  rating: Type.Union([Type.Integer(), Type.Null()]),
  mergedInto: Type.Union([
    Type.Object({ id: SafeString(), trackingCode: SafeString() }),
    Type.Null(),
  ]),
  sla: Type.Object({
    /** The working calendar the deadlines are counted in: the unit's own, else inherited. */
    calendarId: SafeString(),
    state: SafeString(),
    isPaused: Type.Boolean(),
    clocks: Type.Array(
      Type.Object({
        target: SafeString(),
        state: SafeString(),
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
      at: SafeString(),
      type: SafeString(),
      description: LOCALIZED,
      actor: Type.Object({
        kind: SafeString(),
        name: NULLABLE_STRING,
        officialId: Type.Optional(SafeString()),
      }),
      isInternal: Type.Boolean(),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
  attachments: Type.Array(
    Type.Object({
      id: SafeString(),
      source: SafeString(),
      fileName: NULLABLE_STRING,
      contentType: NULLABLE_STRING,
      sizeBytes: Type.Union([Type.Integer(), Type.Null()]),
      /**
       * Set when the attachment is only a link (an MMS media URL, an Open311 media_url): shown as
       * an external link, never fetched or redirected through us.
       */
      externalUrl: NULLABLE_STRING,
      /** Shown in place on the case page (a photo, a PDF); null: download only. */
      preview: Type.Union([Type.Literal('image'), Type.Literal('pdf'), Type.Null()]),
      createdAt: SafeString(),
      /** The timeline entry (its version) the file came with, e.g. the citizen's information. */
      eventVersion: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
  relatedCases: Type.Array(
    Type.Object({
      id: SafeString(),
      trackingCode: SafeString(),
      status: SafeString(),
      receivedAt: SafeString(),
      reasons: Type.Array(SafeString()),
      similarity: Type.Number(),
    }),
  ),
  /** Exactly the actions the signed-in official may take now. */
  allowedActions: Type.Array(SafeString()),
});
export type CaseDetailResponse = Static<typeof CaseDetailResponse>;
