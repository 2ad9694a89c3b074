/** The OpenAPI document as the fuzz and schema tests read it: operations and their inputs. */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
  [key: string]: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** OpenAPI path, `{name}` for a parameter. */
  path: string;
  parameters: Parameter[];
  /** Request body schema per content type. */
  body: Record<string, JsonSchema>;
  bodyRequired: boolean;
  /** Response content types per status. */
  responses: Record<string, string[]>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document, `$ref`s resolved. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const resolve = (s: JsonSchema): JsonSchema =>
    s.$ref ? resolve(doc.components?.schemas?.[s.$ref.split('/').pop() ?? ''] ?? {}) : s;
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const body: Record<string, JsonSchema> = {};
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
        body[type] = resolve(media.schema ?? {});
      }
      const responses: Record<string, string[]> = {};
      for (const [status, r] of Object.entries(op.responses ?? {})) {
        responses[status] = Object.keys(r.content ?? {});
      }
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []).map((p) => ({ ...p, schema: resolve(p.schema) })),
        body,
        bodyRequired: op.requestBody?.required ?? false,
        responses,
      });
    }
  }
  return ops;
}

/** Each schema inside a schema with its JSON path, the schema itself first. */
export function* walkSchema(schema: JsonSchema, at: string): Generator<[string, JsonSchema]> {
  yield [at, schema];
  for (const [name, s] of Object.entries(schema.properties ?? {})) {
    yield* walkSchema(s, at ? `${at}.${name}` : name);
  }
  for (const [name, s] of Object.entries(schema.patternProperties ?? {})) {
    yield* walkSchema(s, `${at}[${name}]`);
  }
  if (typeof schema.additionalProperties === 'object') {
    yield* walkSchema(schema.additionalProperties, `${at}.*`);
  }
  if (schema.items) yield* walkSchema(schema.items, `${at}[]`);
  for (const s of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    yield* walkSchema(s, at);
  }
}

/** Every input schema of an operation, named `METHOD path part.field`. */
export function* inputSchemas(op: Operation): Generator<[string, JsonSchema]> {
  for (const p of op.parameters) {
    yield* walkSchema(p.schema, `${op.method} ${op.path} ${p.in}:${p.name}`);
  }
  for (const [type, schema] of Object.entries(op.body)) {
    yield* walkSchema(schema, `${op.method} ${op.path} body(${type})`);
  }
}

export const typesOf = (s: JsonSchema): string[] =>
  s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
