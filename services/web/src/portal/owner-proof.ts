import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CaseProof } from '@hotline/core';
import { trackingPath } from './paths.js';

/** The secret owner token given at submission; lives only in this cookie, never in a URL. */
const OWNER_COOKIE = 'hl_owner';
/** A one-time code the citizen proved, for the rest of its life. */
const OTP_COOKIE = 'hl_otp';
const OWNER_MAX_AGE = 365 * 24 * 60 * 60;

// Scoped to the case's tracking page and its forms; Strict, so no other site can act with it.
const options = (code: string, secure: boolean, maxAge: number) => ({
  path: trackingPath(code),
  httpOnly: true,
  sameSite: 'strict' as const,
  secure,
  maxAge,
});

export function rememberOwnerToken(
  reply: FastifyReply,
  code: string,
  token: string,
  secure: boolean,
) {
  reply.setCookie(OWNER_COOKIE, token, options(code, secure, OWNER_MAX_AGE));
}

export function rememberOtp(
  reply: FastifyReply,
  code: string,
  otp: string,
  secure: boolean,
  ttlSeconds: number,
) {
  reply.setCookie(OTP_COOKIE, otp, options(code, secure, ttlSeconds));
}

/** Forgets a proof that no longer works (a stale token, an expired code). */
export function forgetProof(reply: FastifyReply, code: string, secure: boolean, proof: CaseProof) {
  if (proof.token) reply.clearCookie(OWNER_COOKIE, options(code, secure, 0));
  else if (proof.otp) reply.clearCookie(OTP_COOKIE, options(code, secure, 0));
}

/** The proof the browser holds for the case: the owner token first, else a proven code. */
export function proofOf(request: FastifyRequest): CaseProof {
  const token = request.cookies[OWNER_COOKIE];
  if (token) return { token };
  const otp = request.cookies[OTP_COOKIE];
  return otp ? { otp } : {};
}
