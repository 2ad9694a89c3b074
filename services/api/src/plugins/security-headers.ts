import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

type Directives = Record<string, string[]>;

/**
 * The API's answers and the console load only our own files, post only here and are framed by
 * nobody. JSON needs no more; the citizen portal narrows it further in its own scope.
 */
const BASE: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
};

/**
 * Pages whose libraries write style attributes and <style> elements at run time (Mantine in
 * the console, Swagger UI at /docs, the queue dashboard): inline styles, never inline scripts.
 * The dashboard's Google Fonts stay blocked (an administrator's page asks no third party).
 */
const INLINE_STYLES: Directives = { ...BASE, 'style-src': ["'self'", "'unsafe-inline'"] };
const INLINE_STYLE_PREFIXES = ['/console', '/docs', '/admin/queues'];

/**
 * The console previews a case's PDF in a frame of our own file route (which alone allows
 * being framed, by us); nothing else may be framed, and `object-src` stays 'none'.
 */
const CONSOLE: Directives = { ...INLINE_STYLES, 'frame-src': ["'self'"] };

const hasPrefix = (url: string, prefix: string) => url === prefix || url.startsWith(`${prefix}/`);

/**
 * Security headers on every response of the API process (JSON, console, docs, dashboard,
 * portal, errors and 404s): CSP with `frame-ancestors 'none'`, X-Frame-Options DENY, nosniff,
 * Referrer-Policy same-origin (as the portal), and HSTS only when PUBLIC_BASE_URL is https (an
 * http deployment on a loopback address must stay reachable). Registered on the root before
 * any route, so every route sees it.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { publicBaseUrl: string },
) {
  const isHttps = options.publicBaseUrl.startsWith('https://');
  // Routes under these prefixes get the inline-styles policy (helmet reads the route's config).
  app.addHook('onRoute', (route) => {
    if (!INLINE_STYLE_PREFIXES.some((prefix) => hasPrefix(route.url, prefix))) return;
    const directives = hasPrefix(route.url, '/console') ? CONSOLE : INLINE_STYLES;
    route.config = {
      ...route.config,
      helmet: { contentSecurityPolicy: { useDefaults: false, directives } },
    } as typeof route.config;
  });
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: BASE },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: isHttps ? { maxAge: 31_536_000 } : false,
    // Open311 clients and gateways call from other origins with CORS; CORP is for no-cors loads.
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
}
