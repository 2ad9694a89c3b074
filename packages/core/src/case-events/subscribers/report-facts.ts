import { writeReportFacts } from '@hotline/db';
import { CASE_EVENT_TYPES, measuredReportFactsOf } from '@hotline/domain';
import { reportFactCase } from '../../reports/report-facts.js';
import { slaSourcesFor } from '../../sla/sla-of.js';
import type { CaseEventSubscriber, PublishedChange } from '../case-event-map.js';

/**
 * Every change adds to its case's report facts (an assignment, a transfer or a moved deadline
 * ends the open span of the holder before it), measured by the domain's on-time definition
 * (measuredReportFactsOf) on the policies and calendars read first. The changes of one case
 * in a batch are taken together: from where the first began to where the last ended.
 */
export const reportFactsSubscriber: CaseEventSubscriber = {
  name: 'report-facts',
  events: CASE_EVENT_TYPES,
  async handle(tx, changes, { reads }) {
    // Each case from its first change's start and state to its last change's end.
    const cases = new Map<
      string,
      Pick<PublishedChange, 'history' | 'start' | 'before' | 'after'>
    >();
    for (const c of changes) {
      const first = cases.get(c.caseId) ?? c;
      cases.set(c.caseId, { ...c, start: first.start, before: first.before });
    }
    const sources = await slaSourcesFor(tx, reads, [...cases.values()]);
    await writeReportFacts(
      tx,
      [...cases].map(([caseId, { history, start, before, after }]) => ({
        case: reportFactCase(caseId, history, after),
        ...measuredReportFactsOf(history, sources, { index: start, state: before }),
      })),
    );
  },
};
