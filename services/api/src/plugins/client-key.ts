import type { FastifyRequest } from 'fastify';

/** The source a request is counted under by the rate limits: its address. */
export const clientKey = (request: FastifyRequest): string => request.ip;
