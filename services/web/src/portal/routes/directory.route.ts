import type { FastifyInstance } from 'fastify';
import { listHotlineDirectory } from '@hotline/core';
import type { PortalContext } from '../context.js';
import { langOf } from '../locale.js';
import { messagesFor } from '../i18n/index.js';
import { PAGE, PATHS } from '../paths.js';

/** The hotline directory: which number reaches which leader and unit. */
export function directoryRoutes(app: FastifyInstance, { deps, render }: PortalContext) {
  app.get(PATHS.directory, PAGE, async (request, reply) => {
    const lang = langOf(request);
    const t = messagesFor(lang);
    return render(request, reply, 'directory', {
      title: t.directory.title,
      current: 'directory',
      hotlines: await listHotlineDirectory(deps, lang),
    });
  });
}
