import fc from 'fast-check';
import { NON_BLANK_TEXT_PATTERN, STORABLE_TEXT_PATTERN } from '@hotline/contracts';
import { typesOf, type JsonSchema } from './openapi.js';

// Our own JSON-Schema-to-fast-check mapping: the npm candidates are either not fast-check
// (json-schema-faker: its own randomness, no shrinking) or an unmaintained 0.0.x
// (json-schema-fast-check, no `pattern` support). This covers what our TypeBox schemas use.

const INT32 = 2 ** 31 - 1;
/** Strings stay short: the point is variety, not volume (overlong values are a bad input). */
const MAX_GENERATED_LENGTH = 40;

const text = (minLength: number, maxLength: number) =>
  fc.string({ unit: 'grapheme', minLength, maxLength: Math.max(minLength, maxLength) });

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? MAX_GENERATED_LENGTH, Math.max(min, MAX_GENERATED_LENGTH));
  switch (s.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    case undefined:
    default:
      break;
  }
  if (!s.pattern || s.pattern === STORABLE_TEXT_PATTERN) return text(min, max);
  if (s.pattern === NON_BLANK_TEXT_PATTERN) {
    return text(Math.max(min, 1), max).filter((v) => v.trim().length > 0);
  }
  return fc.stringMatching(new RegExp(s.pattern, 'u')).map((v) => v.slice(0, s.maxLength));
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const low = s.minimum ?? s.exclusiveMinimum ?? -1_000_000;
  const high = s.maximum ?? s.exclusiveMaximum ?? 1_000_000;
  if (integer) {
    const min = Math.max(-INT32 - 1, Math.ceil(low + (s.exclusiveMinimum === undefined ? 0 : 1)));
    const max = Math.min(INT32, Math.floor(high - (s.exclusiveMaximum === undefined ? 0 : 1)));
    return fc.integer({ min, max: Math.max(min, max) });
  }
  return fc.double({
    min: low,
    max: high,
    minExcluded: s.exclusiveMinimum !== undefined,
    maxExcluded: s.exclusiveMaximum !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

/** Values the schema accepts (mostly: lengths and patterns are followed, not guaranteed). */
export function valueOf(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const branches = s.anyOf ?? s.oneOf;
  if (branches && branches.length > 0) return fc.oneof(...branches.map((b) => valueOf(b, depth)));
  if (s.allOf && s.allOf.length > 0) return valueOf(s.allOf[0]!, depth);
  const types = typesOf(s);
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => valueOf({ ...s, type }, depth)));
  }
  switch (types[0]) {
    case 'string':
      return stringArbitrary(s);
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items && depth < 4 ? valueOf(s.items, depth + 1) : fc.jsonValue(), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, Math.max(s.minItems ?? 0, 4)),
      });
    case 'object': {
      const props = s.properties ?? {};
      if (Object.keys(props).length === 0 || depth >= 4) {
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string(), {
          maxKeys: 3,
        });
      }
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, p] of Object.entries(props)) model[name] = valueOf(p, depth + 1);
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    case undefined:
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
