import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '@hotline/config';

const WILDCARDS = new Set(['0.0.0.0', '::', '::0']);

/** An IP as it is written in a URL: IPv4-mapped IPv6 as plain IPv4, IPv6 in brackets. */
function urlHost(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  return ip.includes(':') ? `[${ip}]` : ip;
}

/** Where this request really reached the server: the socket's own end, else the listener. */
function listeningBase(request: FastifyRequest): string | null {
  const socket = request.socket as (typeof request.socket & { encrypted?: boolean }) | undefined;
  const scheme = socket?.encrypted ? 'https' : 'http';
  if (socket?.localAddress && socket.localPort) {
    return `${scheme}://${urlHost(socket.localAddress)}:${socket.localPort}`;
  }
  const address = request.server.server.address();
  if (!address || typeof address === 'string' || address.port === 0) return null;
  if (WILDCARDS.has(address.address)) return null;
  return `${scheme}://${urlHost(address.address)}:${address.port}`;
}

/**
 * The base of links the portal hands out, shown to copy or sent by SMS: PUBLIC_BASE_URL when it
 * is set; otherwise the address and port this connection actually reached (with PORT=0 the
 * configured guess would say port 0). Never the Host header: any client may write one, and a
 * link in an SMS must go to this service, not wherever a request claimed to be addressed.
 */
export function linkBaseOf(request: FastifyRequest, config: AppConfig): string {
  if (config.hasPublicBaseUrl) return config.publicBaseUrl;
  return listeningBase(request) ?? config.publicBaseUrl;
}
