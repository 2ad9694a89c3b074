import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  citizenPhoneOf,
  listCitizenCases,
  OTP_TTL_SECONDS,
  provePhoneOwner,
  requestPhoneOtp,
} from '@hotline/core';
import type { PortalContext } from '../context.js';
import { messagesFor } from '../i18n/index.js';
import { sharedLimit, subscriberOf } from '../limits.js';
import { langOf } from '../locale.js';
import { PAGE, PATHS } from '../paths.js';
import {
  forgetPhone,
  PHONE_PROOF_TTL_SECONDS,
  provenPhoneOf,
  rememberPhone,
} from '../phone-proof-cookie.js';
import { fieldsOf } from '../form-data.js';
import type { FieldErrors } from '../render.js';

const PHONE_MAX = 40;
const minutes = (seconds: unknown) => Math.max(1, Math.ceil(Number(seconds ?? 60) / 60));

/** The steps of the page: the phone's box, the code's box, or the proven phone's cases. */
type Step = { step: 'phone' } | { step: 'code'; phone: string };

/**
 * "Phản ánh của tôi": a citizen proves a phone number with a code sent by SMS (no account) and
 * sees every case filed from it, with its code, date, category, status and deadline, each
 * linking to its tracking page. The proof lives in a short-lived sealed cookie scoped to this
 * page; the number never appears in a URL (the code step carries it in the form's body).
 */
export function myCasesRoutes(app: FastifyInstance, { deps, render }: PortalContext) {
  const secure = deps.config.session.cookieSecure;
  const secret = deps.config.sessionSecret;
  const phoneOf = new WeakMap<FastifyRequest, string>();
  // The same quota as a case's codes, counted per phone number (per IP, the portal's own limit).
  const codeSends = sharedLimit(app, {
    max: deps.config.rateLimit.otpSends,
    windowMs: deps.config.rateLimit.otpWindowMs,
    key: (request) => `otp:phone:${subscriberOf(phoneOf.get(request) ?? '')}`,
  });
  const paths = {
    page: PATHS.mine,
    requestCode: `${PATHS.mine}/gui-ma`,
    verifyCode: `${PATHS.mine}/xac-nhan`,
    signOut: `${PATHS.mine}/thoat`,
  };

  const showForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    step: Step,
    options: { errors?: FieldErrors; values?: Record<string, string>; status?: number } = {},
  ) => {
    const t = messagesFor(langOf(request));
    return render(
      request,
      reply,
      'my-cases',
      {
        title: t.mine.title,
        current: 'mine',
        minePaths: paths,
        step: step.step,
        // Carried back in the code step's form body, never in its address.
        phone: step.step === 'code' ? step.phone : '',
        otpMinutes: Math.round(OTP_TTL_SECONDS / 60),
        cases: [],
        errors: options.errors ?? {},
        values: options.values ?? {},
      },
      options.status ?? 200,
    );
  };

  app.get(PATHS.mine, PAGE, async (request, reply) => {
    const now = new Date();
    const proven = provenPhoneOf(request, secret, now);
    if (proven.phone === null) {
      if (!proven.hadCookie) return showForm(request, reply, { step: 'phone' });
      forgetPhone(reply, secure);
      const t = messagesFor(langOf(request)).mine.errors;
      return showForm(request, reply, { step: 'phone' }, { errors: { phone: t.expired } });
    }
    const t = messagesFor(langOf(request));
    const cases = await listCitizenCases(deps, proven.phone, now);
    return render(request, reply, 'my-cases', {
      isPrivate: true,
      title: t.mine.title,
      current: 'mine',
      minePaths: paths,
      step: 'list',
      cases,
      sessionMinutes: Math.round(PHONE_PROOF_TTL_SECONDS / 60),
    });
  });

  app.post(paths.requestCode, PAGE, async (request, reply) => {
    const t = messagesFor(langOf(request)).mine.errors;
    const typed = (fieldsOf(request).phone ?? '').trim();
    const values = { phone: typed };
    if (!typed) {
      return showForm(
        request,
        reply,
        { step: 'phone' },
        { errors: { phone: t.phoneRequired }, values, status: 400 },
      );
    }
    let phone: string;
    try {
      if (typed.length > PHONE_MAX) throw new AppError('VALIDATION_FAILED', 'phone too long');
      phone = citizenPhoneOf(typed);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return showForm(
        request,
        reply,
        { step: 'phone' },
        { errors: { phone: t.phoneInvalid }, values, status: 400 },
      );
    }
    phoneOf.set(request, phone);
    const wait = await codeSends(request);
    if (wait !== null) {
      reply.header('retry-after', String(wait));
      const errors = { phone: t.tooManyCodes(minutes(wait)) };
      return showForm(request, reply, { step: 'phone' }, { errors, values, status: 429 });
    }
    await requestPhoneOtp(deps, phone, new Date());
    return showForm(request, reply, { step: 'code', phone: typed });
  });

  app.post(paths.verifyCode, PAGE, async (request, reply) => {
    const t = messagesFor(langOf(request)).mine.errors;
    const f = fieldsOf(request);
    const typed = (f.phone ?? '').trim();
    let phone: string;
    try {
      if (typed.length > PHONE_MAX) throw new AppError('VALIDATION_FAILED', 'phone too long');
      phone = citizenPhoneOf(typed);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const errors = { phone: t.phoneInvalid };
      return showForm(
        request,
        reply,
        { step: 'phone' },
        { errors, values: { phone: typed }, status: 400 },
      );
    }
    const otp = (f.otp ?? '').replace(/\s/g, '');
    const wrong = (message: string, status: number) =>
      showForm(
        request,
        reply,
        { step: 'code', phone: typed },
        { errors: { otp: message }, status },
      );
    if (!/^\d{6}$/.test(otp)) return wrong(t.otpRequired, 400);
    try {
      await provePhoneOwner(deps, phone, otp);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const params = err.problems[0]?.params ?? {};
      if (err.code === 'OTP_LOCKED')
        return wrong(t.otpLocked(minutes(params.retryAfterSeconds)), 429);
      if (err.code !== 'PROOF_INVALID') throw err;
      const left = params.remainingTries;
      return wrong(left === undefined ? t.otpExpired : t.otpWrong(Number(left)), 403);
    }
    rememberPhone(reply, secret, phone, secure, new Date());
    request.log.info('citizen proved a phone for their cases');
    return reply.redirect(PATHS.mine, 303);
  });

  app.post(paths.signOut, PAGE, async (_request, reply) => {
    forgetPhone(reply, secure);
    return reply.redirect(PATHS.mine, 303);
  });
}
