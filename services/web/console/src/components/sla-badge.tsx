import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatWorkingDuration } from '../i18n/format';
import classes from './sla-badge.module.css';

export type SlaKind = 'on_track' | 'at_risk' | 'breached' | 'paused';

/** How a case's deadline stands: its SLA state, or paused while the citizen is asked. */
export function slaKindOf(state: string, isPaused = false): SlaKind {
  if (isPaused) return 'paused';
  return state === 'at_risk' || state === 'breached' ? state : 'on_track';
}

/** The pill itself, without hooks (the queue renders hundreds). */
export function SlaPill({ kind, t }: { kind: SlaKind; t: TFunction }) {
  return (
    <span className={`${classes.badge} ${classes[kind]}`} data-sla={kind}>
      {t(`case.sla.${kind}`)}
    </span>
  );
}

/** The SLA state as a labelled pill: on track, at risk, overdue, or paused. */
export function SlaBadge({ state, isPaused = false }: { state: string; isPaused?: boolean }) {
  const { t } = useTranslation();
  return <SlaPill kind={slaKindOf(state, isPaused)} t={t} />;
}

/**
 * Remaining working time ("2 ngày 3 giờ", "quá hạn 1 giờ"), or why there is none. A deadline
 * already passed reads as overdue even when no working time has gone by since (a weekend).
 */
export function remainingText(
  t: TFunction,
  ms: number | null,
  isPaused = false,
  dueAt: string | null = null,
): string {
  if (isPaused) return t('case.sla.clockPaused');
  if (ms === null) return '—';
  if (ms <= 0 && dueAt !== null && Date.parse(dueAt) <= Date.now()) {
    return ms === 0 ? t('case.sla.overdueNow') : formatWorkingDuration(ms);
  }
  return formatWorkingDuration(ms);
}
