import { sql, type SQL } from 'drizzle-orm';
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

export interface PersonalDataView {
  officialId: string;
  caseId: string;
  fields: readonly PersonalDataField[];
  context: string;
}

/**
 * The insert recording a view, to run inside another statement (a data-modifying `with`), so
 * a page that reads more after deciding what it shows spends no round trip on it. Its values
 * are the placeholders `viewerId`, `caseId`, `viewFields` (a text[] literal) and
 * `viewContext`; nothing is recorded when no field was shown.
 */
export function personalDataViewInsertPlaceholders(): SQL {
  const fields = sql`${sql.placeholder('viewFields')}::text[]`;
  return sql`insert into ${personalDataViews} (official_id, case_id, fields, context)
    select ${sql.placeholder('viewerId')}::uuid, ${sql.placeholder('caseId')}::uuid, ${fields},
      ${sql.placeholder('viewContext')}::text
    where cardinality(${fields}) > 0`;
}
