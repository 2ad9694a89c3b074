import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

const NamedRef = Type.Object({ code: SafeString(), name: SafeString() });

/**
 * `POST /v1/console/case-lookup`: the console header's search. A POST, because the query may
 * be a citizen's phone number, and a number in a URL would land in access logs, proxies and
 * the browser's history.
 */
export const CaseLookupBody = Type.Object(
  {
    query: SafeString({
      minLength: 1,
      maxLength: 64,
      description:
        'A tracking code (K7QM-4RX9, k7qm4rx9: any case, dash optional) or a Vietnamese ' +
        'phone number as written (0912 345 678, +84912345678, 84-912-345-678)',
    }),
  },
  { additionalProperties: false },
);
export type CaseLookupBody = Static<typeof CaseLookupBody>;

export const CaseLookupItem = Type.Object({
  id: SafeString({ format: 'uuid' }),
  trackingCode: SafeString(),
  status: SafeString(),
  slaState: SafeString(),
  receivedAt: SafeString({ format: 'date-time' }),
  category: NamedRef,
  unit: Type.Union([NamedRef, Type.Null()]),
  excerpt: SafeString({ description: 'The start of the case text' }),
});
export type CaseLookupItem = Static<typeof CaseLookupItem>;

export const CaseLookupResponse = Type.Object({
  readAs: Type.Union([Type.Literal('tracking_code'), Type.Literal('phone')], {
    description:
      'What the query was taken for (a string that is neither is a 400 on the field `query`)',
  }),
  cases: Type.Array(CaseLookupItem, {
    description: 'Matching cases the official may see, newest first (none: an empty list)',
  }),
  hasMore: Type.Boolean({ description: 'More cases match than were listed' }),
});
export type CaseLookupResponse = Static<typeof CaseLookupResponse>;
