import type { FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';
import type { TrustProxy } from '@hotline/config';

/**
 * TRUST_PROXY as Fastify's `trustProxy`. Fastify 5.12 ignores a bare hop count (it cannot tell
 * the balancer from a client that reached us directly), so hops are a function here: the
 * deployment that sets a count promises that only its proxies can reach the API. Addresses and
 * CIDRs need no such promise.
 */
export function trustProxyOption(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}

/**
 * The budget an address counts against: an IPv4 address on its own, an IPv6 address by its /64
 * (one subscriber's network: anyone holding it can pick any of its 2^64 addresses, so keying on
 * the address would let them escape every per-IP limit). `::ffff:a.b.c.d` is the IPv4 address.
 * ipaddr.js parses every IPv6 spelling (compressed, embedded IPv4, zone ids).
 */
export function addressKey(address: string): string {
  const bare = address.split('%')[0] ?? address;
  if (!ipaddr.isValid(bare)) return address;
  const ip = ipaddr.parse(bare);
  if (ip.kind() === 'ipv4') return ip.toString();
  const v6 = ip as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  const network = v6.parts.slice(0, 4).map((part) => part.toString(16));
  return `${network.join(':')}::/64`;
}

/**
 * Who a public request counts as for per-IP limits: its client address (behind TRUST_PROXY's
 * proxies, the one they forwarded; else the socket's), IPv6 grouped by /64.
 */
export function clientKey(request: FastifyRequest): string {
  return addressKey(request.ip);
}
