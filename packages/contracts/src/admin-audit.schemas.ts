import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

/** The most rows one page of the audit may hold. */
export const ADMIN_AUDIT_MAX_LIMIT = 200;

/** `GET /v1/admin/audit`: newest first, optionally of one entity, paged by `before`. */
export const AdminAuditQuery = Type.Object(
  {
    entity: Type.Optional(
      SafeString({
        minLength: 1,
        maxLength: 64,
        description: 'e.g. unit, official, calendar, routing_rule, sla_policy, api_key',
      }),
    ),
    entityId: Type.Optional(SafeString({ minLength: 1, maxLength: 200 })),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: ADMIN_AUDIT_MAX_LIMIT,
        description: `At most ${ADMIN_AUDIT_MAX_LIMIT}; 50 by default`,
      }),
    ),
    before: Type.Optional(
      Type.Integer({
        minimum: 1,
        // The audit id is a bigint read as a JavaScript number.
        maximum: Number.MAX_SAFE_INTEGER,
        description: 'nextBefore of the previous page: only rows older than that one',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AdminAuditQuery = Static<typeof AdminAuditQuery>;

export const AdminAuditEntryView = Type.Object({
  id: Type.Integer(),
  at: SafeString({ format: 'date-time' }),
  officialId: Type.Union([SafeString({ format: 'uuid' }), Type.Null()], {
    description: 'The administrator; null when the placeholder admin token was used',
  }),
  action: SafeString({ description: 'e.g. unit.create, calendar.override_set' }),
  entity: SafeString(),
  entityId: SafeString(),
  before: Type.Unknown({ description: 'The entity before the change; null when created' }),
  after: Type.Unknown({ description: 'The entity after the change; null when deleted' }),
});
export type AdminAuditEntryView = Static<typeof AdminAuditEntryView>;

export const AdminAuditPage = Type.Object({
  items: Type.Array(AdminAuditEntryView),
  nextBefore: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Pass as `before` for the next (older) page; null on the last page',
  }),
});
export type AdminAuditPage = Static<typeof AdminAuditPage>;
