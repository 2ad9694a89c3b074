import type { FastifyReply, FastifyRequest } from 'fastify';
import { getCaseFollowUp, getPublicCase, OTP_TTL_SECONDS } from '@hotline/core';
import { formatTrackingCode, isValidTrackingCode, normalizeTrackingCode } from '@hotline/domain';
import type { PortalContext } from './context.js';
import { messagesFor, type Messages } from './i18n/index.js';
import { langOf } from './locale.js';
import { proofOf } from './owner-proof.js';
import { ACTIONS, trackingPath } from './paths.js';
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
 * The tracking page of a case: code, status, unit, deadline, the timeline in plain words, the
 * answer, and the citizen's next actions (with proof of ownership, or the SMS code flow).
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
    const [publicCase, followUp] = await Promise.all([
      getPublicCase(deps, code),
      getCaseFollowUp(deps, code, now),
    ]);
    const details = new Map(followUp.messages.map((m) => [`${m.type}@${m.at}`, m]));
    const timeline = publicCase.timeline.map((e) => ({
      at: e.at,
      text: e.description[lang],
      detail: details.get(`${e.type}@${e.at}`) ?? null,
    }));
    const proof = proofOf(request);
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
        link: `${deps.config.publicBaseUrl}${path}`,
        path,
        flash,
        hasProof: state.hasProof ?? Boolean(proof.token ?? proof.otp),
        hasActions,
        // After asking for a code (or mistyping it), the code's box comes first.
        isCodeStep: flash === 'gui-ma' || errors.otp !== undefined,
        otpMinutes: Math.round(OTP_TTL_SECONDS / 60),
        actionUrl: (action: keyof typeof ACTIONS) => `${path}/${ACTIONS[action]}`,
        errors,
        values: state.values ?? {},
      },
      state.status ?? 200,
    );
  };
}
export type ShowCase = ReturnType<typeof casePage>;
