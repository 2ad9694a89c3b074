import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  getCaseFollowUp,
  getPublicCase,
  OTP_TTL_SECONDS,
  proveCaseOwner,
  type CaseMessage,
} from '@hotline/core';
import {
  describePublicEvent,
  formatTrackingCode,
  isValidTrackingCode,
  normalizeTrackingCode,
} from '@hotline/domain';
import type { WebDeps } from '../web-deps.js';
import type { PortalContext } from './context.js';
import { messagesFor, type Messages } from './i18n/index.js';
import { linkBaseOf } from './link-base.js';
import { langOf } from './locale.js';
import { forgetProof, proofOf } from './owner-proof.js';
import { ACTIONS, PATHS, trackingPath } from './paths.js';

/** Files one answer to a request for information may carry (as many as a new case's photos). */
const INFO_FILES_PER_ANSWER = 5;
import type { FieldErrors } from './render.js';

/** A tracking code as the portal writes it ("K7QM-4RX9"), or null when it cannot be one. */
export const canonicalCode = (raw: string): string | null =>
  isValidTrackingCode(raw) ? formatTrackingCode(normalizeTrackingCode(raw)) : null;

/** Notices a redirect may ask the tracking page to show (`?tb=`): never personal data. */
const SUBMITTED = ['da-gui', 'da-gui-sms', 'trung'] as const;
type Flash = (typeof SUBMITTED)[number] | keyof Messages['tracking']['flash'];

function flashOf(raw: unknown, t: Messages): Flash | null {
  if (typeof raw !== 'string') return null;
  if ((SUBMITTED as readonly string[]).includes(raw)) return raw as Flash;
  return Object.hasOwn(t.tracking.flash, raw) ? (raw as Flash) : null;
}

/** What a follow-up form sends back when it fails: its messages, its input, its status. */
export interface CasePageState {
  errors?: FieldErrors;
  values?: Record<string, string>;
  status?: number;
  /** False when the browser's proof was just found stale (its cookie is being cleared). */
  hasProof?: boolean;
}

/**
 * The visitor's proof, checked: the case when it holds, else null. A stale proof's cookie is
 * cleared. A wrong code counts as a try here as on the forms, so the page (which shows the
 * owner's own words) is no oracle for guessing codes.
 */
async function ownerOf(request: FastifyRequest, reply: FastifyReply, deps: WebDeps, code: string) {
  const proof = proofOf(request);
  if (!proof.token && !proof.otp) return null;
  try {
    return await proveCaseOwner({ db: deps.db, otp: deps.otp }, code, proof);
  } catch (err) {
    if (!(err instanceof AppError && (err.code === 'PROOF_INVALID' || err.code === 'OTP_LOCKED')))
      throw err;
    forgetProof(reply, code, deps.config.session.cookieSecure, proof);
    return null;
  }
}

/** A timeline line, the unit's name apart so an English page can mark it as Vietnamese. */
interface TimelineEntry {
  at: string;
  before: string;
  unitName: string | null;
  after: string;
  detail: { label: string; text: string } | null;
  /** Files the citizen sent with this entry's information. */
  fileCount: number;
}

function entryOf(
  at: string,
  text: string,
  unitName: string | undefined,
  message: CaseMessage | undefined,
  t: Messages['tracking'],
): TimelineEntry {
  const detail =
    message && message.kind !== 'answer'
      ? { label: t.detailLabels[message.kind], text: message.text }
      : null;
  const fileCount = message?.fileCount ?? 0;
  const i = unitName ? text.lastIndexOf(unitName) : -1;
  if (!unitName || i < 0) return { at, before: text, unitName: null, after: '', detail, fileCount };
  return {
    at,
    fileCount,
    before: text.slice(0, i),
    unitName,
    after: text.slice(i + unitName.length),
    detail,
  };
}

/**
 * The tracking page of a case: code, status, unit, deadline, the timeline in plain words, the
 * answer, and the citizen's next actions (with proof of ownership, or the SMS code flow). Only
 * a visitor whose proof holds sees their own added information and rating comment.
 */
export function casePage({ deps, render }: PortalContext) {
  return async function showCase(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    state: CasePageState = {},
  ) {
    const lang = langOf(request);
    const t = messagesFor(lang);
    const now = new Date();
    // A proof just refused is not checked again (a wrong code would count twice).
    const [publicCase, owned] = await Promise.all([
      getPublicCase(deps, code, lang),
      state.hasProof === false ? null : ownerOf(request, reply, deps, code),
    ]);
    const followUp = await getCaseFollowUp(deps, code, now, owned);
    const key = (m: { type: string; at: string }) => `${m.type}@${m.at}`;
    const messages = new Map(followUp.messages.map((m) => [key(m), m]));
    // A rating is not on the public timeline; its comment is, for its owner.
    const comments = followUp.messages
      .filter((m) => m.kind === 'comment')
      .map((m) => entryOf(m.at, describePublicEvent('rated')[lang], undefined, m, t.tracking));
    const timeline = [
      ...publicCase.timeline.map((e) =>
        entryOf(e.at, e.description[lang], e.unit?.name, messages.get(key(e)), t.tracking),
      ),
      ...comments,
    ].sort((a, b) => a.at.localeCompare(b.at));
    const errors = state.errors ?? {};
    const flash = flashOf((request.query as Record<string, unknown>).tb, t);
    const path = trackingPath(code);
    const hasActions = Object.values(followUp.actions).some(Boolean);
    return render(
      request,
      reply,
      'tracking',
      {
        title: t.tracking.title(code),
        current: 'lookup',
        code,
        case: publicCase,
        followUp,
        statusText: t.status[followUp.status],
        timeline,
        link: `${linkBaseOf(request, deps.config)}${path}`,
        path,
        flash,
        hasProof: owned !== null,
        hasActions,
        // After asking for a code (or mistyping it), the code's box comes first.
        isCodeStep: flash === 'gui-ma' || errors.otp !== undefined,
        otpMinutes: Math.round(OTP_TTL_SECONDS / 60),
        infoFileLimits: {
          maxFiles: Math.min(INFO_FILES_PER_ANSWER, deps.config.attachments.maxPerCase),
          maxBytes: deps.config.attachments.maxBytes,
        },
        minePath: PATHS.mine,
        actionUrl: (action: keyof typeof ACTIONS) => `${path}/${ACTIONS[action]}`,
        errors,
        values: state.values ?? {},
      },
      state.status ?? 200,
    );
  };
}
export type ShowCase = ReturnType<typeof casePage>;
