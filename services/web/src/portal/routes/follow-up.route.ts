import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  OTP_TTL_SECONDS,
  proveCaseOwner,
  provideCaseInformation,
  rateCase,
  reopenCase,
  requestCaseOtp,
  withdrawCase,
  type CaseProof,
  type ErrorCode,
} from '@hotline/core';
import type { PortalContext } from '../context.js';
import { messagesFor, type Messages } from '../i18n/index.js';
import { codeKeyOf, sharedLimit } from '../limits.js';
import { linkBaseOf } from '../link-base.js';
import { langOf } from '../locale.js';
import { forgetProof, proofOf, rememberOtp, rememberOwnerToken } from '../owner-proof.js';
import { ACTIONS, PAGE, PATHS, trackingPath } from '../paths.js';
import type { FieldErrors } from '../render.js';
import { canonicalCode, type ShowCase } from '../tracking-page.js';
import {
  INFORMATION_FILE_TYPES,
  isFormLimit,
  readPostedForm,
  type PhotoProblem,
  fieldsOf,
} from '../form-data.js';
import { PHOTOS_PER_SUBMISSION } from './submit.route.js';

const TEXT_MAX = 5000;
const REASON_MAX = 2000;
const TOKEN_MAX = 128;

type Params = { Params: { code: string } };
type Flash = keyof Messages['tracking']['flash'];

// What the case's state or rules refuse: the page explains, with the actions still open.
const REFUSALS: ReadonlySet<ErrorCode> = new Set([
  'ILLEGAL_TRANSITION',
  'RULE_VIOLATION',
  'FORBIDDEN',
  'VERSION_CONFLICT',
  'CONFLICT',
]);
const length = (s: string) => [...s].length;
const fileProblemText = (
  t: Messages['actions']['errors'],
  problem: PhotoProblem,
  limits: { maxFiles: number; maxBytes: number },
) =>
  ({
    too_large: t.fileTooLarge(limits.maxBytes),
    type: t.fileType,
    too_many: t.fileTooMany(limits.maxFiles),
    empty: t.fileEmpty,
  })[problem];
const minutes = (seconds: unknown) => Math.max(1, Math.ceil(Number(seconds ?? 60) / 60));

/**
 * The citizen's follow-up forms on a tracking page: add requested information, rate, reopen,
 * withdraw, each proven by the owner cookie or a code sent by SMS (ask, then enter it). Success
 * is a 303 back to the page with a notice; a refusal re-renders the page with the reason.
 */
export function followUpRoutes(app: FastifyInstance, ctx: PortalContext, showCase: ShowCase) {
  const { deps } = ctx;
  const secure = deps.config.session.cookieSecure;
  // The SMS these actions plan link to the case: see linkBaseOf for why never the Host header.
  const followUpDeps = (request: FastifyRequest) => ({
    db: deps.db,
    otp: deps.otp,
    publicBaseUrl: linkBaseOf(request, deps.config),
    timeZone: deps.config.displayTimeZone,
  });
  const codeSends = sharedLimit(app, {
    max: deps.config.rateLimit.otpSends,
    windowMs: deps.config.rateLimit.otpWindowMs,
    key: (request) => `otp:${codeKeyOf((request.params as { code?: string }).code ?? '')}`,
  });
  const at = (action: keyof typeof ACTIONS) => `${PATHS.lookup}/:code/${ACTIONS[action]}`;
  const done = (reply: FastifyReply, code: string, flash: Flash) =>
    reply.redirect(`${trackingPath(code)}?tb=${flash}`, 303);

  /** Runs a citizen's action with the browser's proof; maps each refusal onto the page. */
  const act = async (
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    form: {
      field: string;
      values: Record<string, string>;
      flash: Flash;
      /** A refusal this form explains by one of its own fields (e.g. a case full of files). */
      explain?: (err: AppError) => FieldErrors | null;
    },
    run: (proof: CaseProof) => Promise<unknown>,
  ) => {
    const t = messagesFor(langOf(request)).actions.errors;
    const again = (errors: FieldErrors, status: number, isProofLost = false) =>
      showCase(request, reply, code, {
        errors,
        values: form.values,
        status,
        ...(isProofLost ? { hasProof: false } : {}),
      });
    const proof = proofOf(request);
    if (!proof.token && !proof.otp) return again({ proof: t.proofRequired }, 403);
    try {
      await run(proof);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const explained = form.explain?.(err);
      if (explained) return again(explained, err.code === 'VALIDATION_FAILED' ? 400 : 409);
      if (err.code === 'PROOF_REQUIRED') return again({ proof: t.proofRequired }, 403);
      if (err.code === 'PROOF_INVALID') {
        forgetProof(reply, code, secure, proof);
        return again({ proof: proof.otp ? t.otpExpired : t.proofRequired }, 403, true);
      }
      if (err.code === 'OTP_LOCKED') {
        forgetProof(reply, code, secure, proof);
        const wait = err.problems[0]?.params?.retryAfterSeconds;
        return again({ proof: t.otpLocked(minutes(wait)) }, 429, true);
      }
      if (err.code === 'VALIDATION_FAILED') return again({ [form.field]: t.textRequired }, 400);
      if (REFUSALS.has(err.code)) {
        const reason = err.problems[0]?.reason ?? '';
        return again({ action: t.refused[reason] ?? t.notAllowed }, 409);
      }
      throw err;
    }
    return done(reply, code, form.flash);
  };

  /** The canonical code of the path, or a 404 page. */
  const codeOf = (request: FastifyRequest<Params>) => {
    const code = canonicalCode(request.params.code);
    if (!code) throw new AppError('CASE_NOT_FOUND', 'not a tracking code');
    return code;
  };

  // The answer with its photos or PDF files: a plain multipart form, checked like the intake's.
  const fileLimits = {
    maxFiles: Math.min(PHOTOS_PER_SUBMISSION, deps.config.attachments.maxPerCase),
    maxBytes: deps.config.attachments.maxBytes,
  };
  const attachments = { dir: deps.config.attachments.dir, limits: deps.config.attachments };
  app.post<Params>(at('provideInformation'), PAGE, async (request, reply) => {
    const code = codeOf(request);
    const t = messagesFor(langOf(request)).actions.errors;
    let posted;
    try {
      posted = await readPostedForm(request, 'files', fileLimits, INFORMATION_FILE_TYPES);
    } catch (err) {
      if (!isFormLimit(err)) throw err;
      const errors = { infoFiles: t.formTooLarge };
      return showCase(request, reply, code, { errors, status: 413 });
    }
    const f = posted.fields;
    const text = (f.text ?? '').normalize('NFC').trim();
    const values = { infoText: (f.text ?? '').normalize('NFC') };
    const errors: FieldErrors = {};
    if (!text) errors.info = t.textRequired;
    else if (length(text) > TEXT_MAX) errors.info = t.textTooLong(TEXT_MAX);
    if (posted.photoProblem) errors.infoFiles = fileProblemText(t, posted.photoProblem, fileLimits);
    if (Object.keys(errors).length > 0) {
      return showCase(request, reply, code, { errors, values, status: 400 });
    }
    const explain = (err: AppError): FieldErrors | null => {
      const p = err.problems.find((x) => x.field === 'file');
      if (!p) return null;
      const max = Number(p.params?.max ?? 0);
      if (p.reason === 'case_files_full') return { infoFiles: t.caseFilesFull(max) };
      if (p.reason === 'file_too_large') return { infoFiles: t.fileTooLarge(max) };
      if (p.reason === 'empty_file') return { infoFiles: t.fileEmpty };
      return { infoFiles: t.fileType };
    };
    const form = { field: 'info', values, flash: 'bo-sung' as const, explain };
    return act(request, reply, code, form, async (proof) => {
      const outcome = await provideCaseInformation(
        { ...followUpDeps(request), attachments },
        code,
        proof,
        text,
        new Date(),
        posted.photos,
      );
      if (posted.photos.length > 0) {
        request.log.info({ files: posted.photos.length }, 'portal information files stored');
      }
      return outcome;
    });
  });

  app.post<Params>(at('rate'), PAGE, async (request, reply) => {
    const code = codeOf(request);
    const t = messagesFor(langOf(request)).actions.errors;
    const f = fieldsOf(request);
    const comment = (f.comment ?? '').trim();
    const values = { rating: f.rating ?? '', comment: f.comment ?? '' };
    const errors: FieldErrors = {};
    if (!/^[1-5]$/.test(f.rating ?? '')) errors.rating = t.ratingRequired;
    if (length(comment) > REASON_MAX) errors.comment = t.textTooLong(REASON_MAX);
    if (Object.keys(errors).length > 0) {
      return showCase(request, reply, code, { errors, values, status: 400 });
    }
    const rating = Number(f.rating) as 1 | 2 | 3 | 4 | 5;
    return act(request, reply, code, { field: 'comment', values, flash: 'danh-gia' }, (proof) =>
      rateCase(
        followUpDeps(request),
        code,
        proof,
        { rating, comment: comment || undefined },
        new Date(),
      ),
    );
  });

  app.post<Params>(at('reopen'), PAGE, async (request, reply) => {
    const code = codeOf(request);
    const t = messagesFor(langOf(request)).actions.errors;
    const f = fieldsOf(request);
    const reason = (f.reason ?? '').trim();
    const values = { reopenReason: f.reason ?? '' };
    const error = !reason
      ? t.reasonRequired
      : length(reason) > REASON_MAX
        ? t.textTooLong(REASON_MAX)
        : null;
    if (error) {
      return showCase(request, reply, code, { errors: { reopen: error }, values, status: 400 });
    }
    return act(request, reply, code, { field: 'reopen', values, flash: 'mo-lai' }, (proof) =>
      reopenCase(followUpDeps(request), code, proof, reason, new Date()),
    );
  });

  app.post<Params>(at('withdraw'), PAGE, async (request, reply) => {
    const code = codeOf(request);
    const t = messagesFor(langOf(request)).actions.errors;
    const f = fieldsOf(request);
    const reason = (f.reason ?? '').trim();
    const values = { withdrawReason: f.reason ?? '' };
    if (length(reason) > REASON_MAX) {
      const errors = { withdraw: t.textTooLong(REASON_MAX) };
      return showCase(request, reply, code, { errors, values, status: 400 });
    }
    return act(request, reply, code, { field: 'withdraw', values, flash: 'rut' }, (proof) =>
      withdrawCase(followUpDeps(request), code, proof, reason || undefined, new Date()),
    );
  });

  // Step one of the SMS flow: a code to the phone on the case (the answer never says if any).
  app.post<Params>(at('requestCode'), PAGE, async (request, reply) => {
    const code = codeOf(request);
    const t = messagesFor(langOf(request)).actions.errors;
    const wait = await codeSends(request);
    if (wait !== null) {
      reply.header('retry-after', String(wait));
      return showCase(request, reply, code, {
        errors: { proof: t.tooManyCodes(minutes(wait)) },
        status: 429,
      });
    }
    await requestCaseOtp({ db: deps.db, otp: deps.otp }, code, new Date());
    return done(reply, code, 'gui-ma');
  });

  // Step two: the code the citizen typed; once right, it is kept in a cookie while it lives.
  app.post<Params>(at('verifyCode'), PAGE, async (request, reply) => {
    const code = codeOf(request);
    const t = messagesFor(langOf(request)).actions.errors;
    const otp = (fieldsOf(request).otp ?? '').replace(/\s/g, '');
    const wrong = (message: string, status: number) =>
      showCase(request, reply, code, { errors: { otp: message }, status });
    if (!/^\d{6}$/.test(otp)) return wrong(t.otpRequired, 400);
    try {
      await proveCaseOwner({ db: deps.db, otp: deps.otp }, code, { otp });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const params = err.problems[0]?.params ?? {};
      if (err.code === 'OTP_LOCKED')
        return wrong(t.otpLocked(minutes(params.retryAfterSeconds)), 429);
      if (err.code !== 'PROOF_INVALID') throw err;
      const left = params.remainingTries;
      return wrong(left === undefined ? t.otpExpired : t.otpWrong(Number(left)), 403);
    }
    rememberOtp(reply, code, otp, secure, OTP_TTL_SECONDS);
    return done(reply, code, 'xac-nhan');
  });

  // The API's private link (`/follow-up/<code>#token=…`): the page's script posts the token here.
  app.post<Params>(at('linkToken'), PAGE, async (request, reply) => {
    const code = codeOf(request);
    const token = fieldsOf(request).token ?? '';
    if (token && token.length <= TOKEN_MAX) {
      try {
        await proveCaseOwner({ db: deps.db, otp: deps.otp }, code, { token });
        rememberOwnerToken(reply, code, token, secure);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'PROOF_INVALID')) throw err;
      }
    }
    return reply.redirect(trackingPath(code), 303);
  });
}
