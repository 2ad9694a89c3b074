import i18n from 'i18next';
import { ApiError } from '../../api/client';

/** One problem the API found with a field (contracts FieldError). */
interface FieldError {
  field: string;
  reason: string;
  message?: { vi?: string; en?: string };
}

/** The API's field errors, each with its message in the UI's language. */
export function fieldErrorsOf(err: unknown): { field: string; message: string }[] {
  if (!(err instanceof ApiError)) return [];
  const body = err.body as { errors?: FieldError[] } | null | undefined;
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  // A few reasons the API words only generically get the console's own words.
  return (body?.errors ?? []).map((e) => ({
    field: e.field,
    message: i18n.exists(`admin.reasons.${e.reason}`)
      ? i18n.t(`admin.reasons.${e.reason}`)
      : (e.message?.[lang] ?? e.message?.vi ?? e.reason),
  }));
}

/** What to tell the official about a failed request, in their language. */
export function errorMessageOf(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = fieldErrorsOf(err);
    if (fields.length > 0) return fields.map((f) => f.message).join(' · ');
    if (err.status === 403) return i18n.t('admin.errors.forbidden');
    if (err.status === 409) return `${i18n.t('admin.errors.conflict')} ${err.message}`;
    if (err.status >= 500) return i18n.t('admin.errors.server');
    return err.message;
  }
  return i18n.t('common.error');
}

/**
 * Puts the API's field errors next to the form's fields (a field path the form knows, or its
 * nearest known parent: "conditions.words.3" → "conditions.words"); returns those left over,
 * for a message above the form.
 */
export function applyFieldErrors(
  err: unknown,
  known: readonly string[],
  setError: (field: string, message: string) => void,
  alias: Record<string, string> = {},
): string[] {
  const rest: string[] = [];
  for (const { field, message } of fieldErrorsOf(err)) {
    const path = field.replace(/^body\./, '');
    let target: string | null = alias[path] ?? null;
    for (let p = path; !target && p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      if (known.includes(p)) target = p;
      else if (alias[p]) target = alias[p] ?? null;
    }
    if (target) setError(target, message);
    else rest.push(message);
  }
  return rest;
}

/** Throws an ApiError unless the response is a success (for answers without a body: 204). */
export function ensureOk(result: { error?: unknown; response: Response }): void {
  if (result.response.ok) return;
  const body = result.error as { code?: string; message?: string } | undefined;
  throw new ApiError(
    result.response.status,
    body?.code ?? `HTTP_${result.response.status}`,
    body?.message ?? result.response.statusText,
    result.error,
  );
}
