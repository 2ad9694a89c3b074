import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, OtpRequestedResponse, TrackingCodeParams } from '@hotline/contracts';
import { requestCaseOtp, type OtpStore } from '@hotline/core';
import type { Database } from '@hotline/db';
import { keyedLimit, sendRateLimited } from '../../plugins/rate-limit.js';

const normalized = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

/** A one-time code by SMS to the phone on the case: the other proof of ownership. */
export const requestOtpRoute =
  (deps: {
    db: Database;
    otp: OtpStore;
    bodyLimit: number;
    limits: { otpSends: number; otpWindowMs: number };
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    // Per case, hence per phone: nobody can flood a citizen with codes. And nothing public hands
    // out the codes of cases that are not published (Open311 lists give them an opaque id), so
    // reaching a citizen's phone here means holding their code or guessing one, which the check
    // character and the per-IP limit keep expensive.
    const perCase = keyedLimit(app, {
      max: deps.limits.otpSends,
      windowMs: deps.limits.otpWindowMs,
      key: (request) =>
        `otp:${normalized((request.params as { trackingCode?: string }).trackingCode ?? '')}`,
    });
    app.post(
      '/v1/cases/:trackingCode/otp',
      {
        bodyLimit: deps.bodyLimit,
        schema: {
          summary: 'Send a one-time code to the phone on the case (mã xác nhận qua SMS)',
          tags: ['follow-up'],
          params: TrackingCodeParams,
          response: {
            202: OtpRequestedResponse,
            400: ErrorResponse,
            404: ErrorResponse,
            429: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const wait = await perCase(request);
        if (wait !== null) {
          return sendRateLimited(
            reply,
            wait,
            `Too many codes for this case; retry in ${wait} s (quá nhiều mã, thử lại sau)`,
          );
        }
        const { expiresInSeconds } = await requestCaseOtp(
          deps,
          request.params.trackingCode,
          new Date(),
        );
        return reply.status(202).send({
          accepted: true as const,
          expiresInSeconds,
          message: {
            vi: 'Nếu phản ánh có số điện thoại, mã xác nhận đã được gửi qua SMS.',
            en: 'If the case has a phone number, a one-time code has been sent to it by SMS.',
          },
        });
      },
    );
  };
