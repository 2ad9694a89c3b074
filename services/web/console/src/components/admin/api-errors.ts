import i18n from 'i18next';
import { ApiError } from '../../api/client';
import { codeWords, errorBodyWords, fieldProblemsOf, reasonWords } from '../error-words';

/** The API's field errors, each in words in the UI's language (to show next to its field). */
export function fieldErrorsOf(err: unknown): { field: string; message: string }[] {
  if (!(err instanceof ApiError)) return [];
  return fieldProblemsOf(err.body).map((p) => ({ field: p.field, message: reasonWords(p) }));
}

/** What to tell the official about a failed request, in their language. */
export function errorMessageOf(err: unknown): string {
  if (err instanceof ApiError) return errorBodyWords(err.status, err.body);
  return err instanceof TypeError ? codeWords(0, 'NETWORK') : i18n.t('common.error');
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
  const body = result.error as { code?: string } | undefined;
  throw new ApiError(
    result.response.status,
    body?.code ?? `HTTP_${result.response.status}`,
    errorBodyWords(result.response.status, result.error),
    result.error,
  );
}
