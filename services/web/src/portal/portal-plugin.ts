import type {} from '@fastify/cookie';
import formBody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import { Eta } from 'eta';
import type { FastifyInstance } from 'fastify';
import { compressResponses } from '../compression.js';
import type { WebDeps } from '../web-deps.js';
import { assetUrls, PUBLIC_DIR, VIEWS_DIR } from './assets.js';
import type { PortalContext } from './context.js';
import { registerErrorPages } from './error-pages.js';
import { rememberLang } from './locale.js';
import { ASSETS_PREFIX } from './paths.js';
import { createRenderer } from './render.js';
import { calendarRoutes } from './routes/calendar.route.js';
import { directoryRoutes } from './routes/directory.route.js';
import { followUpRoutes } from './routes/follow-up.route.js';
import { homeRoutes } from './routes/home.route.js';
import { myCasesRoutes } from './routes/my-cases.route.js';
import { publishedRoutes } from './routes/published.route.js';
import { PHOTOS_PER_SUBMISSION, submitRoutes } from './routes/submit.route.js';
import { trackingRoutes } from './routes/tracking.route.js';
import { casePage } from './tracking-page.js';

/** A form is a few fields of text (the case text is at most 5,000 characters). */
const FORM_BODY_LIMIT = 64 * 1024;

// Pages load only their own files; forms post only here; nobody may frame them.
const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "script-src 'self'",
  "style-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The citizen portal: server-rendered pages in Vietnamese (English with `?lang=en`) that work
 * without JavaScript; one small script enhances them (photo resizing, commune search, copying
 * the tracking link). Forms and uploads are parsed in this scope only.
 */
export async function registerPortal(app: FastifyInstance, deps: WebDeps) {
  if (!deps.config.hasPublicBaseUrl && deps.config.nodeEnv === 'production') {
    deps.logger.warn(
      'PUBLIC_BASE_URL is not set: tracking links use the address the API listens on',
    );
  }
  await app.register(async (portal) => {
    await compressResponses(portal);
    await portal.register(formBody, { bodyLimit: FORM_BODY_LIMIT });
    await portal.register(multipart, {
      limits: {
        fileSize: deps.config.attachments.maxBytes,
        // A few more than accepted, so "too many photos" is a message by the field.
        files: PHOTOS_PER_SUBMISSION + 5,
        fields: 30,
        fieldSize: FORM_BODY_LIMIT,
        parts: PHOTOS_PER_SUBMISSION + 35,
        headerPairs: 100,
      },
      // A photo over the limit is reported by the form, which keeps the citizen's text.
      throwFileSizeLimit: false,
    });
    await portal.register(fastifyView, {
      engine: { eta: new Eta({ autoEscape: true, autoTrim: [false, 'nl'] }) },
      templates: VIEWS_DIR,
      production: deps.config.nodeEnv !== 'development',
    });
    await portal.register(fastifyStatic, {
      root: PUBLIC_DIR,
      prefix: ASSETS_PREFIX,
      decorateReply: false,
      index: false,
      immutable: true,
      maxAge: '365d',
    });
    portal.addHook('onRequest', async (request, reply) => {
      rememberLang(request, reply, deps.config.session.cookieSecure);
      reply
        .header('content-security-policy', CSP)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'same-origin');
    });
    const render = createRenderer(deps, assetUrls());
    registerErrorPages(portal, render);
    const ctx: PortalContext = { deps, render };
    const showCase = casePage(ctx);
    homeRoutes(portal, ctx);
    submitRoutes(portal, ctx);
    trackingRoutes(portal, ctx, showCase);
    followUpRoutes(portal, ctx, showCase);
    publishedRoutes(portal, ctx);
    directoryRoutes(portal, ctx);
    calendarRoutes(portal, ctx);
    myCasesRoutes(portal, ctx);
  });
}
