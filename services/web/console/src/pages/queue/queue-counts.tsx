import { Group, UnstyledButton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SlaPill } from '../../components/sla-badge';
import { formatNumber } from '../../i18n/format';
import { SLA_STATES, STATUSES, type QueueFilters, type QueueResponse } from './queue-params';

/** Totals of the queue with its filters: per SLA state and per status, each a quick filter. */
export function QueueCounts({
  page,
  filters,
  shown,
  onFilter,
}: {
  page: QueueResponse;
  filters: QueueFilters;
  shown: number;
  onFilter: (next: Partial<QueueFilters>) => void;
}) {
  const { t } = useTranslation();
  const total = page.totalCapped ? `${formatNumber(page.total)}+` : formatNumber(page.total);
  const sla = SLA_STATES.filter((s) => (page.counts.bySlaState[s] ?? 0) > 0);
  const statuses = STATUSES.filter((s) => (page.counts.byStatus[s] ?? 0) > 0);
  return (
    <Group gap="xs" wrap="wrap" aria-label={t('queue.counts.label')} role="group">
      <Text size="sm" fw={600} data-testid="queue-total">
        {t('queue.counts.total', { count: page.total, total, shown: formatNumber(shown) })}
      </Text>
      {sla.map((s) => (
        <UnstyledButton
          key={s}
          onClick={() => onFilter({ sla: filters.sla === s ? null : s })}
          aria-pressed={filters.sla === s}
          style={{ borderRadius: 999 }}
          data-testid={`count-sla-${s}`}
        >
          <SlaPill kind={s} t={t} />{' '}
          <Text span size="sm" fw={filters.sla === s ? 700 : 500}>
            {formatNumber(page.counts.bySlaState[s])}
          </Text>
        </UnstyledButton>
      ))}
      {statuses.length > 0 && (
        <Text size="sm" c="gray.7" component="span">
          ·
        </Text>
      )}
      {statuses.map((s) => {
        const isOn = filters.status.length === 1 && filters.status[0] === s;
        return (
          <UnstyledButton
            key={s}
            onClick={() => onFilter({ status: isOn ? [] : [s] })}
            aria-pressed={isOn}
          >
            <Text span size="sm" td={isOn ? 'underline' : undefined} c="gray.8">
              {t(`case.status.${s}`)} {formatNumber(page.counts.byStatus[s])}
            </Text>
          </UnstyledButton>
        );
      })}
    </Group>
  );
}
