import {
  Alert,
  Button,
  Grid,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AA_TEXT } from '../../../components/admin/aa-text';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { useCalendars } from '../../../components/admin/admin-data';
import { errorMessageOf } from '../../../components/admin/api-errors';
import { PageHeader } from '../../../components/admin/page-header';
import { todayInProvince } from '../../dashboard/period';
import { CalendarSettings, NewCalendarForm } from './calendar-settings';
import { isMonth, monthOf, monthRange, shiftMonth } from './calendar-month';
import { MonthGrid, MonthLegend } from './month-grid';
import { OverrideModal, type DayInfo } from './override-modal';

/**
 * Working calendars: a month at a time (working days, weekends, holidays, compensatory days
 * and the administrators' overrides), each date editable; the calendar's own settings.
 */
export function CalendarsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const calendars = useCalendars();
  const [picked, setPicked] = useState<DayInfo | null>(null);
  const [creating, setCreating] = useState(false);
  const id = params.get('calendar') ?? 'default';
  const month = isMonth(params.get('month')) ? params.get('month')! : monthOf(todayInProvince());
  const go = (next: { calendar?: string; month?: string }) =>
    setParams({ calendar: next.calendar ?? id, month: next.month ?? month });

  const range = monthRange(month);
  const days = useQuery({
    queryKey: ['calendar', id, 'days', month],
    queryFn: async () =>
      unwrap(await api.GET('/v1/calendars/{id}/days', { params: { path: { id }, query: range } }))
        .days,
  });
  const detail = useQuery({
    queryKey: ['calendar', id, 'detail'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/admin/calendars/{id}', { params: { path: { id } } })),
  });
  const dayMap = useMemo(
    () => new Map((days.data ?? []).map((d) => [d.date, d as DayInfo])),
    [days.data],
  );
  const overrides = useMemo(
    () => new Map((detail.data?.overrides ?? []).map((o) => [o.date, o])),
    [detail.data],
  );
  const monthOverrides = (detail.data?.overrides ?? []).filter((o) => o.date.startsWith(month));
  const [y, m] = month.split('-');

  return (
    <Stack gap="md">
      <PageHeader
        title={t('admin.calendars.title')}
        description={t('admin.calendars.help')}
        actions={<Button onClick={() => setCreating(true)}>{t('admin.calendars.add')}</Button>}
      />
      <Group align="flex-end" gap="sm">
        <Select
          label={t('admin.calendars.calendar')}
          allowDeselect={false}
          data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={id}
          onChange={(v) => v && go({ calendar: v })}
          w={280}
        />
        <Group gap={4} wrap="nowrap" role="group" aria-label={t('admin.calendars.monthNav')}>
          <Button variant="default" size="xs" onClick={() => go({ month: shiftMonth(month, -1) })}>
            ‹ {t('admin.calendars.previous')}
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={() => go({ month: monthOf(todayInProvince()) })}
          >
            {t('admin.calendars.thisMonth')}
          </Button>
          <Button variant="default" size="xs" onClick={() => go({ month: shiftMonth(month, 1) })}>
            {t('admin.calendars.next')} ›
          </Button>
        </Group>
      </Group>
      {(days.error || detail.error) && (
        <Alert color="red" role="alert">
          {errorMessageOf(days.error ?? detail.error)}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder p="xs" radius="md" component="section" aria-labelledby="month-title">
            <Stack gap="xs">
              <Title order={4} id="month-title">
                {t('admin.calendars.monthTitle', { month: Number(m), year: y })}
              </Title>
              <Text size="sm" c="gray.7">
                {t('admin.calendars.pickDay')}
              </Text>
              {days.isLoading ? (
                <Loader size="sm" aria-label={t('common.loading')} />
              ) : (
                <MonthGrid month={month} days={dayMap} overrides={overrides} onPick={setPicked} />
              )}
              <MonthLegend />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Paper
              withBorder
              p="sm"
              radius="md"
              component="section"
              aria-labelledby="overrides-title"
            >
              <Title order={5} id="overrides-title" mb="xs">
                {t('admin.calendars.overridesOfMonth')}
              </Title>
              {monthOverrides.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t('admin.calendars.noOverrides')}
                </Text>
              ) : (
                <Table fz="sm">
                  <Table.Tbody>
                    {monthOverrides.map((o) => (
                      <Table.Tr key={o.date}>
                        <Table.Td>{o.date.split('-').reverse().join('/')}</Table.Td>
                        <Table.Td>
                          {t(`admin.calendars.kinds.${o.kind}`, { defaultValue: o.kind })}
                        </Table.Td>
                        <Table.Td>{o.note}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
            {detail.data && <CalendarSettings key={detail.data.id} calendar={detail.data} />}
          </Stack>
        </Grid.Col>
      </Grid>
      {picked && (
        <OverrideModal
          key={picked.date}
          calendarId={id}
          day={picked}
          override={overrides.get(picked.date)}
          onClose={() => setPicked(null)}
        />
      )}
      <Modal
        styles={{ content: AA_TEXT }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('admin.calendars.add')}
      >
        {creating && (
          <NewCalendarForm
            onDone={(created) => {
              setCreating(false);
              if (created) go({ calendar: created });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
