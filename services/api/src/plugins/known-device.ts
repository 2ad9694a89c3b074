import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KnownDevice } from '@hotline/core';

/** A browser that signed an official in before carries this cookie (only to /v1/auth/). */
export const KNOWN_DEVICE_COOKIE = 'hotline_device';
const COOKIE_PATH = '/v1/auth/';
/** How long a device stays known after its last sign-in. */
const DEVICE_MEMORY_MS = 90 * 86_400_000;
/** Officials remembered per device (a shared office computer). */
const MAX_OFFICIALS = 5;
const UUID = /^[0-9a-f-]{36}$/;

/**
 * "Known device" cookies: `v1.<device id>.<issued at>.<official ids>.<HMAC>`, signed with a key
 * derived from SESSION_SECRET, httpOnly. A device that signed an official in is exempt from
 * that account's ceiling (sign-in-throttle.ts), so an attacker guessing from elsewhere cannot
 * keep the owner out; it holds no credential and proves nothing else.
 */
export function knownDevices(sessionSecret: string, cookieSecure: boolean) {
  const key = createHash('sha256').update(`hotline:known-device:v1:${sessionSecret}`).digest();
  const mac = (body: string) => createHmac('sha256', key).update(body).digest('base64url');

  return {
    /** The request's device, when its cookie is ours, unchanged and recent; else null. */
    read(request: FastifyRequest, now: Date): KnownDevice | null {
      const value = request.cookies[KNOWN_DEVICE_COOKIE];
      const parts = value?.split('.') ?? [];
      if (parts.length !== 5 || parts[0] !== 'v1') return null;
      const [, id, issued, ids, signature] = parts as [string, string, string, string, string];
      const expected = mac(`v1.${id}.${issued}.${ids}`);
      const isOurs =
        signature.length === expected.length &&
        timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
      if (!isOurs || now.getTime() - Number(issued) * 1000 > DEVICE_MEMORY_MS) return null;
      return { id, officialIds: new Set(ids.split('~').filter((o) => UUID.test(o))) };
    },
    /** After a successful sign-in: this device is known for the official (and whom it was). */
    remember(reply: FastifyReply, device: KnownDevice | null, officialId: string, now: Date) {
      const id = device?.id ?? randomBytes(16).toString('base64url');
      const others = [...(device?.officialIds ?? [])].filter((o) => o !== officialId);
      const ids = [officialId, ...others].slice(0, MAX_OFFICIALS).join('~');
      const body = `v1.${id}.${Math.floor(now.getTime() / 1000)}.${ids}`;
      void reply.setCookie(KNOWN_DEVICE_COOKIE, `${body}.${mac(body)}`, {
        path: COOKIE_PATH,
        httpOnly: true,
        secure: cookieSecure,
        sameSite: 'strict',
        maxAge: Math.floor(DEVICE_MEMORY_MS / 1000),
      });
    },
  };
}

export type KnownDevices = ReturnType<typeof knownDevices>;
