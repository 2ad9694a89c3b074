import type { FastifyInstance } from 'fastify';
import { registerConsole } from './console-static.js';
import { registerPortal } from './portal/portal-plugin.js';
import type { WebDeps } from './web-deps.js';

export type { WebDeps } from './web-deps.js';
export { CONSOLE_DIST } from './console-static.js';
export { linkBaseOf } from './portal/link-base.js';

/**
 * The browser UI, mounted by the API process so pages and API share one origin: the citizen
 * portal (server-rendered, works without JavaScript) and the officials' console (/console/).
 */
export async function registerWeb(app: FastifyInstance, deps: WebDeps) {
  await registerPortal(app, deps);
  await registerConsole(app);
}
