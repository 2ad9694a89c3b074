import formBody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import qs from 'qs';

/**
 * Form posts, for the routes registered in the same plugin only (Twilio webhooks, Open311
 * requests); elsewhere a form body stays a 415. `qs` reads Open311's bracketed
 * `attribute[code]=…` fields into an object; flat names stay flat.
 */
export async function acceptFormBodies(app: FastifyInstance, bodyLimit: number) {
  await app.register(formBody, {
    bodyLimit,
    parser: (body) => qs.parse(body, { depth: 1, parameterLimit: 200, arrayLimit: 50 }),
  });
}
