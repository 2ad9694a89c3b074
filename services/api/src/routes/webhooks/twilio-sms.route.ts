import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { SmsConfig } from '@hotline/config';
import { ErrorResponse, TwilioSmsBody } from '@hotline/contracts';
import { queueSmsReply, receiveSms } from '@hotline/core';
import type { Database, MediaLink, RawSql } from '@hotline/db';
import { acceptFormBodies } from '../../plugins/form-body.js';
import { isValidTwilioSignature, type FormParams } from './sms-signatures.js';

export interface SmsRouteDeps {
  db: Database;
  sql: RawSql;
  sms: SmsConfig;
  publicBaseUrl: string;
  foldAscii: boolean;
  bodyLimit: number;
}

const xml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
  );

/** TwiML: the answer as one message, or nothing. */
const twiml = (reply: string | null) =>
  reply === null
    ? '<?xml version="1.0" encoding="UTF-8"?><Response/>'
    : `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${xml(reply)}</Message></Response>`;

/** MediaUrl0…MediaUrl{NumMedia-1} with their content types. */
function mediaOf(params: FormParams): MediaLink[] {
  const count = Math.min(Number(params.NumMedia ?? 0) || 0, 10);
  const media: MediaLink[] = [];
  for (let i = 0; i < count; i++) {
    const url = params[`MediaUrl${i}`];
    const type = params[`MediaContentType${i}`];
    if (typeof url === 'string' && /^https?:\/\//.test(url)) {
      media.push({
        url,
        contentType: typeof type === 'string' ? type : 'application/octet-stream',
      });
    }
  }
  return media;
}

/**
 * Twilio's inbound SMS webhook. The signature is checked before anything else (a bad one: 403,
 * nothing stored); the answer is TwiML, the same for a retried MessageSid.
 */
export const twilioSmsRoute =
  (deps: SmsRouteDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    await acceptFormBodies(app, deps.bodyLimit);
    const base = deps.publicBaseUrl.replace(/\/+$/, '');
    app.post(
      '/webhooks/sms/twilio',
      {
        bodyLimit: deps.bodyLimit,
        schema: {
          summary: 'Inbound SMS from Twilio (form-encoded, X-Twilio-Signature)',
          tags: ['webhooks'],
          consumes: ['application/x-www-form-urlencoded'],
          body: TwilioSmsBody,
          response: {
            200: { content: { 'text/xml': { schema: Type.String({ description: 'TwiML' }) } } },
            400: ErrorResponse,
            403: ErrorResponse,
          },
        },
        // Before validation: an unsigned request learns nothing about our schema.
        preValidation: async (request, reply) => {
          const header = request.headers['x-twilio-signature'];
          const params = (request.body ?? {}) as FormParams;
          const ok = isValidTwilioSignature(
            deps.sms.twilioAuthToken,
            base + request.url,
            params,
            typeof header === 'string' ? header : undefined,
          );
          if (!ok) {
            request.log.warn({ route: request.url }, 'twilio signature rejected');
            return reply.status(403).send({
              statusCode: 403,
              code: 'INVALID_SIGNATURE',
              message: 'X-Twilio-Signature is missing or does not match',
            });
          }
        },
      },
      async (request, reply) => {
        const params = request.body as FormParams & TwilioSmsBody;
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
            provider: 'twilio',
            providerMessageId: params.MessageSid,
            from: params.From,
            to: params.To,
            text: params.Body ?? '',
            media: mediaOf(params),
          },
          new Date(),
        );
        request.log.info(
          { caseId: answer.caseId, outcome: answer.outcome, duplicate: answer.isDuplicate },
          'sms received',
        );
        if (deps.sms.replyMode === 'outbound' && answer.reply) {
          await queueSmsReply(
            { db: deps.db },
            {
              provider: 'twilio',
              providerMessageId: params.MessageSid,
              caseId: answer.caseId,
              to: params.From,
              text: answer.reply,
            },
            new Date(),
          );
        }
        const text = deps.sms.replyMode === 'twiml' ? answer.reply : null;
        return reply.status(200).type('text/xml; charset=utf-8').send(twiml(text));
      },
    );
  };
