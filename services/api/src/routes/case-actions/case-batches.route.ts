import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static, TSchema } from 'typebox';
import {
  BatchAssignBody,
  BatchCloseBody,
  BatchResponse,
  BatchTransferBody,
  ErrorResponse,
} from '@hotline/contracts';
import { actOnCases, type BatchAction, type BatchOutcome } from '@hotline/core';
import { officialGuard, officialOf } from '../../plugins/official-token.js';
import type { CaseActionRouteDeps } from './case-actions.route.js';

const resultOf = (o: BatchOutcome): BatchResponse['results'][number] =>
  o.outcome === 'done'
    ? {
        ref: o.ref,
        outcome: 'done',
        id: o.acted.caseId,
        trackingCode: o.acted.trackingCode,
        status: o.acted.state.status,
        code: null,
        message: null,
      }
    : {
        ref: o.ref,
        outcome: 'refused',
        id: o.current?.caseId ?? null,
        trackingCode: o.current?.trackingCode ?? null,
        status: o.current?.status ?? null,
        code: o.code,
        message: o.message,
      };

/**
 * A queue's bulk actions: `POST /v1/case-batches/<action>` with up to 100 case ids or codes.
 * Each case goes through the same use case as its single action, in its own transaction; the
 * answer is 200 with each case's outcome (done, or refused with the single action's code).
 */
export const caseBatchRoutes =
  (deps: CaseActionRouteDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addHook('preHandler', officialGuard({ db: deps.db, sessions: deps.sessions }));

    const batch = <B extends TSchema>(
      name: string,
      summary: string,
      body: B,
      toAction: (body: Static<B>) => BatchAction,
    ) =>
      app.post(
        `/v1/case-batches/${name}`,
        {
          schema: {
            summary,
            tags: ['case-actions'],
            security: [{ officialToken: [] }],
            body,
            response: {
              200: BatchResponse,
              400: ErrorResponse,
              401: ErrorResponse,
              403: ErrorResponse,
            },
          },
        },
        async (request) => {
          const payload = request.body as Static<B>;
          // Every batch body carries the cases (the schemas share one `caseIds`).
          const { caseIds } = request.body as { caseIds: string[] };
          const outcomes = await actOnCases(
            {
              db: deps.db,
              ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
              ...(deps.linkBase ? { publicBaseUrl: deps.linkBase(request) } : {}),
            },
            officialOf(request),
            caseIds,
            toAction(payload),
            new Date(),
          );
          for (const o of outcomes) {
            if (o.outcome === 'refused' && o.cause !== undefined) {
              request.log.error({ err: o.cause, action: name }, 'batch case failed');
            }
          }
          const results = outcomes.map(resultOf);
          const done = results.filter((r) => r.outcome === 'done').length;
          request.log.info({ action: name, done, refused: results.length - done }, 'case batch');
          return { done, refused: results.length - done, results };
        },
      );

    batch('assign', 'Assign many cases to one official', BatchAssignBody, (b) => ({
      kind: 'assign',
      assigneeId: b.assigneeId,
    }));
    batch('transfer', 'Transfer many cases with one reason', BatchTransferBody, (b) => ({
      kind: 'transfer',
      toUnitCode: b.toUnitCode,
      reason: b.reason,
    }));
    batch('close', 'Close many resolved cases', BatchCloseBody, () => ({ kind: 'close' }));
  };
