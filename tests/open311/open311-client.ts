import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';

/** The published GeoReport v2 JSON Schemas sit beside the checkout, in ../shared. */
const SCHEMA_DIR = new URL('../../../shared/open311-schemas/', import.meta.url);
const SCHEMAS = [
  'service.json',
  'services.json',
  'service-definition.json',
  'request.json',
  'requests.json',
];

const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its function is the default export at run time.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (a: Ajv) => void;
addFormats(ajv);
for (const name of SCHEMAS) {
  ajv.addSchema(JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), 'utf8')) as object, name);
}

/** The validator of one of the spec's schemas, by file name. */
export function specSchema(name: string): ValidateFunction {
  const validate = ajv.getSchema(name);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
}

/** Throws with ajv's errors when `body` does not match the named spec schema. */
export function expectValid(name: string, body: unknown) {
  const validate = specSchema(name);
  if (!validate(body)) {
    throw new Error(`${name}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
  }
}

const LIST_ELEMENTS = new Set([
  'service',
  'request',
  'error',
  'attribute',
  'value',
  'endpoint',
  'format',
]);

const parser = new XMLParser({
  ignoreDeclaration: true,
  parseTagValue: false,
  isArray: (name) => LIST_ELEMENTS.has(name),
});

/** Parses an XML answer; every value stays a string (`''` for an empty element). */
export const parseXml = (xml: string) => parser.parse(xml) as Record<string, unknown>;

/** How a JSON value reads in our XML. */
export function asXmlText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return v.toString();
  return JSON.stringify(v);
}

/** Expects an XML item to hold every flat field of its JSON twin, value for value. */
export function sameFields(json: Record<string, unknown>, xml: Record<string, unknown>) {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (typeof value === 'object' && value !== null) continue;
    if (asXmlText(xml[key]) !== asXmlText(value)) {
      problems.push(`${key}: xml ${JSON.stringify(xml[key])} ≠ json ${JSON.stringify(value)}`);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

export interface Fetched {
  status: number;
  contentType: string;
  text: string;
}

export async function get(baseUrl: string, path: string): Promise<Fetched> {
  const res = await fetch(baseUrl + path);
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
}

/** A form post, as Open311 clients send it. */
export async function postForm(
  baseUrl: string,
  path: string,
  fields: Record<string, string>,
): Promise<Fetched> {
  const res = await fetch(baseUrl + path, { method: 'POST', body: new URLSearchParams(fields) });
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
}
