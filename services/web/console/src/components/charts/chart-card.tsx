import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from './data-table';
import { EChart } from './echart';
import type { ChartOption } from './echarts-setup';
import { ExportLinks } from './export-links';
import { problemOf } from '../api-errors';

/** What a chart card shows: the chart, and the same numbers as a table. */
export interface ChartView<T> {
  option: ChartOption;
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
}

/**
 * A titled chart with its numbers one click away (a table, for screen readers and for
 * checking) and CSV / XLSX downloads of those numbers from the API.
 */
export function ChartCard<T>({
  title,
  description,
  exportUrl,
  query,
  build,
  height = 320,
  isEmpty,
}: {
  title: string;
  description?: ReactNode;
  exportUrl: string;
  query: { isLoading: boolean; error: unknown; data?: unknown };
  build: () => ChartView<T> | null;
  height?: number;
  isEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const view = query.data === undefined ? null : build();
  let body: ReactNode;
  if (query.isLoading) body = <Loader size="sm" aria-label={t('common.loading')} />;
  else if (query.error)
    body = (
      <Alert color="red" role="alert">
        {problemOf(query.error).message}
      </Alert>
    );
  else if (!view || isEmpty || view.rows.length === 0)
    body = <Text c="gray.7">{t('dashboard.noData')}</Text>;
  else if (asTable)
    body = (
      <DataTable caption={title} columns={view.columns} rows={view.rows} rowKey={view.rowKey} />
    );
  else body = <EChart option={view.option} height={height} label={title} />;

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
              {asTable ? t('dashboard.showChart') : t('dashboard.showTable')}
            </Button>
            <ExportLinks url={exportUrl} what={title} />
          </Group>
        </Group>
        {description && (
          <Text size="sm" c="gray.7">
            {description}
          </Text>
        )}
        {body}
      </Stack>
    </Paper>
  );
}
