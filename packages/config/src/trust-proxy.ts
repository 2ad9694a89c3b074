import { isIP } from 'node:net';

/**
 * Which proxies' X-Forwarded-For Fastify believes (its `trustProxy`): `false` for none, a number
 * of hops, or addresses and CIDRs. Null when the value is malformed.
 */
export type TrustProxy = false | number | string[];

function isAddressOrCidr(entry: string): boolean {
  const slash = entry.indexOf('/');
  if (slash === -1) return isIP(entry) !== 0;
  const family = isIP(entry.slice(0, slash));
  const bits = entry.slice(slash + 1);
  if (family === 0 || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** Parses TRUST_PROXY: unset → trust nothing; `2` → two hops; `10.0.0.0/8,::1` → those. */
export function parseTrustProxy(value: string | undefined): TrustProxy | null {
  if (value === undefined) return false;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 100) return null;
    return hops === 0 ? false : hops;
  }
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return entries.length > 0 && entries.every(isAddressOrCidr) ? entries : null;
}
