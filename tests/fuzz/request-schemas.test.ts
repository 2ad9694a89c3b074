import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../support/system.js';
import { inputSchemas, operationsOf, typesOf, type OpenApiDocument } from './openapi.js';

// Every request string and number is guarded by its schema, read from the OpenAPI document of
// the running app: a route added tomorrow is checked without anyone listing it here.
describe('request schemas: every string storable, every number within range', () => {
  let sys: TestSystem;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    sys = await startSystem({ withWorker: false, label: 'reqschemas' });
    doc = (await (await fetch(`${sys.baseUrl}/docs/json`)).json()) as OpenApiDocument;
  });
  afterAll(async () => {
    await sys.close();
  });

  it('every string has a pattern that refuses U+0000 and lone surrogates', () => {
    const unguarded: string[] = [];
    for (const op of operationsOf(doc)) {
      for (const [at, s] of inputSchemas(op)) {
        if (!typesOf(s).includes('string') || s.enum || s.const !== undefined) continue;
        if (!s.pattern) {
          unguarded.push(`${at}: no pattern`);
          continue;
        }
        const re = new RegExp(s.pattern, 'u');
        // Values the pattern accepts, each spoiled by a U+0000 or a lone surrogate somewhere.
        const accepted = fc.sample(fc.stringMatching(re), { numRuns: 20, seed: 7 });
        for (const value of accepted) {
          for (const bad of ['\u0000', '\uD800', '\uDFFF']) {
            for (const i of [0, Math.floor(value.length / 2), value.length]) {
              const spoiled = value.slice(0, i) + bad + value.slice(i);
              if (re.test(spoiled)) unguarded.push(`${at}: accepts ${JSON.stringify(spoiled)}`);
            }
          }
        }
      }
    }
    expect([...new Set(unguarded)]).toEqual([]);
  });

  it('every integer and number has bounds a Postgres column can hold', () => {
    const unbounded: string[] = [];
    for (const op of operationsOf(doc)) {
      for (const [at, s] of inputSchemas(op)) {
        if (!typesOf(s).some((t) => t === 'integer' || t === 'number')) continue;
        const low = s.minimum ?? s.exclusiveMinimum;
        const high = s.maximum ?? s.exclusiveMaximum;
        if (low === undefined || high === undefined) unbounded.push(`${at}: unbounded`);
        else if (low < -Number.MAX_SAFE_INTEGER || high > Number.MAX_SAFE_INTEGER) {
          unbounded.push(`${at}: beyond ±2^53`);
        }
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('declares the content types the routes really answer and accept', () => {
    const ops = new Map(operationsOf(doc).map((op) => [`${op.method} ${op.path}`, op]));
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    for (const path of ['/v1/reports/units/export', '/v1/oversight/overdue/export']) {
      expect(ops.get(`GET ${path}`)?.responses['200']).toEqual(
        expect.arrayContaining(['text/csv', xlsx]),
      );
    }
    const twilio = ops.get('POST /webhooks/sms/twilio')!;
    expect(twilio.responses['200']).toEqual(['text/xml']);
    expect(Object.keys(twilio.body)).toEqual(['application/x-www-form-urlencoded']);
    expect(ops.get('GET /open311/v2/services.xml')?.responses['200']).toEqual(['text/xml']);
    expect(ops.get('GET /open311/v2/services.json')?.responses['200']).toEqual([
      'application/json',
    ]);
    expect(ops.get('GET /open311/v2/requests/{file}')?.responses['200']).toEqual([
      'application/json',
      'text/xml',
    ]);
  });
});
