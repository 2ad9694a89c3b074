import i18n from 'i18next';

// The API's errors in the official's words. The API sends stable codes (a top-level `code`,
// and per field a `reason` with its values); the words live in locales/errors.*.json, so an
// official never reads a server string such as "login: too_short".

/** One problem the API found with a field: its path, a stable reason code and its values. */
export interface FieldProblem {
  field: string;
  reason: string;
  params?: Record<string, string | number>;
}

/** The API's error body: `{ statusCode, code, message, errors? }`. */
interface ErrorBody {
  code?: string;
  errors?: FieldProblem[];
}

const fieldKey = (field: string) => field.replace(/^body\./, '').replace(/\./g, '_');

/** "PT5M" → "5 phút": the policy's limits are ISO durations. */
function durationWords(value: string): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(value);
  if (!m) return value;
  const parts = (['D', 'H', 'M'] as const).flatMap((unit, i) =>
    m[i + 1] ? [i18n.t(`errors.duration.${unit}`, { count: Number(m[i + 1]) })] : [],
  );
  return parts.length > 0 ? parts.join(' ') : value;
}

function valuesOf(p: FieldProblem): Record<string, string | number> {
  const values: Record<string, string | number> = { limit: '', max: '', retryAfterSeconds: '' };
  for (const [k, v] of Object.entries(p.params ?? {})) {
    values[k] = typeof v === 'string' ? durationWords(v) : v;
  }
  // `too_short` says its limit as `limit` or `min`.
  if (values.limit === '' && p.params?.min !== undefined) values.limit = p.params.min;
  return values;
}

/** The field's name in the official's language, or null for a field the console does not name. */
export function fieldLabel(field: string): string | null {
  const key = `errors.field.${fieldKey(field)}`;
  return i18n.exists(key) ? i18n.t(key) : null;
}

/** A field problem in words, to show next to its field. */
export function reasonWords(p: FieldProblem): string {
  // "At least 1 character" is what an empty field hears: say it is required.
  const isEmpty = p.reason === 'too_short' && Number(p.params?.limit ?? p.params?.min) <= 1;
  const key = `errors.reason.${isEmpty ? 'required' : p.reason}`;
  return i18n.exists(key) ? i18n.t(key, valuesOf(p)) : i18n.t('errors.reason.fallback');
}

// Reasons whose words do not say which field they are about ("Cần nhập ô này.").
const GENERIC = new Set([
  'required',
  'unknown_field',
  'too_long',
  'too_short',
  'invalid_format',
  'wrong_type',
  'not_allowed',
  'invalid_character',
  'invalid_value',
  'invalid',
  'out_of_range',
  'invalid_date',
  'invalid_instant',
  'invalid_duration',
  'taken',
]);

/** A field problem in words, named by its field where the words alone would not say which. */
export function reasonWordsWithField(p: FieldProblem): string {
  const text = reasonWords(p);
  const isGeneric = GENERIC.has(p.reason) || !i18n.exists(`errors.reason.${p.reason}`);
  const label = isGeneric ? fieldLabel(p.field) : null;
  return label ? i18n.t('errors.withField', { field: label, text }) : text;
}

/** What an error code means, for errors without a field (status 0: no answer at all). */
export function codeWords(status: number, code: string | undefined): string {
  const named = code?.endsWith('_NOT_FOUND') ? 'NOT_FOUND' : code;
  if (named && i18n.exists(`errors.code.${named}`)) return i18n.t(`errors.code.${named}`);
  if (status === 0) return i18n.t('errors.code.NETWORK');
  if (status >= 500) return i18n.t('errors.code.SERVER');
  if (status === 401) return i18n.t('errors.code.UNAUTHORIZED');
  if (status === 403) return i18n.t('errors.code.FORBIDDEN');
  if (status === 404) return i18n.t('errors.code.NOT_FOUND');
  if (status === 409) return i18n.t('errors.code.CONFLICT');
  return i18n.t('errors.code.fallback');
}

/** The field problems of an API error body (none when it has none or is not ours). */
export function fieldProblemsOf(body: unknown): FieldProblem[] {
  const errors = (body as ErrorBody | null | undefined)?.errors;
  return Array.isArray(errors)
    ? errors.filter((e) => typeof e?.field === 'string' && typeof e.reason === 'string')
    : [];
}

/** An API error in words: its field problems (with their fields' names), else its code. */
export function errorBodyWords(status: number, body: unknown): string {
  const fields = fieldProblemsOf(body);
  if (fields.length > 0) return fields.map(reasonWordsWithField).join(' ');
  return codeWords(status, (body as ErrorBody | null | undefined)?.code);
}
