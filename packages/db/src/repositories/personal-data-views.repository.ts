import type { Executor } from '../client.js';
import { personalDataViews } from '../schema/index.js';

/** The citizen's personal data an official can be shown. */
export type PersonalDataField = 'name' | 'phone' | 'email' | 'address';

/**
 * Records that an official was shown a citizen's personal data on a case (which fields, and
 * where: `case_detail`, `export` …). Call it in the request that shows them; nothing is
 * recorded when no field was shown.
 */
export async function recordPersonalDataView(
  db: Executor,
  view: {
    officialId: string;
    caseId: string;
    fields: readonly PersonalDataField[];
    context: string;
    at?: Date;
  },
): Promise<void> {
  const fields = [...new Set(view.fields)];
  if (fields.length === 0) return;
  await db.insert(personalDataViews).values({
    officialId: view.officialId,
    caseId: view.caseId,
    fields,
    context: view.context,
    ...(view.at ? { at: view.at } : {}),
  });
}
