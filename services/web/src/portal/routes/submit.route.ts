import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  AppError,
  countCaseAttachments,
  DATABASE_RETRY_AFTER_SECONDS,
  databaseFailure,
  listCategories,
  listCommunes,
  runIdempotently,
  storeAttachment,
  submitCase,
  type IdempotentOutcome,
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
 * tracking page with the owner token in a cookie scoped to that page. Each rendered form carries
 * a random key, sent as the submission's idempotency key: a double submit, or a retry after an
 * uncertain answer (Postgres down), files one case and lands on its page.
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

  // The last lists read, per language: a form sent while Postgres is down comes back with
  // its input kept, and its pickers need them.
  const lastLists = new Map<Lang, FormLists>();
  const listsFor = async (lang: Lang, values: SubmitValues): Promise<FormLists> => {
    try {
      const [{ categories }, communes] = await Promise.all([
        listCategories(deps, {}, lang),
        listCommunes(deps, lang),
      ]);
      const lists = { categories, communes };
      lastLists.set(lang, lists);
      return lists;
    } catch (err) {
      if (databaseFailure(err)?.kind !== 'unavailable') throw err;
      return lastLists.get(lang) ?? chosenOnly(values);
    }
  };

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: SubmitValues,
    errors: FieldErrors,
    status: number,
    form: { idempotencyKey: string; notice?: FormNotice } = { idempotencyKey: newFormKey() },
  ) => {
    const lang = langOf(request);
    const t = messagesFor(lang);
    const { categories, communes } = await listsFor(lang, values);
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
        idempotencyKey: form.idempotencyKey,
        notice: form.notice ?? null,
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
    // A form rendered before forms carried a key (or one tampered with) gets a fresh one.
    const idempotencyKey = formKeyOf(posted.fields) ?? newFormKey();
    const again = (errors: FieldErrors, status: number, notice?: FormNotice) =>
      showForm(request, reply, values, errors, status, {
        idempotencyKey,
        ...(notice ? { notice } : {}),
      });
    try {
      const { categories, communes } = await listsFor('vi', values);
      const known = {
        categories: new Set(categories.map((c) => c.code)),
        communes: new Set(communes.map((c) => c.code)),
      };
      const errors = checkSubmission(values, t, known, posted.photoProblem, photoLimits);
      if (Object.keys(errors).length > 0) return await again(errors, 400);

      if (subscriberOf(values.phone).length === 9) {
        phoneOf.set(request, values.phone);
        const wait = await perPhone(request);
        if (wait !== null) {
          const minutes = Math.ceil(wait / 60);
          reply.header('retry-after', String(wait));
          return await again({ phone: t.submit.errors.tooManyCases(minutes) }, 429);
        }
      }

      let outcome: IdempotentOutcome<PortalSubmission>;
      try {
        outcome = await submitOnce(deps, idempotencyKey, caseBodyOf(values));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.code === 'IDEMPOTENCY_KEY_REUSED') {
          // This form was sent before with other words, and that case was filed: saying so,
          // with a new key, lets the citizen file this one as a case of its own.
          return await showForm(request, reply, values, {}, 422, {
            idempotencyKey: newFormKey(),
            notice: {
              title: t.submit.keyReusedTitle,
              text: t.submit.keyReused,
              isUncertain: false,
            },
          });
        }
        if (err.code !== 'VALIDATION_FAILED') throw err;
        return await again(errorsOfProblems(err.problems, t), 400);
      }
      const { caseId, trackingCode: code, ownerToken } = outcome.body;
      if (ownerToken === null) {
        request.log.info({ caseId }, 'portal case linked to an open duplicate');
        return await reply.redirect(`${trackingPath(code)}?tb=trung`, 303);
      }
      request.log.info({ caseId, isReplayed: outcome.isReplayed }, 'portal case received');
      // A retry stores the photos only if the first sending's did not get stored.
      if (!outcome.isReplayed || (await countCaseAttachments(deps, caseId)) === 0) {
        await storePhotos(request, deps, caseId, posted.photos);
      }
      rememberOwnerToken(reply, code, ownerToken, deps.config.session.cookieSecure);
      const flash = values.phone.trim() ? 'da-gui-sms' : 'da-gui';
      return await reply.redirect(`${trackingPath(code)}?tb=${flash}`, 303);
    } catch (err) {
      // Postgres out of reach: the case may or may not have been stored. The form comes back
      // with the citizen's words and the same key, so sending it again is safe.
      if (databaseFailure(err)?.kind !== 'unavailable') throw err;
      request.log.warn({ err }, 'portal submission uncertain: database unavailable');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return again({}, 503, {
        title: t.submit.uncertainTitle,
        text: t.submit.uncertain,
        isUncertain: true,
      });
    }
  });
}

/** What a portal submission stores under its form's key, to send the same answer again. */
interface PortalSubmission {
  caseId: string;
  trackingCode: string;
  ownerToken: string | null;
}

// A double submit races the first sending: the second waits for it (briefly) rather than
// answering "in progress", since the browser shows only the answer to the last one.
const IN_FLIGHT_WAIT_MS = 250;
const IN_FLIGHT_TRIES = 20;

async function submitOnce(
  deps: PortalContext['deps'],
  key: string,
  body: ReturnType<typeof caseBodyOf>,
): Promise<IdempotentOutcome<PortalSubmission>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runIdempotently<PortalSubmission>(
        deps,
        // Photos are not part of the request's identity: a form sent again after an error has
        // lost them (a file input cannot be refilled).
        { scope: 'portal submit', key, principal: null, payload: body },
        new Date(),
        async (sql) => {
          const submitted = await submitCase(
            { sql, randomBytes },
            { body, channel: 'web', actor: { kind: 'citizen' } },
            new Date(),
          );
          return {
            statusCode: 303,
            body: {
              caseId: submitted.caseId,
              trackingCode: submitted.trackingCode,
              ownerToken: submitted.ownerToken,
            },
          };
        },
      );
    } catch (err) {
      const isInFlight = err instanceof AppError && err.code === 'IDEMPOTENCY_KEY_IN_FLIGHT';
      if (!isInFlight || attempt >= IN_FLIGHT_TRIES) throw err;
      await sleep(IN_FLIGHT_WAIT_MS);
    }
  }
}

/** A banner over the form: why it came back. */
interface FormNotice {
  title: string;
  text: string;
  /** The sending may have been stored: the button says "send again". */
  isUncertain: boolean;
}

interface FormLists {
  categories: Awaited<ReturnType<typeof listCategories>>['categories'];
  communes: Awaited<ReturnType<typeof listCommunes>>;
}

/** With Postgres down and nothing read yet: the pickers hold what the citizen had chosen. */
const chosenOnly = (values: SubmitValues): FormLists => ({
  categories: values.categoryCode
    ? [{ code: values.categoryCode, name: values.categoryCode, description: '', isDrill: false }]
    : [],
  communes: values.communeCode
    ? [{ code: values.communeCode, name: values.communeCode, parent: null }]
    : [],
});

/** A new form's key: random, unguessable (it guards the case's owner token on a retry). */
const newFormKey = () => randomBytes(18).toString('base64url');

/** The posted form's key, if it is one this portal could have made. */
const formKeyOf = (fields: Record<string, string>) => {
  const key = fields.idempotencyKey ?? '';
  return /^[A-Za-z0-9_-]{16,64}$/.test(key) ? key : null;
};

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
