import { Button, Group, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { communesOf, useCategories, useConsoleReference } from '../../components/use-reference';
import {
  CHANNELS,
  PAGE_SIZES,
  PRIORITIES,
  SLA_STATES,
  STATUSES,
  type QueueFilters as Filters,
} from './queue-params';

/** Every filter of the queue; each change goes to the URL (the page reads it back from there). */
export function QueueFilters({
  filters,
  onChange,
  onReset,
}: {
  filters: Filters;
  onChange: (next: Partial<Filters>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const reference = useConsoleReference();
  const categories = useCategories();
  const any = t('queue.filter.any');
  const options = (values: readonly string[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as const) }));
  const select = {
    clearable: true,
    placeholder: any,
    comboboxProps: { withinPortal: true },
  } as const;

  return (
    <form
      aria-label={t('queue.filter.title')}
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <MultiSelect
          label={t('queue.filter.status')}
          data={options(STATUSES, 'case.status')}
          value={filters.status}
          onChange={(v) => onChange({ status: v as Filters['status'] })}
          placeholder={filters.status.length ? undefined : any}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          {...select}
          label={t('queue.filter.sla')}
          data={options(SLA_STATES, 'case.sla')}
          value={filters.sla}
          onChange={(v) => onChange({ sla: v as Filters['sla'] })}
        />
        <Select
          {...select}
          searchable
          label={t('queue.filter.category')}
          data={(categories.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
          value={filters.category}
          onChange={(v) => onChange({ category: v })}
        />
        <Select
          {...select}
          label={t('queue.filter.priority')}
          data={options(PRIORITIES, 'case.priority')}
          value={filters.priority}
          onChange={(v) => onChange({ priority: v as Filters['priority'] })}
        />
        <Select
          {...select}
          label={t('queue.filter.channel')}
          data={options(CHANNELS, 'case.channel')}
          value={filters.channel}
          onChange={(v) => onChange({ channel: v as Filters['channel'] })}
        />
        <Select
          {...select}
          searchable
          label={t('queue.filter.hotline')}
          data={(reference.data?.hotlines ?? []).map((h) => ({
            value: h.number,
            label: `${h.displayNumber} · ${h.name}`,
          }))}
          value={filters.hotline}
          onChange={(v) => onChange({ hotline: v })}
        />
        <Select
          {...select}
          searchable
          label={t('queue.filter.commune')}
          data={communesOf(reference.data?.units ?? []).map((u) => ({
            value: u.code,
            label: u.name,
          }))}
          value={filters.commune}
          onChange={(v) => onChange({ commune: v })}
        />
        <Select
          {...select}
          label={t('queue.filter.assignee')}
          data={[
            { value: 'me', label: t('queue.filter.assigneeMe') },
            { value: 'none', label: t('queue.filter.assigneeNone') },
          ]}
          value={filters.assignee === 'me' || filters.assignee === 'none' ? filters.assignee : null}
          onChange={(v) => onChange({ assignee: v })}
        />
        <TextInput
          type="date"
          label={t('queue.filter.from')}
          value={filters.from ?? ''}
          max={filters.to ?? undefined}
          onChange={(e) => onChange({ from: e.currentTarget.value || null })}
        />
        <TextInput
          type="date"
          label={t('queue.filter.to')}
          value={filters.to ?? ''}
          min={filters.from ?? undefined}
          onChange={(e) => onChange({ to: e.currentTarget.value || null })}
        />
        <Select
          label={t('queue.filter.sort')}
          data={[
            { value: 'deadline', label: t('queue.filter.sortDeadline') },
            { value: 'receivedAt', label: t('queue.filter.sortReceived') },
          ]}
          value={filters.sort}
          allowDeselect={false}
          onChange={(v) => onChange({ sort: v === 'receivedAt' ? 'receivedAt' : 'deadline' })}
        />
        <Select
          label={t('queue.filter.pageSize')}
          data={PAGE_SIZES.map((n) => ({ value: n, label: n }))}
          value={String(filters.limit)}
          allowDeselect={false}
          onChange={(v) => onChange({ limit: Number(v) })}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="xs">
        <Button variant="default" size="xs" onClick={onReset}>
          {t('queue.filter.reset')}
        </Button>
      </Group>
    </form>
  );
}
