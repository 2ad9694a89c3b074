import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

const CODE = (description: string) =>
  SafeString({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64, description });
const CHANNEL = Type.Union([
  Type.Literal('web'),
  Type.Literal('sms'),
  Type.Literal('call'),
  Type.Literal('email'),
  Type.Literal('open311'),
  Type.Literal('counter'),
]);
const PRIORITY = Type.Union([
  Type.Literal('low'),
  Type.Literal('normal'),
  Type.Literal('high'),
  Type.Literal('urgent'),
]);
const STRATEGY = Type.Union(
  [
    Type.Literal('unit_queue'),
    Type.Literal('round_robin'),
    Type.Literal('least_open'),
    Type.Literal('named'),
  ],
  {
    description:
      "unit_queue: the unit's queue; round_robin / least_open: among the unit's active, present handlers; named: namedOfficialEmail",
  },
);
const HOTLINE_NUMBER = SafeString({ minLength: 3, maxLength: 32 });

/**
 * A rule's conditions, by code. Every condition given must hold (an empty or missing list is
 * no condition); within a list any value will do. No conditions at all: the rule matches all.
 */
export const RoutingConditionsBody = Type.Object(
  {
    hotlineNumbers: Type.Optional(
      Type.Array(HOTLINE_NUMBER, {
        maxItems: 50,
        description: 'Published hotline numbers the case came through, any common format',
      }),
    ),
    channels: Type.Optional(Type.Array(CHANNEL, { maxItems: 6 })),
    categoryCodes: Type.Optional(Type.Array(CODE('Category code'), { maxItems: 100 })),
    unitCodes: Type.Optional(
      Type.Array(CODE('Unit code'), {
        maxItems: 200,
        description: "The case's commune is one of these units or lies below one of them",
      }),
    ),
    words: Type.Optional(
      Type.Array(SafeString({ minLength: 1, maxLength: 100 }), {
        maxItems: 100,
        description:
          'Words or phrases found in the text as whole words, diacritics and case ignored ("dat dai" matches "Đất đai")',
      }),
    ),
    priorities: Type.Optional(Type.Array(PRIORITY, { maxItems: 4 })),
  },
  { additionalProperties: false },
);
export type RoutingConditionsBody = Static<typeof RoutingConditionsBody>;

/** `POST /v1/admin/routing-rules`, `PUT /v1/admin/routing-rules/:id`. */
export const RoutingRuleBody = Type.Object(
  {
    name: SafeString({ minLength: 1, maxLength: 200 }),
    isActive: Type.Optional(Type.Boolean({ description: 'Default true' })),
    position: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100000,
        description:
          'Place in the evaluation order, 1 = first; later rules move down. Omitted: last on create, unchanged on replace',
      }),
    ),
    conditions: RoutingConditionsBody,
    targetUnitCode: CODE('The unit that receives the cases'),
    strategy: STRATEGY,
    namedOfficialEmail: Type.Optional(
      Type.Union([SafeString({ format: 'email', maxLength: 254 }), Type.Null()], {
        description: 'Required for the named strategy: an official of the target unit',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RoutingRuleBody = Static<typeof RoutingRuleBody>;

export const RoutingRuleView = Type.Object({
  id: SafeString(),
  position: Type.Integer(),
  name: SafeString(),
  isActive: Type.Boolean(),
  conditions: Type.Object({
    hotlineNumbers: Type.Optional(Type.Array(SafeString())),
    channels: Type.Optional(Type.Array(CHANNEL)),
    categoryCodes: Type.Optional(Type.Array(SafeString())),
    unitCodes: Type.Optional(Type.Array(SafeString())),
    words: Type.Optional(Type.Array(SafeString())),
    priorities: Type.Optional(Type.Array(PRIORITY)),
  }),
  targetUnitCode: SafeString(),
  targetUnitActive: Type.Boolean({
    description: 'False when the unit was deactivated or merged: routing passes the rule over',
  }),
  strategy: STRATEGY,
  namedOfficialEmail: Type.Union([SafeString(), Type.Null()]),
  createdAt: SafeString({ format: 'date-time' }),
  updatedAt: SafeString({ format: 'date-time' }),
});
export type RoutingRuleView = Static<typeof RoutingRuleView>;

export const RoutingRuleList = Type.Object({ rules: Type.Array(RoutingRuleView) });
export type RoutingRuleList = Static<typeof RoutingRuleList>;
export const RoutingRuleIdParams = Type.Object({ id: SafeString({ format: 'uuid' }) });

/**
 * `POST /v1/admin/routing-rules/dry-run`: a case as it would arrive (channel `web` and priority
 * `normal` unless given); nothing is stored.
 */
export const RoutingDryRunBody = Type.Object(
  {
    categoryCode: CODE('Category code'),
    text: SafeString({ minLength: 1, maxLength: 5000 }),
    hotline: Type.Optional(HOTLINE_NUMBER),
    communeCode: Type.Optional(CODE('Commune or ward code')),
    channel: Type.Optional(CHANNEL),
    priority: Type.Optional(PRIORITY),
  },
  { additionalProperties: false },
);
export type RoutingDryRunBody = Static<typeof RoutingDryRunBody>;

const LOCALIZED = Type.Object({ vi: SafeString(), en: SafeString() });

const ConditionResult = Type.Object({
  condition: Type.Union([
    Type.Literal('hotline'),
    Type.Literal('channel'),
    Type.Literal('category'),
    Type.Literal('location'),
    Type.Literal('words'),
    Type.Literal('priority'),
  ]),
  met: Type.Boolean(),
  expected: Type.Array(SafeString(), { description: 'What the rule asks for' }),
  actual: Type.Array(SafeString(), {
    description: 'What the case has (location: its commune and the units above it)',
  }),
  matched: Type.Array(SafeString(), { description: 'What of the rule the case meets' }),
  explanation: LOCALIZED,
});
export type ConditionResult = Static<typeof ConditionResult>;

const Destination = Type.Object({
  unitCode: SafeString(),
  unitName: SafeString(),
  reason: Type.Union([
    Type.Literal('rule'),
    Type.Literal('hotline_owner_unit'),
    Type.Literal('triage_fallback'),
  ]),
});

export const RoutingDryRunResponse = Type.Object({
  /** Where the case would go; null when no rule matches and no fallback unit exists. */
  destination: Type.Union([
    Type.Intersect([
      Destination,
      Type.Object({
        ruleId: Type.Union([SafeString(), Type.Null()]),
        ruleName: Type.Union([SafeString(), Type.Null()]),
        strategy: STRATEGY,
        namedOfficialEmail: Type.Union([SafeString(), Type.Null()]),
      }),
    ]),
    Type.Null(),
  ]),
  /** Why the winning rule matched (empty for a rule without conditions or no match). */
  reasons: Type.Array(ConditionResult),
  /** Where the case goes when no rule matches: the hotline owner's unit, else triage. */
  fallback: Type.Union([Destination, Type.Null()]),
  /** Every rule in order, each condition evaluated. */
  rules: Type.Array(
    Type.Object({
      id: SafeString(),
      position: Type.Integer(),
      name: SafeString(),
      outcome: Type.Union(
        [
          Type.Literal('matched'),
          Type.Literal('shadowed'),
          Type.Literal('not_matched'),
          Type.Literal('inactive'),
        ],
        {
          description:
            'matched: the winner; shadowed: matches but an earlier rule won; inactive: the rule or its unit is inactive',
        },
      ),
      conditions: Type.Array(ConditionResult),
    }),
  ),
});
export type RoutingDryRunResponse = Static<typeof RoutingDryRunResponse>;
