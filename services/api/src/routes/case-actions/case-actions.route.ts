import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { LinkBase } from '../../plugins/link-base.js';
import {
  AssignBody,
  CaseActionHeaders,
  CaseActionResponse,
  CaseRefParams,
  CommentBody,
  EmptyActionBody,
  ErrorResponse,
  GrantExtensionBody,
  MergeBody,
  RefuseBody,
  RejectBody,
  ReplyBody,
  RequestExtensionBody,
  RequestInformationBody,
  ResolveBody,
  TransferBody,
  VersionConflictResponse,
} from '@hotline/contracts';
import {
  actOnCase,
  validationFailed,
  VersionConflictError,
  type ActedCase,
  type CaseChangeDeps,
  type RequestedAction,
} from '@hotline/core';
import type { Database } from '@hotline/db';
import { officialGuard, officialOf, type OfficialResolver } from '../../plugins/official-token.js';

export interface CaseActionRouteDeps {
  db: Database;
  /** Signed-in sessions, when the app has them; API tokens work either way. */
  sessions?: OfficialResolver;
  /** Where the links in the citizen's messages point. */
  linkBase?: LinkBase;
  timeZone?: string;
}

const ERRORS = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: VersionConflictResponse,
};

/** The version the client decided on: the body's `expectedVersion`, else `If-Match: "<n>"`. */
function expectedVersionOf(body: { expectedVersion?: number }, ifMatch: string | undefined) {
  if (body.expectedVersion !== undefined) return body.expectedVersion;
  if (ifMatch === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!match) throw validationFailed([{ field: 'if-match', reason: 'invalid_version' }]);
  return Number(match[1]);
}

const responseOf = (acted: ActedCase): Static<typeof CaseActionResponse> => ({
  id: acted.caseId,
  trackingCode: acted.trackingCode,
  status: acted.state.status,
  version: acted.state.version,
  unitId: acted.state.unitId,
  assigneeId: acted.state.assigneeId,
  slaState: acted.sla.state,
  changed: acted.changed,
  pendingExtension: acted.state.pendingExtension,
  pendingResolution: acted.state.pendingResolution ?? null,
});

/** A version conflict answers with the case as it is now, so the console can refresh. */
function sendConflict(reply: FastifyReply, err: VersionConflictError) {
  return reply.status(409).send({
    statusCode: 409,
    code: err.code,
    message: err.message,
    current: err.current,
  });
}

/**
 * Officials' actions on a case (issue item 4): `POST /v1/cases/:id/<action>`, id or tracking
 * code. Out of scope: 404; a role or unit that may not: 403; a status that does not allow it,
 * or a stale `expectedVersion` / `If-Match`: 409.
 */
export const caseActionRoutes =
  (deps: CaseActionRouteDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook('preHandler', officialGuard({ db: deps.db, sessions: deps.sessions }));
    // A bodiless POST (`curl -X POST …/accept`) is an empty object: then the schema says what
    // is missing, rather than that the body is not an object.
    app.addHook('preValidation', async (request) => {
      request.body ??= {};
    });
    const changeDeps: CaseChangeDeps = {
      db: deps.db,
      ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
    };

    const action = <B extends TSchema>(
      name: string,
      summary: string,
      body: B,
      toAction: (body: Static<B>) => RequestedAction,
    ) =>
      app.post(
        `/v1/cases/:id/${name}`,
        {
          schema: {
            summary,
            tags: ['case-actions'],
            security: [{ officialToken: [] }],
            params: CaseRefParams,
            headers: CaseActionHeaders,
            body,
            response: { 200: CaseActionResponse, ...ERRORS },
          },
        },
        async (request, reply) => {
          const payload = request.body as Static<B> & { expectedVersion?: number };
          const expected = expectedVersionOf(payload, request.headers['if-match']);
          try {
            const acted = await actOnCase(
              deps.linkBase ? { ...changeDeps, publicBaseUrl: deps.linkBase(request) } : changeDeps,
              officialOf(request),
              request.params.id,
              toAction(payload),
              expected,
              new Date(),
            );
            request.log.info({ caseId: acted.caseId, action: name }, 'case action');
            return responseOf(acted);
          } catch (err) {
            if (err instanceof VersionConflictError) return sendConflict(reply, err);
            throw err;
          }
        },
      );

    action('accept', 'Accept the case (thụ lý)', EmptyActionBody, () => ({ kind: 'accept' }));
    for (const name of ['assign', 'reassign']) {
      action(name, 'Assign the case to an official of its unit', AssignBody, (b) => ({
        kind: 'assign',
        assigneeId: b.assigneeId,
      }));
    }
    action(
      'request-information',
      'Ask the citizen for more information (pauses the clock)',
      RequestInformationBody,
      (b) => ({ kind: 'request-information', question: b.question }),
    );
    action('transfer', 'Transfer the case to another unit, with a reason', TransferBody, (b) => ({
      kind: 'transfer',
      toUnitCode: b.toUnitCode,
      reason: b.reason,
    }));
    action('request-extension', 'Ask for more time', RequestExtensionBody, (b) => ({
      kind: 'request-extension',
      duration: b.duration,
      reason: b.reason,
    }));
    action('grant-extension', 'Grant an extension (leader)', GrantExtensionBody, (b) => ({
      kind: 'grant-extension',
      reason: b.reason,
      ...(b.duration ? { duration: b.duration } : {}),
    }));
    action('refuse-extension', 'Refuse the pending extension (leader)', RefuseBody, (b) => ({
      kind: 'refuse-extension',
      reason: b.reason,
    }));
    action('comment', 'Add a note (internal by default)', CommentBody, (b) => ({
      kind: 'comment',
      text: b.text,
      isInternal: b.internal ?? true,
    }));
    action('reply', 'Reply to the citizen', ReplyBody, (b) => ({ kind: 'reply', text: b.text }));
    action(
      'resolve',
      'Resolve the case (a proposal where the unit wants a leader’s approval)',
      ResolveBody,
      (b) => ({ kind: 'resolve', answer: b.answer }),
    );
    action(
      'approve-resolution',
      'Approve the proposed resolution (leader)',
      EmptyActionBody,
      () => ({
        kind: 'approve-resolution',
      }),
    );
    action('refuse-resolution', 'Send the proposed resolution back (leader)', RefuseBody, (b) => ({
      kind: 'refuse-resolution',
      reason: b.reason,
    }));
    action('close', 'Close a resolved case', EmptyActionBody, () => ({ kind: 'close' }));
    action('reject', 'Reject the case (spam, out of scope…)', RejectBody, (b) => ({
      kind: 'reject',
      reason: b.reason,
      note: b.note,
    }));
    action('merge', 'Merge the case into another (duplicate)', MergeBody, (b) => ({
      kind: 'merge',
      into: b.into,
    }));
  };
