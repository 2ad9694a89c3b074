import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  listCategories,
  listCommunes,
  storeAttachment,
  submitCase,
  type SubmittedCase,
} from '@hotline/core';
import type { PortalContext } from '../context.js';
import { isFormLimit, readPostedForm, type Photo } from '../form-data.js';
import { messagesFor, type Lang } from '../i18n/index.js';
import { sharedLimit, subscriberOf } from '../limits.js';
import { langOf } from '../locale.js';
import { rememberOwnerToken } from '../owner-proof.js';
import { PAGE, PATHS, trackingPath } from '../paths.js';
import type { FieldErrors } from '../render.js';
import {
  caseBodyOf,
  checkSubmission,
  EMPTY_SUBMISSION,
  errorsOfProblems,
  submissionOf,
  TEXT_MAX,
  type SubmitValues,
} from '../submit-form.js';

/** Photos one submission may carry (the API's upload route takes as many per request). */
export const PHOTOS_PER_SUBMISSION = 5;

/**
 * The intake form: works as a plain HTML form (photos as multipart); on errors it comes back
 * with the citizen's input and a message by each field; on success, 303 to the new case's
 * tracking page with the owner token in a cookie scoped to that page.
 */
export function submitRoutes(app: FastifyInstance, { deps, render }: PortalContext) {
  const photoLimits = {
    maxFiles: Math.min(PHOTOS_PER_SUBMISSION, deps.config.attachments.maxPerCase),
    maxBytes: deps.config.attachments.maxBytes,
  };
  // The limiter keys by request; the phone it counts is the one this request's form gave.
  const phoneOf = new WeakMap<FastifyRequest, string>();
  const perPhone = sharedLimit(app, {
    max: deps.config.rateLimit.phoneCases,
    windowMs: deps.config.rateLimit.phoneCaseWindowMs,
    key: (request) => `phone-cases:${subscriberOf(phoneOf.get(request) ?? '')}`,
  });

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: SubmitValues,
    errors: FieldErrors,
    status: number,
  ) => {
    const lang = langOf(request);
    const t = messagesFor(lang);
    const [{ categories }, communes] = await Promise.all([
      listCategories(deps, {}, lang),
      listCommunes(deps, lang),
    ]);
    return render(
      request,
      reply,
      'submit',
      {
        title: t.submit.title,
        current: 'submit',
        categories,
        // The hint names the catch-all category as the citizen sees it in the list.
        otherCategory:
          categories.find((c) => c.code === 'khac')?.name ?? t.submit.categoryHint.other,
        communeGroups: groupCommunes(communes, lang),
        values,
        errors,
        photoLimits,
        textMax: TEXT_MAX,
      },
      status,
    );
  };

  app.get(PATHS.submit, PAGE, async (request, reply) =>
    showForm(request, reply, EMPTY_SUBMISSION, {}, 200),
  );

  app.post(PATHS.submit, PAGE, async (request, reply) => {
    const t = messagesFor(langOf(request));
    let posted;
    try {
      posted = await readPostedForm(request, 'photos', photoLimits);
    } catch (err) {
      if (!isFormLimit(err)) throw err;
      return showForm(
        request,
        reply,
        EMPTY_SUBMISSION,
        { photos: t.submit.errors.formTooLarge },
        413,
      );
    }
    const values = submissionOf(posted.fields);
    const [{ categories }, communes] = await Promise.all([
      listCategories(deps),
      listCommunes(deps),
    ]);
    const known = {
      categories: new Set(categories.map((c) => c.code)),
      communes: new Set(communes.map((c) => c.code)),
    };
    const errors = checkSubmission(values, t, known, posted.photoProblem, photoLimits);
    if (Object.keys(errors).length > 0) return showForm(request, reply, values, errors, 400);

    if (subscriberOf(values.phone).length === 9) {
      phoneOf.set(request, values.phone);
      const wait = await perPhone(request);
      if (wait !== null) {
        const minutes = Math.ceil(wait / 60);
        reply.header('retry-after', String(wait));
        return showForm(
          request,
          reply,
          values,
          { phone: t.submit.errors.tooManyCases(minutes) },
          429,
        );
      }
    }

    let submitted: SubmittedCase;
    try {
      submitted = await submitCase(
        { sql: deps.sql, randomBytes },
        { body: caseBodyOf(values), channel: 'web', actor: { kind: 'citizen' } },
        new Date(),
      );
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'VALIDATION_FAILED')) throw err;
      return showForm(request, reply, values, errorsOfProblems(err.problems, t), 400);
    }
    const code = submitted.trackingCode;
    if (submitted.ownerToken === null) {
      request.log.info({ caseId: submitted.caseId }, 'portal case linked to an open duplicate');
      return reply.redirect(`${trackingPath(code)}?tb=trung`, 303);
    }
    request.log.info({ caseId: submitted.caseId }, 'portal case received');
    await storePhotos(request, deps, submitted.caseId, posted.photos);
    rememberOwnerToken(reply, code, submitted.ownerToken, deps.config.session.cookieSecure);
    const flash = values.phone.trim() ? 'da-gui-sms' : 'da-gui';
    return reply.redirect(`${trackingPath(code)}?tb=${flash}`, 303);
  });
}

/** The photos become the case's citizen attachments; one that fails is logged, not fatal. */
async function storePhotos(
  request: FastifyRequest,
  deps: PortalContext['deps'],
  caseId: string,
  photos: readonly Photo[],
) {
  const store = { db: deps.db, dir: deps.config.attachments.dir, limits: deps.config.attachments };
  for (const photo of photos) {
    try {
      await storeAttachment(store, {
        caseId,
        fileName: photo.fileName,
        bytes: photo.bytes,
        source: 'web',
      });
    } catch (err) {
      request.log.warn({ err, caseId }, 'portal photo not stored');
    }
  }
  if (photos.length > 0) request.log.info({ caseId, files: photos.length }, 'portal photos stored');
}

/** Communes grouped under the unit above them, in order, for the picker's optgroups. */
function groupCommunes(communes: Awaited<ReturnType<typeof listCommunes>>, lang: Lang) {
  const placeName = lang === 'en' ? englishPlaceName : vietnamesePlaceName;
  const groups: { label: string; options: { code: string; name: string }[] }[] = [];
  for (const c of communes) {
    const label = placeName(c.parent?.name ?? '');
    let group = groups.at(-1);
    if (!group || group.label !== label) {
      group = { label, options: [] };
      groups.push(group);
    }
    group.options.push({ code: c.code, name: placeName(c.name) });
  }
  return groups;
}

/** "Thạch Hà Commune People’s Committee" reads as the place, "Thạch Hà Commune" (and the
 * province's committee as "Hà Tĩnh Province"). */
const englishPlaceName = (unitName: string) =>
  unitName
    .replace(/\s+Provincial People[’']s Committee$/i, ' Province')
    .replace(/\s+People[’']s Committee$/i, '')
    .replace(/^Former\s+/i, '');

/** "UBND xã Thạch Hà" reads as the place, "Xã Thạch Hà". */
const vietnamesePlaceName = (unitName: string) => {
  const name = unitName.replace(/^UBND\s+/i, '');
  return name.charAt(0).toLocaleUpperCase('vi') + name.slice(1);
};
