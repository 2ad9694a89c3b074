import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from '@hotline/config';
import { FetchMediaJob } from '@hotline/contracts';
import { fetchMmsMedia, MediaDownloadError, type FetchMmsMediaDeps } from '@hotline/core';
import Value from 'typebox/value';

/**
 * `media/fetch-mms-media`: keeps an MMS attachment's media as our own file. A slow or failing
 * provider is retried with backoff; a refusal that will not change (a 404, a file type we do not
 * keep) ends the job and leaves the link. Idempotent: a kept file is never fetched again.
 */
export function fetchMediaProcessor(deps: FetchMmsMediaDeps, log: Logger) {
  return async (job: Job) => {
    if (!Value.Check(FetchMediaJob, job.data)) {
      throw new UnrecoverableError('malformed fetch-mms-media payload');
    }
    const { attachmentId } = job.data;
    try {
      const result = await fetchMmsMedia(deps, attachmentId);
      if (result.outcome === 'refused') {
        log.warn({ attachmentId, reason: result.reason }, 'mms media refused');
      }
      return result;
    } catch (err) {
      if (err instanceof MediaDownloadError && err.isPermanent) {
        throw new UnrecoverableError(err.message);
      }
      throw err;
    }
  };
}
