import { findUnitCalendarId, type Tx } from '@hotline/db';
import {
  addTarget,
  parseIsoDuration,
  type CaseState,
  type ExtensionGranted,
  type ExtensionRequested,
  type SlaPolicy,
} from '@hotline/domain';
import { loadWorkingCalendar } from '../calendars/load-working-calendar.js';
import { AppError, validationFailed } from '../errors.js';

/**
 * An extension asked for or granted must fit the policy's longest single extension, and a
 * leader may grant less than was asked, never more. Lengths are compared as the deadline would
 * move from `now` in the unit's calendar, so "P1D" and "PT8H" compare as working time does.
 */
export async function checkExtensionLength(
  tx: Tx,
  state: CaseState,
  policy: SlaPolicy,
  change: ExtensionRequested | ExtensionGranted,
  now: Date,
): Promise<void> {
  const { duration } = change;
  if (!parseIsoDuration(duration)) {
    throw validationFailed([{ field: 'duration', reason: 'invalid_duration' }]);
  }
  const asked = change.type === 'extension_granted' ? change.requested : undefined;
  if (!policy.maxExtension && !asked) return;
  const calendar = await loadWorkingCalendar(tx, await findUnitCalendarId(tx, state.unitId));
  if (!calendar) return;
  const unit = policy.maxExtension?.unit ?? policy.resolution.unit;
  const end = (d: string) => addTarget(calendar, now, { duration: d, unit });
  if (policy.maxExtension && end(duration) > end(policy.maxExtension.duration)) {
    const max = policy.maxExtension.duration;
    throw new AppError(
      'EXTENSION_LIMIT',
      `an extension may be at most ${max} (${unit}); ${duration} was asked`,
      [{ field: 'duration', reason: 'extension_too_long', params: { max, duration, unit } }],
    );
  }
  if (asked && end(duration) > end(asked)) {
    throw new AppError(
      'EXTENSION_LIMIT',
      `a leader may grant at most what was asked (${asked}); ${duration} was given`,
      [{ field: 'duration', reason: 'more_than_asked', params: { asked, duration, unit } }],
    );
  }
}
