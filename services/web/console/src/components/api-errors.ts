import { createContext, useContext } from 'react';
import { ApiError } from '../api/client';
import {
  codeWords,
  errorBodyWords,
  fieldProblemsOf,
  reasonWords,
  type FieldProblem,
} from './error-words';

/** What the API said: its status, its stable code, its field problems, and all of it in words. */
export interface ApiProblem {
  status: number;
  code: string;
  /** The problem in the official's words (never the server's own text). */
  message: string;
  fields: FieldProblem[];
}

export function problemOf(e: unknown): ApiProblem {
  if (!(e instanceof ApiError)) {
    return { status: 0, code: 'NETWORK', message: codeWords(0, 'NETWORK'), fields: [] };
  }
  const raw = (e.body ?? {}) as { code?: string; error?: { code?: string } };
  const code = raw.code ?? raw.error?.code ?? e.code;
  return {
    status: e.status,
    code,
    message: errorBodyWords(e.status, e.body),
    fields: fieldProblemsOf(e.body),
  };
}

/** A field problem in the console's language, to show next to its field. */
export const fieldMessage = (p: FieldProblem): string => reasonWords(p);

/**
 * The problems a form can show next to its fields (by field path, "body." dropped), and the
 * rest in words for a message above the form.
 */
export function formProblems(
  e: unknown,
  fields: readonly string[],
): { byField: Partial<Record<string, string>>; rest: string | null } {
  const p = problemOf(e);
  const byField: Partial<Record<string, string>> = {};
  const other: FieldProblem[] = [];
  for (const f of p.fields) {
    const path = f.field.replace(/^body\./, '');
    if (fields.includes(path) && byField[path] === undefined) byField[path] = reasonWords(f);
    else other.push(f);
  }
  const placed = Object.keys(byField).length > 0;
  const rest =
    other.length > 0 ? errorBodyWords(p.status, { errors: other }) : placed ? null : p.message;
  return { byField, rest };
}

export const isVersionConflict = (p: ApiProblem) =>
  p.status === 409 && p.code === 'VERSION_CONFLICT';

/** The last problem of a form's request, for its fields to show their own (see useFieldProblem). */
export const FormProblemContext = createContext<ApiProblem | null>(null);

/** The words for the API's problem with `field` (its path in the request body), if any. */
export function useFieldProblem(field: string): string | undefined {
  const problem = useContext(FormProblemContext);
  const found = problem?.fields.find((f) => f.field.replace(/^body\./, '') === field);
  return found ? reasonWords(found) : undefined;
}
