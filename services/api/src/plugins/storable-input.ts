import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import { UNSTORABLE_CHARACTER } from '@hotline/contracts';

// eslint-disable-next-line no-control-regex -- U+0000 is the character replaced
const escapeKey = (key: string) => key.replace(/[\u0000\uD800-\uDFFF]/gu, '\uFFFD');

/**
 * The JSON pointer of the first string (or object key) Postgres could not store as given,
 * or null. Keys matter too: jsonb refuses U+0000 in a key as in a value.
 */
export function findUnstorable(value: unknown, pointer = ''): string | null {
  if (typeof value === 'string') return UNSTORABLE_CHARACTER.test(value) ? pointer : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorable(item, `${pointer}/${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = `${pointer}/${escapeKey(key)}`;
      if (UNSTORABLE_CHARACTER.test(key)) return at;
      const found = findUnstorable(item, at);
      if (found !== null) return found;
    }
  }
  return null;
}

/** The schema error the storable-text check reports, read by validationProblems. */
export const INVALID_CHARACTER = 'invalidCharacter';

/**
 * TypeBox's validator, preceded by one scan for unstorable characters in every part of the
 * request it validates (body, query, params, headers). The shared string types carry the same
 * rule as a pattern; this scan also covers object keys and whatever a schema leaves open, so a
 * U+0000 never reaches Postgres as a 500.
 */
export const storableValidatorCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  const validate = TypeBoxValidatorCompiler(route);
  return (value: unknown) => {
    const at = findUnstorable(value);
    if (at === null) return validate(value);
    const error: FastifySchemaValidationError = {
      keyword: INVALID_CHARACTER,
      instancePath: at,
      schemaPath: '',
      params: {},
      message: 'contains a character that cannot be stored (U+0000 or a lone surrogate)',
    };
    return { error: [error] };
  };
};
