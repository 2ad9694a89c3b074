import createClient, { type Middleware } from 'openapi-fetch';
import { errorBodyWords } from '../components/error-words';
import { currentLanguage } from '../i18n';
import type { paths } from './schema';

/** The CSRF token of the signed-in session (from sign-in or /v1/auth/me); echoed on writes. */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      request.headers.set('x-csrf-token', csrfToken);
    }
    return request;
  },
};

/** Names of units, hotlines and categories come back in the console's language. */
const language: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', currentLanguage());
    return request;
  },
};

/** The typed API client: paths, parameters and bodies come from the API's OpenAPI document. */
// The console reads JSON only: exports (CSV, XLSX) are downloaded through plain links.
export const api = createClient<paths, 'application/json'>({
  baseUrl: '',
  credentials: 'same-origin',
});
api.use(csrf, language);

/**
 * The API's error body as an Error. Its message is the error in the official's words (from
 * the body's codes, see error-words.ts), never the server's own text; `body` keeps the codes.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

/** Unwraps an openapi-fetch result: the data, or an ApiError with the API's own code. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    // The API's errors: { code, message, errors?: [{ field, reason, message: { vi, en } }] }.
    const body = result.error as { code?: string } | undefined;
    throw new ApiError(
      result.response.status,
      body?.code ?? `HTTP_${result.response.status}`,
      errorBodyWords(result.response.status, result.error),
      result.error,
    );
  }
  return result.data;
}
