import { Alert, Anchor, Badge, Group, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { DataTable, type DataColumn } from '../../components/charts/data-table';
import { ExportLinks } from '../../components/charts/export-links';
import { formatDateTime, formatNumber, formatWorkingDuration } from '../../i18n/format';
import { NotFoundPage } from '../not-found-page';
import { unitName } from './chart-format';
import { LISTS, useOversightList, type ListSlug, type OversightItem } from './dashboard-data';
import { problemOf } from '../../components/api-errors';
import { drillsOf } from './period';

const PAGE_SIZE = 25;

/** The SLA state as a badge whose text says it (colour is not the only cue). */
export function SlaBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  const color = state === 'breached' ? 'red.9' : state === 'at_risk' ? 'orange.9' : 'green.9';
  return (
    <Badge color={color} variant="filled" radius="sm">
      {t(`dashboard.sla.${state}`, { defaultValue: state })}
    </Badge>
  );
}

function columnsOf(list: ListSlug, t: TFunction): DataColumn<OversightItem>[] {
  const code: DataColumn<OversightItem> = {
    key: 'code',
    header: t('dashboard.columns.trackingCode'),
    cell: (i) => (
      <Anchor component={Link} to={`/cases/${i.caseId}`} ff="monospace" fw={600}>
        {i.trackingCode}
      </Anchor>
    ),
  };
  const unit: DataColumn<OversightItem> = {
    key: 'unit',
    header: t('dashboard.columns.unit'),
    cell: (i) => unitName(i.unitName, t),
  };
  const assignee: DataColumn<OversightItem> = {
    key: 'assignee',
    header: t('dashboard.columns.assignee'),
    cell: (i) => i.assigneeName ?? '—',
  };
  const category: DataColumn<OversightItem> = {
    key: 'category',
    header: t('dashboard.columns.category'),
    cell: (i) => i.categoryName,
  };
  const status: DataColumn<OversightItem> = {
    key: 'status',
    header: t('dashboard.columns.status'),
    cell: (i) => t(`dashboard.status.${i.status}`, { defaultValue: i.status }),
  };
  const sla: DataColumn<OversightItem> = {
    key: 'sla',
    header: t('dashboard.columns.sla'),
    cell: (i) => <SlaBadge state={i.slaState} />,
  };
  const due: DataColumn<OversightItem> = {
    key: 'due',
    header: t('dashboard.columns.deadline'),
    cell: (i) => formatDateTime(i.resolutionDueAt),
  };
  switch (list) {
    case 'overdue':
      return [
        code,
        unit,
        assignee,
        category,
        due,
        {
          key: 'late',
          header: t('dashboard.columns.lateness'),
          cell: (i) => formatWorkingDuration(i.latenessWorkingMs),
        },
        {
          key: 'rung',
          header: t('dashboard.columns.rung'),
          cell: (i) => (i.escalationLevel > 0 ? formatNumber(i.escalationLevel) : '—'),
          numeric: true,
        },
      ];
    case 'at-risk':
      return [code, unit, assignee, category, status, due, sla];
    case 'escalations':
      return [
        code,
        unit,
        {
          key: 'rung',
          header: t('dashboard.columns.rung'),
          cell: (i) => formatNumber(i.escalation?.level ?? i.escalationLevel),
          numeric: true,
        },
        {
          key: 'to',
          header: t('dashboard.columns.escalatedTo'),
          cell: (i) => i.escalation?.toOfficialName ?? unitName(i.escalation?.toUnitName, t),
        },
        {
          key: 'since',
          header: t('dashboard.columns.escalatedSince'),
          cell: (i) => formatDateTime(i.escalation?.since),
        },
        due,
        sla,
      ];
    case 'transferred':
      return [
        code,
        status,
        unit,
        {
          key: 'n',
          header: t('dashboard.columns.transfers'),
          cell: (i) => formatNumber(i.transferCount),
          numeric: true,
        },
        {
          key: 'path',
          header: t('dashboard.columns.unitPath'),
          cell: (i) => i.unitPath.join(' → '),
        },
      ];
  }
}

/** One oversight list across the official's scope: paged, refreshed, exportable. */
export function OversightList() {
  const { t } = useTranslation();
  const { list } = useParams();
  const [params, setParams] = useSearchParams();
  const slug = LISTS.find((l) => l === list);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useOversightList(slug ?? 'overdue', {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  if (!slug) return <NotFoundPage />;
  const title = t(`dashboard.lists.${slug}`);
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <div>
          <Title order={3} size="h4">
            {title}
          </Title>
          <Text size="sm" c="gray.7">
            {t(`dashboard.lists.${slug}Help`)}
          </Text>
        </div>
        <Group gap="xs">
          {data && (
            <Text size="sm" c="gray.8" aria-live="polite">
              {t('dashboard.lists.count', { count: data.total })}
            </Text>
          )}
          <ExportLinks
            url={`/v1/oversight/${slug}${drillsOf(params) ? '?includeDrills=true' : ''}`}
            what={title}
          />
        </Group>
      </Group>
      {query.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {query.error && (
        <Alert color="red" role="alert">
          {problemOf(query.error).message}
        </Alert>
      )}
      {data && data.items.length === 0 && (
        <Text c="gray.7">{t(`dashboard.lists.${slug}Empty`)}</Text>
      )}
      {data && data.items.length > 0 && (
        <DataTable
          caption={title}
          columns={columnsOf(slug, t)}
          rows={data.items}
          rowKey={(i) => i.caseId}
        />
      )}
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={(p) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            setParams(next);
          }}
          getControlProps={(control) => ({
            'aria-label': t(`dashboard.pagination.${control}`),
          })}
          getItemProps={(p) => ({ 'aria-label': t('dashboard.pagination.page', { page: p }) })}
        />
      )}
    </Stack>
  );
}
