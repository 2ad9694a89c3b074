import type { Open311RequestRow } from '@hotline/db';
import { isOpen } from '@hotline/domain';
import { publicCaseOf, publicPlaceOf } from '../publication/public-case.js';

/** GeoReport v2 shapes, with the spec's field names (https://wiki.open311.org/GeoReport_v2). */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime';
  keywords: string | null;
  group: string | null;
}

export const ATTRIBUTE_DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: (typeof ATTRIBUTE_DATATYPES)[number];
  required: boolean;
  datatype_description: string | null;
  order: number | null;
  description: string | null;
  values: { key: string; name: string }[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface Open311CreatedRequest {
  service_request_id: string;
  service_notice: string | null;
  account_id: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Attributes as stored in `categories.attributes` (spec-shaped JSON, entered by hand), read
 * leniently: an entry without a code is skipped, unknown datatypes read as `string`.
 */
export function readAttributes(stored: unknown): Open311Attribute[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((raw: unknown): Open311Attribute[] => {
    const a = (raw ?? {}) as Record<string, unknown>;
    const code = str(a.code);
    if (!code) return [];
    const datatype = ATTRIBUTE_DATATYPES.find((d) => d === a.datatype) ?? 'string';
    const values = Array.isArray(a.values) ? (a.values as Record<string, unknown>[]) : [];
    return [
      {
        variable: a.variable !== false,
        code,
        datatype,
        required: a.required === true,
        datatype_description: str(a.datatype_description),
        order: Number.isInteger(a.order) ? (a.order as number) : null,
        description: str(a.description),
        values: values.flatMap((v) => {
          const key = str(v?.key);
          return key ? [{ key, name: str(v.name) ?? key }] : [];
        }),
      },
    ];
  });
}

/** The spec's description is at most 4000 characters; a case's text may be longer. */
const DESCRIPTION_MAX = 4000;

/**
 * A case as a service request, as the public-case module allows: no citizen name, phone or
 * e-mail, ever; no text, answer, address or place unless published (then the approved,
 * redacted text and answer, and the place to about 1 km; never the address). `id` is what
 * stands for the case: its tracking code, or the opaque id lists give unpublished cases.
 */
export function toOpen311Request(row: Open311RequestRow, id: string): Open311Request {
  const view = publicCaseOf(row);
  const place = publicPlaceOf(view, row);
  const published = view.kind === 'published' ? view : null;
  return {
    service_request_id: id,
    status: isOpen(row.status) ? 'open' : 'closed',
    status_notes: published?.answer ?? null,
    service_name: row.categoryName,
    service_code: row.categoryCode,
    description: published ? published.text.slice(0, DESCRIPTION_MAX) : null,
    agency_responsible: row.unitName,
    service_notice: null,
    requested_datetime: row.receivedAt.toISOString(),
    updated_datetime: row.updatedAt.toISOString(),
    expected_datetime: row.resolutionDueAt?.toISOString() ?? null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: place.lat,
    long: place.long,
    // A link the citizen's app sent: never reviewed, so never public.
    media_url: null,
  };
}
