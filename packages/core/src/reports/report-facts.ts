import type { ReportFactCase } from '@hotline/db';
import type { CaseState, RecordedEvent } from '@hotline/domain';

/** What every fact of a case repeats (its receipt, channel and hotline never change). */
export function reportFactCase(
  caseId: string,
  history: readonly RecordedEvent[],
  state: CaseState,
): ReportFactCase {
  return {
    caseId,
    receivedAt: history[0]!.at,
    channel: state.channel,
    hotlineId: state.hotlineId,
  };
}
