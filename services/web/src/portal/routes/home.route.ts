import type { FastifyInstance } from 'fastify';
import { listHotlineDirectory } from '@hotline/core';
import type { PortalContext } from '../context.js';
import { langOf } from '../locale.js';
import { messagesFor } from '../i18n/index.js';
import { PAGE, PATHS } from '../paths.js';

/** How many hotlines the home page lists before "see all". */
const HOME_HOTLINES = 4;

/** The home page: what the service is, the big button, tracking, the hotline numbers. */
export function homeRoutes(app: FastifyInstance, { deps, render }: PortalContext) {
  app.get(PATHS.home, PAGE, async (request, reply) => {
    const lang = langOf(request);
    const t = messagesFor(lang);
    const hotlines = await listHotlineDirectory(deps, lang);
    return render(request, reply, 'home', {
      title: t.home.title,
      current: 'home',
      hotlines: hotlines.slice(0, HOME_HOTLINES),
      hasMoreHotlines: hotlines.length > HOME_HOTLINES,
    });
  });
}
