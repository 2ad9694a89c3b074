import { UnrecoverableError, type Job } from 'bullmq';
import { MatchTextsJob } from '@hotline/contracts';
import { findCaseTextMatches, type Database } from '@hotline/db';
import Value from 'typebox/value';

/**
 * `matching/match-texts`: looks for the cases whose text resembles this one's (once per case:
 * hotline_text_matches skips a case looked at before, so a redelivered job changes nothing).
 * Its own queue rather than the tail of routing: routing a case must not wait on comparing
 * texts, and a case whose job is lost is compared on its page's first view instead.
 */
export function matchTextsProcessor(deps: { db: Database }) {
  return async (job: Job) => {
    if (!Value.Check(MatchTextsJob, job.data)) {
      throw new UnrecoverableError('malformed match-texts payload');
    }
    return { matches: await findCaseTextMatches(deps.db, [job.data.caseId]) };
  };
}
