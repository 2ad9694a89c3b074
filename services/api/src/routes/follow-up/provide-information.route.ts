import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorCodes, type FastifyRequest } from 'fastify';
import {
  CaseProofHeaders,
  ErrorResponse,
  FollowUpResult,
  ProvideInformationBody,
  ProvideInformationForm,
  TrackingCodeParams,
} from '@hotline/contracts';
import {
  proveCaseOwner,
  provideCaseInformation,
  validationFailed,
  type AttachmentLimits,
  type CaseProof,
  type FollowUpDeps,
  type InformationFile,
} from '@hotline/core';
import type { LinkBase } from '../../plugins/link-base.js';
import { acceptUploads, multipartProblem } from '../../plugins/uploads.js';

const TEXT_MAX = 5000;

const proofOf = (headers: Record<string, unknown>): CaseProof => {
  const one = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { token: one(headers['x-case-token']), otp: one(headers['x-case-otp']) };
};

/**
 * Reads a multipart answer: its `text` field and its `file` parts, whole, before anything is
 * stored (a truncated or malformed body is a 400 naming the field, and writes nothing).
 */
async function readInformationForm(request: FastifyRequest, limits: AttachmentLimits) {
  let text: string | undefined;
  const files: InformationFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field' && part.fieldname === 'text' && typeof part.value === 'string') {
        text = part.value;
      } else if (part.type === 'file' && part.fieldname === 'file') {
        files.push({ fileName: part.filename, bytes: await part.toBuffer() });
      } else {
        const field = part.fieldname.replace(/[^\w.-]/g, '?').slice(0, 64);
        throw validationFailed([{ field, reason: 'unexpected_field' }]);
      }
    }
  } catch (err) {
    throw multipartProblem(err, limits);
  }
  return { text, files };
}

/**
 * `POST /v1/cases/{code}/information`: the citizen answers a request for information, as JSON
 * (`{text}`) or as a multipart form (`text` and up to five `file` parts: photos, PDF…, checked
 * by their bytes like any upload), with proof of ownership. The files are shown to officials
 * with the information they came with.
 */
export const provideInformationRoute =
  (
    deps: Omit<FollowUpDeps, 'publicBaseUrl'> & {
      bodyLimit: number;
      linkBase: LinkBase;
      dir: string;
      limits: AttachmentLimits;
    },
  ): FastifyPluginAsyncTypebox =>
  async (app) => {
    await acceptUploads(app, deps.limits, { count: 1, maxBytes: TEXT_MAX * 4 });
    const filesOf = new WeakMap<FastifyRequest, InformationFile[]>();
    app.post(
      '/v1/cases/:trackingCode/information',
      {
        bodyLimit: deps.bodyLimit,
        schema: {
          summary: 'Answer a request for information (bổ sung thông tin), with files if any',
          description:
            'JSON `{text}`, or `multipart/form-data` with a `text` field and up to five `file` ' +
            'parts (photos, PDF, audio, video; checked by their bytes; ATTACHMENT_MAX_BYTES each, ' +
            'ATTACHMENTS_PER_CASE in all). The files are kept with the information.',
          tags: ['follow-up'],
          params: TrackingCodeParams,
          headers: CaseProofHeaders,
          body: {
            content: {
              'application/json': { schema: ProvideInformationBody },
              'multipart/form-data': { schema: ProvideInformationForm },
            },
          },
          response: {
            200: FollowUpResult,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            413: ErrorResponse,
            415: ErrorResponse,
            429: ErrorResponse,
          },
        },
        // A multipart answer is read here, once its sender has proved the case is theirs: the
        // files are held for the handler and the text validated like the JSON one.
        preValidation: async (request) => {
          if (!request.isMultipart()) {
            // The schema names two content types; any other one Fastify can parse (text/plain)
            // would reach the handler unvalidated.
            const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
            if (request.body !== undefined && type.toLowerCase() !== 'application/json') {
              throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(type);
            }
            return;
          }
          await proveCaseOwner(deps, request.params.trackingCode, proofOf(request.headers));
          const { text, files } = await readInformationForm(request, deps.limits);
          request.body = text === undefined ? {} : { text };
          filesOf.set(request, files);
        },
      },
      async (request) => {
        // Typed per content type in the schema, which the type provider does not infer.
        const { text } = request.body as ProvideInformationBody;
        return provideCaseInformation(
          {
            ...deps,
            publicBaseUrl: deps.linkBase(request),
            attachments: { dir: deps.dir, limits: deps.limits },
          },
          request.params.trackingCode,
          proofOf(request.headers),
          text,
          new Date(),
          filesOf.get(request) ?? [],
        );
      },
    );
  };
