import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useCalendars, type Ok } from '../../../components/admin/admin-data';
import { CodeInput, codeRules } from '../../../components/admin/code-input';
import { AdminForm } from '../../../components/admin/admin-form';
import { FormAlert } from '../../../components/admin/form-alert';
import { useApiForm } from '../../../components/admin/use-api-form';
import { intervalsText, parseIntervals } from './calendar-month';

type Detail = Ok<'/v1/admin/calendars/{id}'>;
// The API's week starts on Sunday; officials read Monday first.
const ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DEFAULT_DAY = '07:30-11:30, 13:30-17:00';

type Values = {
  name: string;
  parentId: string | null;
  ownWeekly: boolean;
  ownHolidays: boolean;
  holidaysEnabled: boolean;
  compensatoryDays: boolean;
  nationalDayExtra: string;
} & { [K in `day${0 | 1 | 2 | 3 | 4 | 5 | 6}`]: string };

/** A calendar's own settings: name, parent, weekly hours and holiday rules (else inherited). */
export function CalendarSettings({ calendar }: { calendar: Detail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const calendars = useCalendars();
  const week = calendar.weekly;
  const form = useForm<Values>({
    defaultValues: {
      name: calendar.name,
      parentId: calendar.parentId,
      ownWeekly: week !== null,
      ownHolidays: calendar.holidays !== null,
      holidaysEnabled: calendar.holidays?.enabled ?? true,
      compensatoryDays: calendar.holidays?.compensatoryDays ?? true,
      nationalDayExtra: calendar.holidays?.nationalDayExtra ?? 'before',
      ...(Object.fromEntries(
        DAY_KEYS.map((_, i) => [
          `day${i}`,
          week ? intervalsText(week[i]) : i === 0 || i === 6 ? '' : DEFAULT_DAY,
        ]),
      ) as Record<`day${0 | 1 | 2 | 3 | 4 | 5 | 6}`, string>),
    },
  });
  const { register, control, formState, watch } = form;
  const { errors, isSubmitting } = formState;
  const { submit, formErrors } = useApiForm(form, { weekly: 'day1', holidays: 'holidaysEnabled' });
  const onSubmit = submit(async (v) => {
    const weekly = v.ownWeekly
      ? DAY_KEYS.map((_, i) => parseIntervals(v[`day${i as 0}`]) ?? [])
      : undefined;
    const holidays = v.ownHolidays
      ? {
          ...(calendar.holidays ?? {}),
          enabled: v.holidaysEnabled,
          compensatoryDays: v.compensatoryDays,
          nationalDayExtra: v.nationalDayExtra as 'before' | 'after',
        }
      : undefined;
    unwrap(
      await api.PUT('/v1/admin/calendars/{id}', {
        params: { path: { id: calendar.id } },
        body: {
          name: v.name.trim(),
          parentId: v.parentId,
          ...(calendar.timeZone ? { timeZone: calendar.timeZone } : {}),
          ...(weekly ? { weekly } : {}),
          ...(holidays ? { holidays } : {}),
        },
      }),
    );
    await client.invalidateQueries({ queryKey: ['calendar', calendar.id] });
    await client.invalidateQueries({ queryKey: ['calendars'] });
    notifications.show({ color: 'green', message: t('admin.saved') });
  });
  const ownWeekly = watch('ownWeekly');
  const ownHolidays = watch('ownHolidays');

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="calendar-settings">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="sm">
          <Title order={5} id="calendar-settings">
            {t('admin.calendars.settings')}
          </Title>
          <FormAlert messages={formErrors} />
          <TextInput
            label={t('admin.calendars.name')}
            required
            {...register('name', { required: t('admin.validation.required') })}
            error={errors.name?.message}
          />
          <Controller
            control={control}
            name="parentId"
            render={({ field }) => (
              <Select
                label={t('admin.calendars.parent')}
                description={t('admin.calendars.parentHelp')}
                clearable
                data={(calendars.data ?? [])
                  .filter((c) => c.id !== calendar.id)
                  .map((c) => ({ value: c.id, label: c.name }))}
                {...field}
                error={errors.parentId?.message}
              />
            )}
          />
          <Fieldset legend={t('admin.calendars.weekly')}>
            <Stack gap={6}>
              <Checkbox label={t('admin.calendars.ownWeekly')} {...register('ownWeekly')} />
              {ownWeekly &&
                ORDER.map((i) => (
                  <TextInput
                    key={i}
                    size="xs"
                    label={t(`admin.calendars.weekdays.${DAY_KEYS[i]}`)}
                    placeholder={t('admin.calendars.dayOff')}
                    {...register(`day${i as 0}`, {
                      validate: (v) =>
                        !v.trim() || parseIntervals(v) !== null || t('admin.validation.intervals'),
                    })}
                    error={errors[`day${i as 0}`]?.message}
                  />
                ))}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('admin.calendars.holidays')}>
            <Stack gap={6}>
              <Checkbox label={t('admin.calendars.ownHolidays')} {...register('ownHolidays')} />
              {ownHolidays && (
                <>
                  <Checkbox
                    label={t('admin.calendars.holidaysEnabled')}
                    {...register('holidaysEnabled')}
                  />
                  <Checkbox
                    label={t('admin.calendars.compensatoryDays')}
                    {...register('compensatoryDays')}
                  />
                  <Controller
                    control={control}
                    name="nationalDayExtra"
                    render={({ field }) => (
                      <Select
                        size="xs"
                        label={t('admin.calendars.nationalDayExtra')}
                        allowDeselect={false}
                        data={[
                          { value: 'before', label: t('admin.calendars.sep1') },
                          { value: 'after', label: t('admin.calendars.sep3') },
                        ]}
                        {...field}
                      />
                    )}
                  />
                </>
              )}
            </Stack>
          </Fieldset>
          <Group justify="flex-end">
            <Button type="submit" loading={isSubmitting}>
              {t('admin.actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A new calendar (e.g. a 24/7 duty team's), inheriting what it does not set. */
export function NewCalendarForm({ onDone }: { onDone: (created: string | null) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const calendars = useCalendars();
  const form = useForm<{ id: string; name: string; parentId: string | null }>({
    defaultValues: { id: '', name: '', parentId: 'default' },
  });
  const { errors, isSubmitting } = form.formState;
  const { submit, formErrors } = useApiForm(form);
  const onSubmit = submit(async (v) => {
    unwrap(
      await api.POST('/v1/admin/calendars', {
        body: { id: v.id, name: v.name.trim(), parentId: v.parentId },
      }),
    );
    await client.invalidateQueries({ queryKey: ['calendars'] });
    onDone(v.id);
  });
  return (
    <AdminForm
      onSubmit={onSubmit}
      formErrors={formErrors}
      isSubmitting={isSubmitting}
      isNew
      onCancel={() => onDone(null)}
    >
      <CodeInput
        label={t('admin.calendars.id')}
        {...form.register('id', codeRules(t))}
        error={errors.id?.message}
      />
      <TextInput
        label={t('admin.calendars.name')}
        required
        {...form.register('name', { required: t('admin.validation.required') })}
        error={errors.name?.message}
      />
      <Controller
        control={form.control}
        name="parentId"
        render={({ field }) => (
          <Select
            label={t('admin.calendars.parent')}
            clearable
            data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            {...field}
            error={errors.parentId?.message}
          />
        )}
      />
    </AdminForm>
  );
}
