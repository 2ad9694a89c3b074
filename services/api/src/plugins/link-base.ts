import type { FastifyRequest } from 'fastify';

/**
 * The base of the links a reply hands out (tracking, follow-up, Open311 endpoints):
 * PUBLIC_BASE_URL when it is set, else where the request really arrived, never its Host
 * header (linkBaseOf in @hotline/web, which the portal's pages use too).
 */
export type LinkBase = (request: FastifyRequest) => string;
