import { listHotlineRows, listOfficialRows, type Database } from '@hotline/db';
import { updateHotline, updateOfficial, mergeUnits, AppError } from '@hotline/core';
import { DEMO_HOTLINES_AFTER_REFORM } from '../province/demo-province.js';
import { DEMO_REORGANISATION } from '../province/demo-units.js';
import { DEMO_TITLES_AFTER_REFORM } from '../province/demo-officials.js';

/** Hanoi time is UTC+7 all year: local midnight of `date` (YYYY-MM-DD). */
export const localMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`);

/** When each step of the demo province's reorganisation took effect, oldest first. */
export const REORGANISATION_DATES = DEMO_REORGANISATION.map((s) => localMidnight(s.effective));

/**
 * One step of the 2025 reorganisation as the province's administrator carried it out, through
 * the unit-merge use case at the moment it took effect: each former unit's officials, hotlines,
 * rules, units below and open cases go to the unit that took over, and it stays, inactive, with
 * its closed cases and report facts. Former units already merged (or absent) are left alone.
 * Returns how many merges were made.
 */
export async function reorganiseDemoProvince(
  db: Database,
  step: number,
  admin: string | null,
): Promise<number> {
  const plan = DEMO_REORGANISATION[step];
  if (!plan) throw new Error(`no reorganisation step ${step}`);
  const at = localMidnight(plan.effective);
  let made = 0;
  for (const [from, into] of plan.merges) {
    try {
      await mergeUnits({ db }, from, into, admin, at);
      made++;
    } catch (err) {
      // A demo province changed by hand: that unit is gone or already merged.
      if (err instanceof AppError && ['CONFLICT', 'UNIT_NOT_FOUND'].includes(err.code)) continue;
      throw err;
    }
  }
  return made;
}

/** The titles and hotline names that changed with the reform, recorded by the administrator. */
export async function renameAfterReform(db: Database, admin: string | null): Promise<void> {
  for (const official of await listOfficialRows(db, {})) {
    const title = DEMO_TITLES_AFTER_REFORM[official.email];
    if (title && official.title !== title) {
      await updateOfficial({ db }, official.id, { title }, admin);
    }
  }
  for (const hotline of await listHotlineRows(db)) {
    const renamed = DEMO_HOTLINES_AFTER_REFORM[hotline.number];
    if (renamed && hotline.name !== renamed.name) {
      await updateHotline({ db }, hotline.id, renamed, admin);
    }
  }
}
