import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import {
  AppError,
  DATABASE_RETRY_AFTER_SECONDS,
  databaseFailure,
  type FieldProblem,
} from '@hotline/core';
import { STATUS } from '../../plugins/error-handler.js';
import { toFieldError } from '../../errors/messages.js';
import { validationProblems } from '../../errors/validation-problems.js';

/** The two response formats of GeoReport v2, chosen by the path's suffix. */
export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

const CONTENT_TYPE: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/**
 * The responses of an Open311 route for the OpenAPI document: GeoReport bodies (and its
 * `errors` list) in the content type of each suffix the route serves.
 */
export const open311Responses = (formats: readonly Format[]) => {
  const content: Record<string, { schema: object }> = {};
  for (const f of formats) content[CONTENT_TYPE[f].replace(/;.*/, '')] = { schema: {} };
  return {
    200: { description: 'GeoReport v2', content },
    '4xx': { description: 'GeoReport v2 errors: [{ code, description }]', content },
  };
};

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false });

/**
 * XML wrappers: the root element and the element of each item, as the spec names them
 * (`<services><service>…`, `<service_requests><request>…`, `<errors><error>…`).
 */
export interface XmlShape {
  root: string;
  /** Each array item becomes one element of this name. */
  item?: string;
  /** Or a mapping of the JSON body to the XML tree under the root. */
  toXml?: (body: unknown) => unknown;
}

/** `K7QM-4RX9.json` → the id and its format; null when the suffix is not one we serve. */
export function splitFormat(file: string): { id: string; format: Format } | null {
  const dot = file.lastIndexOf('.');
  const format = FORMATS.find((f) => f === file.slice(dot + 1));
  return dot > 0 && format ? { id: file.slice(0, dot), format } : null;
}

/** The format an error should be written in: the request path's suffix, JSON by default. */
export const formatOfUrl = (url: string): Format =>
  /\.xml$/i.test(url.split('?')[0] ?? '') ? 'xml' : 'json';

export function sendOpen311(
  reply: FastifyReply,
  format: Format,
  shape: XmlShape,
  body: unknown,
  status = 200,
) {
  reply.status(status).type(CONTENT_TYPE[format]);
  if (format === 'json') return reply.send(JSON.stringify(body));
  const inner = shape.item ? { [shape.item]: body } : shape.toXml ? shape.toXml(body) : body;
  const xml = builder.build({ [shape.root]: inner });
  return reply.send(`<?xml version="1.0" encoding="utf-8"?>\n${xml}`);
}

const describe = (p: FieldProblem) => {
  const { message } = toFieldError(p);
  return `${message.vi} (${message.en})`;
};

/** Errors in the spec's shape: `[{ code, description }]` / `<errors><error>…`. */
export function open311ErrorHandler(
  err: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const format = formatOfUrl(request.url);
  let status: number;
  let problems: FieldProblem[] = [];
  let message = err.message;
  const database = err instanceof AppError ? null : databaseFailure(err);
  if (err instanceof AppError) {
    status = STATUS[err.code];
    problems = [...err.problems];
  } else if (err.validation) {
    status = 400;
    problems = validationProblems(err.validation, err.validationContext ?? 'body');
  } else if (database?.kind === 'invalid_data') {
    status = 400;
    problems = [database.problem];
  } else if (database?.kind === 'unavailable') {
    status = 503;
    message = 'The database is unavailable; retry later.';
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
  } else {
    status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  }
  if (status >= 500 && !database) {
    request.log.error({ err }, 'open311 request failed');
    message = 'Internal error; it has been logged.';
  }
  const errors =
    problems.length > 0
      ? problems.map((p) => ({ code: status, description: describe(p) }))
      : [{ code: status, description: message }];
  return sendOpen311(reply, format, { root: 'errors', item: 'error' }, errors, status);
}
