import { UNSTORABLE_CHARACTER, type CreateCaseBody } from '@hotline/contracts';
import type { FieldProblem } from '@hotline/core';
import { CASE_TEXT_MIN, normalizeVietnamesePhone } from '@hotline/domain';
import type { PhotoProblem } from './form-data.js';
import type { Messages } from './i18n/index.js';
import type { FieldErrors } from './render.js';

export const TEXT_MAX = 5000;
const ADDRESS_MAX = 500;
const NAME_MAX = 200;
const EMAIL_MAX = 254;
const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// Deliberately loose: one @, something on each side, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The intake form as the citizen filled it (kept verbatim to re-render it on errors). */
export interface SubmitValues {
  categoryCode: string;
  text: string;
  communeCode: string;
  address: string;
  contact: 'named' | 'anonymous';
  name: string;
  phone: string;
  email: string;
  consent: boolean;
}

export const EMPTY_SUBMISSION: SubmitValues = {
  categoryCode: '',
  text: '',
  communeCode: '',
  address: '',
  contact: 'named',
  name: '',
  phone: '',
  email: '',
  consent: false,
};

const length = (s: string) => [...s].length;

export function submissionOf(fields: Record<string, string>): SubmitValues {
  const get = (k: string) => (fields[k] ?? '').normalize('NFC');
  return {
    categoryCode: get('categoryCode').trim(),
    text: get('text'),
    communeCode: get('communeCode').trim(),
    address: get('address'),
    contact: get('contact') === 'anonymous' ? 'anonymous' : 'named',
    name: get('name'),
    phone: get('phone'),
    email: get('email'),
    consent: fields.consent === 'yes',
  };
}

/** Field-level problems the form can find before the case is submitted, in `t`'s words. */
export function checkSubmission(
  v: SubmitValues,
  t: Messages,
  known: { categories: ReadonlySet<string>; communes: ReadonlySet<string> },
  photoProblem: PhotoProblem | null,
  photoLimits: { maxFiles: number; maxBytes: number },
): FieldErrors {
  const e = t.submit.errors;
  const errors: FieldErrors = {};
  if (!v.categoryCode) errors.categoryCode = e.categoryRequired;
  else if (!CODE.test(v.categoryCode) || !known.categories.has(v.categoryCode)) {
    errors.categoryCode = e.categoryUnknown;
  }
  const text = v.text.trim();
  if (!text) errors.text = e.textRequired;
  else if (length(text) < CASE_TEXT_MIN) errors.text = e.textTooShort(CASE_TEXT_MIN);
  else if (length(text) > TEXT_MAX) errors.text = e.textTooLong(TEXT_MAX);
  if (v.communeCode && (!CODE.test(v.communeCode) || !known.communes.has(v.communeCode))) {
    errors.communeCode = e.communeUnknown;
  }
  if (length(v.address.trim()) > ADDRESS_MAX) errors.address = e.addressTooLong(ADDRESS_MAX);
  if (v.contact === 'named' && length(v.name.trim()) > NAME_MAX) {
    errors.name = e.nameTooLong(NAME_MAX);
  }
  if (v.phone.trim()) {
    const r = normalizeVietnamesePhone(v.phone);
    if (!r.ok) errors.phone = r.reason === 'not_vietnamese' ? e.phoneNotVietnamese : e.phoneInvalid;
  }
  const email = v.email.trim();
  if (email && (length(email) > EMAIL_MAX || !EMAIL.test(email))) errors.email = e.emailInvalid;
  // Postgres cannot store U+0000 (a form can carry it as %00): refused here, never a 500.
  for (const field of ['text', 'address', 'name', 'phone', 'email', 'communeCode'] as const) {
    if (UNSTORABLE_CHARACTER.test(v[field])) errors[field] = e.invalidCharacter;
  }
  if (photoProblem) {
    errors.photos = {
      too_large: e.photoTooLarge(photoLimits.maxBytes),
      type: e.photoType,
      too_many: e.photoTooMany(photoLimits.maxFiles),
      empty: e.photoEmpty,
    }[photoProblem];
  }
  return errors;
}

/** The API's intake body for a checked form. */
export function caseBodyOf(v: SubmitValues): CreateCaseBody {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const name = v.contact === 'named' ? opt(v.name) : undefined;
  const phone = opt(v.phone);
  const email = opt(v.email);
  const citizen = {
    ...(name ? { name } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
  };
  const commune = opt(v.communeCode);
  const address = opt(v.address);
  return {
    categoryCode: v.categoryCode,
    text: v.text.trim(),
    ...(commune ? { communeCode: commune } : {}),
    ...(address ? { address } : {}),
    ...(Object.keys(citizen).length > 0 ? { citizen } : {}),
    isAnonymous: v.contact === 'anonymous',
    consentToPublish: v.consent,
  };
}

/** Intake's own refusals (e.g. a category retired meanwhile) as the form's field messages. */
export function errorsOfProblems(problems: readonly FieldProblem[], t: Messages): FieldErrors {
  const e = t.submit.errors;
  const errors: FieldErrors = {};
  for (const p of problems) {
    if (p.field === 'categoryCode') errors.categoryCode = e.categoryUnknown;
    else if (p.field === 'communeCode') errors.communeCode = e.communeUnknown;
    else if (p.field === 'citizen.phone') errors.phone = e.phoneInvalid;
    else if (p.field === 'text') errors.text = e.textTooShort(CASE_TEXT_MIN);
  }
  return errors;
}
