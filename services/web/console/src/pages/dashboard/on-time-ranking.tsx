import { Alert, Button, Group, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/charts/data-table';
import { ExportLinks } from '../../components/charts/export-links';
import { formatNumber } from '../../i18n/format';
import { numberColumn, percent, unitName } from './chart-format';
import type { UnitReport, UnitRow } from './dashboard-data';

type Ranked = UnitRow & { onTimeRank: number };

/**
 * Units ranked by on-time rate as the API ranks them (onTimeOf and rankByOnTime in the
 * domain), each rate with the numbers behind it, and the definition written above: a unit
 * hiding overdue work cannot rank first on the few cases it closed.
 */
export function OnTimeRanking({
  query,
  exportUrl,
}: {
  query: { isLoading: boolean; error: unknown; data?: UnitReport };
  exportUrl: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const title = t('dashboard.charts.onTime');
  const ranked = (query.data?.rows ?? [])
    .filter((r): r is Ranked => r.onTimeRank !== null)
    .sort((a, b) => a.onTimeRank - b.onTimeRank);
  const n = (v: number) => formatNumber(v);

  let body;
  if (query.isLoading) body = <Loader size="sm" aria-label={t('common.loading')} />;
  else if (query.error)
    body = (
      <Alert color="red" role="alert">
        {query.error instanceof Error ? query.error.message : t('common.error')}
      </Alert>
    );
  else if (ranked.length === 0) body = <Text c="gray.7">{t('dashboard.noData')}</Text>;
  else if (asTable)
    body = (
      <DataTable
        caption={title}
        rows={ranked}
        rowKey={(r) => r.key ?? 'none'}
        columns={[
          numberColumn('rank', t('dashboard.columns.rank'), (r: Ranked) => r.onTimeRank),
          { key: 'unit', header: t('dashboard.columns.unit'), cell: (r) => unitName(r.name, t) },
          numberColumn('resolved', t('dashboard.columns.resolved'), (r: Ranked) => n(r.resolved)),
          numberColumn('onTime', t('dashboard.columns.resolvedOnTime'), (r: Ranked) =>
            n(r.resolvedOnTime),
          ),
          numberColumn('late', t('dashboard.columns.resolvedLate'), (r: Ranked) =>
            n(r.resolvedLate),
          ),
          numberColumn('none', t('dashboard.columns.resolvedWithoutDeadline'), (r: Ranked) =>
            n(r.resolvedWithoutDeadline),
          ),
          numberColumn('overdue', t('dashboard.columns.openOverdue'), (r: Ranked) =>
            n(r.openOverdue),
          ),
          numberColumn('rate', t('dashboard.columns.onTimeRate'), (r: Ranked) =>
            percent(r.onTimeRate, t),
          ),
        ]}
      />
    );
  else
    body = (
      <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {ranked.map((r) => (
          <li key={r.key ?? 'none'} data-testid="on-time-row">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
              <Text size="sm" fw={600} style={{ minWidth: 0 }} truncate>
                {r.onTimeRank}. {unitName(r.name, t)}
              </Text>
              <Text size="sm" fw={700} data-testid="on-time-rate">
                {percent(r.onTimeRate, t)}
              </Text>
            </Group>
            <Progress
              value={(r.onTimeRate ?? 0) * 100}
              size="sm"
              color="blue.7"
              aria-hidden
              my={4}
            />
            <Text size="xs" c="gray.8" data-testid="on-time-numbers">
              {t('dashboard.onTime.numbers', {
                onTime: n(r.resolvedOnTime),
                judged: n(r.resolved + r.openOverdue),
                resolved: n(r.resolved),
                late: n(r.resolvedLate),
                none: n(r.resolvedWithoutDeadline),
                overdue: n(r.openOverdue),
              })}
            </Text>
          </li>
        ))}
      </Stack>
    );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h5" id={id} style={{ flex: '1 1 12rem' }}>
            {title}
          </Title>
          <Group gap={6} wrap="nowrap">
            <Button
              size="compact-xs"
              variant="subtle"
              aria-pressed={asTable}
              onClick={() => setAsTable((v) => !v)}
            >
              {asTable ? t('dashboard.showList') : t('dashboard.showTable')}
            </Button>
            <ExportLinks url={exportUrl} what={title} />
          </Group>
        </Group>
        <Text size="sm" c="gray.8" data-testid="on-time-definition">
          {t('dashboard.onTime.definition')}
        </Text>
        {body}
      </Stack>
    </Paper>
  );
}
