import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@hotline/core';
import type { PortalContext } from '../context.js';
import { messagesFor } from '../i18n/index.js';
import { langOf } from '../locale.js';
import { PAGE, PATHS, trackingPath } from '../paths.js';
import { canonicalCode, type ShowCase } from '../tracking-page.js';

const query = (request: FastifyRequest) => request.query as Record<string, unknown>;

/** Keeps the query string when moving a request to another path (e.g. `?tb=`). */
const withQuery = (request: FastifyRequest, path: string) => {
  const i = request.url.indexOf('?');
  return i === -1 ? path : `${path}${request.url.slice(i)}`;
};

/**
 * Looking a case up: the form (`/tra-cuu`, `?ma=` jumps to the case), the tracking page
 * (`/tra-cuu/K7QM-4RX9`, any spelling of the code is moved to this one, where the owner cookie
 * lives), and the API's private follow-up link (`/follow-up/<code>#token=…`).
 */
export function trackingRoutes(
  app: FastifyInstance,
  { render }: PortalContext,
  showCase: ShowCase,
) {
  const lookupForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    error: string | null,
    status: number,
  ) => {
    const t = messagesFor(langOf(request));
    return render(
      request,
      reply,
      'lookup',
      {
        title: t.lookup.title,
        current: 'lookup',
        values: { ma: code },
        errors: error ? { ma: error } : {},
      },
      status,
    );
  };

  app.get(PATHS.lookup, PAGE, async (request, reply) => {
    const raw = query(request).ma;
    if (typeof raw !== 'string') return lookupForm(request, reply, '', null, 200);
    const code = canonicalCode(raw.trim());
    const t = messagesFor(langOf(request));
    if (!code) return lookupForm(request, reply, raw.slice(0, 40), t.lookup.invalid, 400);
    return reply.redirect(trackingPath(code), 303);
  });

  app.get<{ Params: { code: string } }>(`${PATHS.lookup}/:code`, PAGE, async (request, reply) => {
    const raw = request.params.code;
    const code = canonicalCode(raw);
    const t = messagesFor(langOf(request));
    if (!code) return lookupForm(request, reply, raw.slice(0, 40), t.lookup.invalid, 400);
    if (code !== raw) return reply.redirect(withQuery(request, trackingPath(code)), 301);
    try {
      return await showCase(request, reply, code);
    } catch (err) {
      if (err instanceof AppError && err.code === 'CASE_NOT_FOUND') {
        return lookupForm(request, reply, code, t.lookup.notFound, 404);
      }
      throw err;
    }
  });

  // The browser keeps the link's #token through this redirect; the page's script hands it in.
  app.get<{ Params: { code: string } }>('/follow-up/:code', PAGE, async (request, reply) => {
    const code = canonicalCode(request.params.code);
    return reply.redirect(code ? trackingPath(code) : PATHS.lookup, 302);
  });
}
