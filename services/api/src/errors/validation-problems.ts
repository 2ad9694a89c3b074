import type { FastifySchemaValidationError } from 'fastify';
import { STORABLE_TEXT_PATTERN } from '@hotline/contracts';
import type { FieldProblem } from '@hotline/core';
import { INVALID_CHARACTER } from '../plugins/storable-input.js';

const pointerToField = (pointer: string) =>
  pointer.replace(/^\//, '').split('/').filter(Boolean).join('.');
const join = (base: string, prop: string) => (base ? `${base}.${prop}` : prop);

/**
 * Turns schema validation errors (TypeBox, ajv-shaped) into one problem per field with a
 * stable reason key. A union failing produces one error per branch: they collapse into a
 * single "not_allowed" listing the allowed values.
 */
export function validationProblems(
  errors: readonly FastifySchemaValidationError[],
  part: string,
): FieldProblem[] {
  const byField = new Map<string, FieldProblem>();
  const allowed = new Map<string, string[]>();
  const add = (p: FieldProblem) => {
    if (!byField.has(p.field)) byField.set(p.field, p);
  };
  for (const e of errors) {
    const base = pointerToField(e.instancePath ?? '');
    const params: Record<string, unknown> = e.params ?? {};
    const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
    switch (e.keyword) {
      case 'required': {
        const props =
          (params.requiredProperties as string[] | undefined) ??
          [str(params.missingProperty)].filter((x) => x !== null);
        for (const prop of props) add({ field: join(base, prop), reason: 'required' });
        break;
      }
      case 'additionalProperties': {
        const props =
          (params.additionalProperties as string[] | undefined) ??
          [str(params.additionalProperty)].filter((x) => x !== null);
        for (const prop of props) add({ field: join(base, prop), reason: 'unknown_field' });
        break;
      }
      case 'maxLength':
      case 'maxItems':
        add({ field: base, reason: 'too_long', params: { limit: Number(params.limit) } });
        break;
      case 'minLength':
      case 'minItems':
        add({ field: base, reason: 'too_short', params: { limit: Number(params.limit) } });
        break;
      case INVALID_CHARACTER:
        add({ field: base, reason: 'invalid_character' });
        break;
      case 'pattern':
        add({
          field: base,
          reason: params.pattern === STORABLE_TEXT_PATTERN ? 'invalid_character' : 'invalid_format',
        });
        break;
      case 'format':
        add({ field: base, reason: 'invalid_format' });
        break;
      case 'type':
        add({ field: base, reason: 'wrong_type', params: { type: String(params.type) } });
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        add({ field: base, reason: 'out_of_range' });
        break;
      case 'const':
      case 'enum':
        allowed.set(base, [
          ...(allowed.get(base) ?? []),
          ...[params.allowedValue ?? params.allowedValues].flat().map(String),
        ]);
        break;
      case 'boolean':
      case 'anyOf':
        // Echoes of errors reported more precisely by other keywords.
        break;
      default:
        add({ field: base || part, reason: 'invalid' });
    }
  }
  for (const [field, values] of allowed) {
    add({ field: field || part, reason: 'not_allowed', params: { allowed: values.join(', ') } });
  }
  return [...byField.values()].map((p) => ({ ...p, field: p.field || part }));
}
