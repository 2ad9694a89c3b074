import Type, { type Static } from 'typebox';

const Check = Type.Union([Type.Literal('up'), Type.Literal('down')]);

export const Readiness = Type.Object({
  status: Check,
  checks: Type.Object({ postgres: Check, redis: Check }),
});
export type Readiness = Static<typeof Readiness>;

export const Liveness = Type.Object({ status: Type.Literal('up') });
