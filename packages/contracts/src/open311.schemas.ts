import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): the inputs we validate. The
 * answers are built by hand in JSON and XML (two formats, spec field names), so they have no
 * response schema here; tests check them against the published JSON Schemas.
 */
const TEXT = (maxLength: number) => Type.Optional(SafeString({ maxLength }));
const ANSWER = Type.Union([
  SafeString({ maxLength: 1000 }),
  Type.Array(SafeString({ maxLength: 1000 }), { maxItems: 50 }),
]);

/** `POST /open311/v2/requests.{format}` form fields; `attribute[code]=…` arrives as an object. */
export const Open311RequestBody = Type.Object(
  {
    api_key: TEXT(200),
    jurisdiction_id: TEXT(200),
    service_code: TEXT(64),
    lat: TEXT(40),
    long: TEXT(40),
    address_string: TEXT(500),
    address_id: TEXT(200),
    email: TEXT(254),
    device_id: TEXT(200),
    account_id: TEXT(200),
    first_name: TEXT(100),
    last_name: TEXT(100),
    phone: TEXT(32),
    description: TEXT(4000),
    media_url: TEXT(2000),
    // `attribute[code]=v`, and for multivaluelist `attribute[code][]=v` (read as { '[]': [...] }).
    attribute: Type.Optional(
      Type.Record(Type.String(), Type.Union([ANSWER, Type.Record(Type.String(), ANSWER)])),
    ),
  },
  { additionalProperties: true },
);
export type Open311RequestBody = Static<typeof Open311RequestBody>;

/**
 * `GET /open311/v2/requests.{format}` filters, and the pagination extension's `page` (from 1)
 * and `page_size` (50 by default, at most 200).
 */
export const Open311RequestsQuery = Type.Object(
  {
    jurisdiction_id: TEXT(200),
    service_request_id: TEXT(2000),
    service_code: TEXT(64),
    start_date: TEXT(40),
    end_date: TEXT(40),
    status: TEXT(20),
    page: TEXT(10),
    page_size: TEXT(10),
  },
  { additionalProperties: true },
);
export type Open311RequestsQuery = Static<typeof Open311RequestsQuery>;

/** One path segment with its format suffix, e.g. `K7QM-4RX9.json`. */
export const Open311FileParams = Type.Object({
  file: SafeString({ minLength: 1, maxLength: 100 }),
});

/** An API key as administrators see it: never the key itself. */
export const ApiKeySummary = Type.Object({
  id: SafeString({ format: 'uuid' }),
  name: SafeString(),
  prefix: SafeString({ description: 'First characters of the key, to recognise it' }),
  scopes: Type.Array(SafeString()),
  createdAt: SafeString({ format: 'date-time' }),
  revokedAt: Type.Union([SafeString({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([SafeString({ format: 'date-time' }), Type.Null()]),
});
export type ApiKeySummary = Static<typeof ApiKeySummary>;

export const ApiKeyList = Type.Array(ApiKeySummary);

/** The answer to issuing a key: the only time the key is shown. */
export const IssuedApiKey = Type.Object({
  ...ApiKeySummary.properties,
  key: SafeString({ description: 'Shown once; only its SHA-256 is kept' }),
});
export type IssuedApiKey = Static<typeof IssuedApiKey>;

export const IssueApiKeyBody = Type.Object(
  { name: SafeString({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const ApiKeyIdParams = Type.Object({ id: SafeString({ format: 'uuid' }) });
