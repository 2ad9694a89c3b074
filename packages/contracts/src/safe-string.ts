import Type, { type TString, type TStringOptions } from 'typebox';

// Postgres text and jsonb cannot hold U+0000, and a lone UTF-16 surrogate cannot be encoded
// as UTF-8 (it would be stored as U+FFFD, silently changing what the citizen wrote). The
// pattern is compiled with the `u` flag (TypeBox, ajv), so a well-formed pair is one code
// point outside the excluded range.
const STORABLE = '[^\\u0000\\uD800-\\uDFFF]';

/** A string Postgres can store as given: no U+0000, no lone surrogate. */
export const STORABLE_TEXT_PATTERN = `^${STORABLE}*$`;

/** Storable text with at least one character that is not white space. */
export const NON_BLANK_TEXT_PATTERN = `^\\s*[^\\s\\u0000\\uD800-\\uDFFF]${STORABLE}*$`;

/** The same rule for code that reads payloads no schema validates (raw webhooks, forms). */
// eslint-disable-next-line no-control-regex -- U+0000 is the character refused
export const UNSTORABLE_CHARACTER = /[\u0000\uD800-\uDFFF]/u;

/**
 * Every string a request carries: storable text unless the options give a stricter pattern
 * (every pattern of ours is anchored and excludes U+0000; a test walks the OpenAPI document
 * to keep it so).
 */
export function SafeString(options: TStringOptions = {}): TString {
  return Type.String({ pattern: STORABLE_TEXT_PATTERN, ...options });
}

/** The largest value of a Postgres `integer` column. */
export const INT4_MAX = 2_147_483_647;
