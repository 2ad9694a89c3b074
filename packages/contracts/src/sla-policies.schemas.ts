import Type, { type Static } from 'typebox';
import { SafeString } from './safe-string.js';

const Target = Type.Object(
  {
    duration: SafeString({
      minLength: 3,
      maxLength: 20,
      description: 'ISO 8601: PnD, PTnH, PTnM',
    }),
    unit: Type.Union([Type.Literal('working'), Type.Literal('calendar')]),
  },
  { additionalProperties: false },
);

/** Admin: an SLA policy for a case type × category × priority (null = any). */
export const SlaPolicyBody = Type.Object(
  {
    caseType: Type.Union([
      Type.Literal('feedback'),
      Type.Literal('complaint'),
      Type.Literal('denunciation'),
      Type.Literal('leader_hotline'),
    ]),
    categoryCode: Type.Union([SafeString({ maxLength: 64 }), Type.Null()]),
    priority: Type.Union([
      Type.Literal('low'),
      Type.Literal('normal'),
      Type.Literal('high'),
      Type.Literal('urgent'),
      Type.Null(),
    ]),
    acceptance: Target,
    firstResponse: Target,
    resolution: Target,
    resolutionComplex: Type.Union([Target, Type.Null()]),
    resolutionFrom: Type.Union([Type.Literal('receipt'), Type.Literal('acceptance')]),
    warningFraction: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
    maxExtensions: Type.Integer({ minimum: 0, maximum: 10 }),
    maxExtensionsComplex: Type.Integer({ minimum: 0, maximum: 10 }),
    maxExtension: Type.Union([Target, Type.Null()]),
    escalation: Type.Object(
      { rung2After: Target, rung3After: Target },
      { additionalProperties: false },
    ),
    transferResetsDeadline: Type.Boolean(),
    maxTransfers: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 20,
        description: 'Transfers before escalation (default 3)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SlaPolicyBody = Static<typeof SlaPolicyBody>;

export const SlaPolicyView = Type.Intersect([
  Type.Object({ id: SafeString(), isDefault: Type.Boolean() }),
  Type.Omit(SlaPolicyBody, ['categoryCode']),
  Type.Object({ categoryCode: Type.Union([SafeString(), Type.Null()]) }),
]);
export type SlaPolicyView = Static<typeof SlaPolicyView>;

export const SlaPolicyList = Type.Object({ policies: Type.Array(SlaPolicyView) });
export const PolicyIdParams = Type.Object({ id: SafeString({ format: 'uuid' }) });
