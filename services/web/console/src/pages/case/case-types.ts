import type { paths } from '../../api/schema';

export type CaseDetail =
  paths['/v1/cases/{id}/detail']['get']['responses'][200]['content']['application/json'];
export type TimelineEntry = CaseDetail['timeline'][number];

/** Every action the case page knows, in the order its buttons appear (most used first). */
export const ACTIONS = [
  'accept',
  'assign',
  'reassign',
  'reply',
  'resolve',
  'approve-resolution',
  'refuse-resolution',
  'grant-extension',
  'refuse-extension',
  'request-information',
  'request-extension',
  'transfer',
  'comment',
  'attachments',
  'merge',
  'reject',
  'close',
] as const;
export type ActionName = (typeof ACTIONS)[number];

export const isActionName = (a: string): a is ActionName =>
  (ACTIONS as readonly string[]).includes(a);

/** Actions that only ask to confirm (no fields to fill). */
export const CONFIRM_ONLY: ReadonlySet<ActionName> = new Set([
  'accept',
  'approve-resolution',
  'close',
]);

/** "P10D" → 10 days, "PT4H" → 4 hours (the shapes extensions are written in). */
export function durationParts(iso: string): { days: number; hours: number } | null {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?)?$/.exec(iso);
  if (!m || (!m[1] && !m[2])) return null;
  return { days: Number(m[1] ?? 0), hours: Number(m[2] ?? 0) };
}
