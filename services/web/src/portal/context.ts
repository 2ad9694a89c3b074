import type { WebDeps } from '../web-deps.js';
import type { Render } from './render.js';

/** What the portal's routes share: the process's dependencies and the page renderer. */
export interface PortalContext {
  deps: WebDeps;
  render: Render;
}
