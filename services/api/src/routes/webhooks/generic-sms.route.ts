import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorResponse,
  SmsWebhookBody,
  SmsWebhookParams,
  SmsWebhookResponse,
} from '@hotline/contracts';
import { receiveSms } from '@hotline/core';
import { checkGenericSignature } from './sms-signatures.js';
import type { SmsRouteDeps } from './twilio-sms.route.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as received, for signature checks (set by the webhook's own JSON parser). */
    rawBody?: string;
  }
}

const MESSAGES = {
  missing: 'X-Signature and X-Timestamp are required',
  stale: 'X-Timestamp is more than 5 minutes away from our clock',
  mismatch: 'X-Signature does not match',
  unknown: 'unknown provider',
} as const;

/**
 * Generic SMS gateways: JSON `{id, from, to, text, receivedAt}` signed with
 * `X-Signature: sha256=hex(HMAC-SHA256(secret, X-Timestamp + "." + raw body))`. The answer is
 * JSON with the reply text for the gateway to send; a retried id gets the same answer.
 */
export const genericSmsRoute =
  (deps: SmsRouteDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    // The HMAC is over the exact bytes: this plugin keeps them (the rest of the app is untouched).
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: deps.bodyLimit },
      (request, body, done) => {
        request.rawBody = body as string;
        try {
          done(null, JSON.parse(body as string));
        } catch {
          const err = new Error('malformed JSON') as Error & { statusCode: number; code: string };
          err.statusCode = 400;
          err.code = 'FST_ERR_CTP_INVALID_JSON_BODY';
          done(err, undefined);
        }
      },
    );
    app.post(
      '/webhooks/sms/:provider',
      {
        bodyLimit: deps.bodyLimit,
        schema: {
          summary: 'Inbound SMS from a generic gateway (JSON, X-Signature + X-Timestamp)',
          tags: ['webhooks'],
          params: SmsWebhookParams,
          body: SmsWebhookBody,
          response: { 200: SmsWebhookResponse, 400: ErrorResponse, 403: ErrorResponse },
        },
        preValidation: async (request, reply) => {
          const { provider } = request.params;
          const secret = Object.hasOwn(deps.sms.webhookSecrets, provider)
            ? deps.sms.webhookSecrets[provider]
            : undefined;
          const header = (name: string) => {
            const v = request.headers[name];
            return typeof v === 'string' ? v : undefined;
          };
          const check = secret
            ? checkGenericSignature(
                secret,
                request.rawBody ?? '',
                header('x-timestamp'),
                header('x-signature'),
                Date.now(),
              )
            : 'unknown';
          if (check !== 'ok') {
            request.log.warn({ provider, check }, 'sms webhook signature rejected');
            return reply
              .status(403)
              .send({ statusCode: 403, code: 'INVALID_SIGNATURE', message: MESSAGES[check] });
          }
        },
      },
      async (request) => {
        const { body } = request;
        const answer = await receiveSms(
          {
            sql: deps.sql,
            db: deps.db,
            randomBytes,
            randomUuid: randomUUID,
            joinWindowMs: deps.sms.joinWindowMs,
            foldAscii: deps.foldAscii,
          },
          {
            provider: request.params.provider,
            providerMessageId: body.id,
            from: body.from,
            to: body.to,
            text: body.text,
            media: [],
          },
          new Date(),
        );
        request.log.info(
          { caseId: answer.caseId, outcome: answer.outcome, duplicate: answer.isDuplicate },
          'sms received',
        );
        return { outcome: answer.outcome, reply: answer.reply, duplicate: answer.isDuplicate };
      },
    );
  };
