import i18n from 'i18next';
import { ApiError } from '../api/client';

interface FieldProblem {
  field: string;
  reason: string;
  message?: { vi?: string; en?: string };
}

/** What the API said, whichever shape its error body has ({code, message} or {error: {…}}). */
export interface ApiProblem {
  status: number;
  code: string;
  message: string;
  fields: FieldProblem[];
}

export function problemOf(e: unknown): ApiProblem {
  if (!(e instanceof ApiError)) {
    return { status: 0, code: 'NETWORK', message: e instanceof Error ? e.message : '', fields: [] };
  }
  const raw = (e.body ?? {}) as {
    code?: string;
    message?: string;
    errors?: FieldProblem[];
    error?: { code?: string; message?: string };
  };
  return {
    status: e.status,
    code: raw.code ?? raw.error?.code ?? e.code,
    message: raw.message ?? raw.error?.message ?? e.message,
    fields: Array.isArray(raw.errors) ? raw.errors : [],
  };
}

/** A field problem in the console's language (the API sends both). */
export function fieldMessage(p: FieldProblem): string {
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return p.message?.[lang] ?? `${p.field}: ${p.reason}`;
}

export const isVersionConflict = (p: ApiProblem) =>
  p.status === 409 && p.code === 'VERSION_CONFLICT';
