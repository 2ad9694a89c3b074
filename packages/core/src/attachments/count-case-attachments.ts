import { countAttachments, type Database } from '@hotline/db';

/** How many files a case holds (a retried portal sending stores its photos only once). */
export async function countCaseAttachments(deps: { db: Database }, caseId: string) {
  return countAttachments(deps.db, caseId);
}
