import type { FastifyInstance } from 'fastify';
import { listPublishedCases } from '@hotline/core';
import type { PortalContext } from '../context.js';
import { langOf } from '../locale.js';
import { messagesFor } from '../i18n/index.js';
import { PAGE, PATHS } from '../paths.js';

const PAGE_SIZE = 10;
const MAX_PAGE = 10_000;

/** `?trang=` as a page number; anything else is the first page. */
const pageOf = (raw: unknown) => {
  const n = typeof raw === 'string' && /^\d{1,5}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), MAX_PAGE);
};

/** Answered cases whose citizens agreed to publication, newest first, ten a page. */
export function publishedRoutes(app: FastifyInstance, { deps, render }: PortalContext) {
  app.get(PATHS.published, PAGE, async (request, reply) => {
    const t = messagesFor(langOf(request));
    const page = pageOf((request.query as Record<string, unknown>).trang);
    const list = await listPublishedCases(deps, { page, pageSize: PAGE_SIZE });
    return render(request, reply, 'published', {
      title: t.published.title,
      current: 'published',
      list,
      pageUrl: (n: number) => (n <= 1 ? PATHS.published : `${PATHS.published}?trang=${n}`),
    });
  });
}
