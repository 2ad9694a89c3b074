import {
  Alert,
  Button,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AA_TEXT } from '../../../components/admin/aa-text';
import { api, unwrap } from '../../../api/client';
import { ensureOk, errorMessageOf } from '../../../components/admin/api-errors';
import { FormAlert } from '../../../components/admin/form-alert';
import { useApiForm } from '../../../components/admin/use-api-form';
import { intervalsText, parseIntervals } from './calendar-month';

export interface DayInfo {
  date: string;
  isWorking: boolean;
  reason: string;
  label?: string;
  intervals: { start: string; end: string }[];
}
export interface Override {
  date: string;
  kind: string;
  note: string;
  intervals?: { start: string; end: string }[];
}

interface Values {
  kind: string;
  note: string;
  intervals: string;
}

/** Makes one date a working day or a day off (the government's yearly schedule), or undoes it. */
export function OverrideModal({
  calendarId,
  day,
  override,
  onClose,
}: {
  calendarId: string;
  day: DayInfo;
  override: Override | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm<Values>({
    defaultValues: {
      kind: override?.kind ?? (day.isWorking ? 'day_off' : 'working'),
      note: override?.note ?? '',
      intervals: intervalsText(override?.intervals),
    },
  });
  const { register, control, formState, watch } = form;
  const { errors, isSubmitting } = formState;
  const { submit, formErrors } = useApiForm(form);
  const refresh = () => client.invalidateQueries({ queryKey: ['calendar', calendarId] });
  const onSubmit = submit(async (v) => {
    const intervals =
      v.kind === 'working' && v.intervals.trim() ? parseIntervals(v.intervals) : null;
    unwrap(
      await api.PUT('/v1/admin/calendars/{id}/overrides/{date}', {
        params: { path: { id: calendarId, date: day.date } },
        body: {
          kind: v.kind as 'working' | 'day_off',
          note: v.note.trim(),
          ...(intervals ? { intervals } : {}),
        },
      }),
    );
    await refresh();
    onClose();
  });
  const remove = useMutation({
    mutationFn: async () =>
      ensureOk(
        await api.DELETE('/v1/admin/calendars/{id}/overrides/{date}', {
          params: { path: { id: calendarId, date: day.date } },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });

  return (
    <Modal
      styles={{ content: AA_TEXT }}
      opened
      onClose={onClose}
      title={t('admin.calendars.editDay', { date: day.date.split('-').reverse().join('/') })}
    >
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {t('admin.calendars.now', {
              state: day.isWorking ? t('admin.calendars.working') : t('admin.calendars.off'),
              reason: t(`admin.calendars.reasons.${day.reason}`),
            })}
            {day.label ? ` — ${day.label}` : ''}
          </Text>
          <FormAlert messages={formErrors} />
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <Radio.Group
                label={t('admin.calendars.makeIt')}
                required
                {...field}
                error={errors.kind?.message}
              >
                <Group mt={4}>
                  <Radio value="working" label={t('admin.calendars.kinds.working')} />
                  <Radio value="day_off" label={t('admin.calendars.kinds.day_off')} />
                </Group>
              </Radio.Group>
            )}
          />
          <Textarea
            label={t('admin.calendars.note')}
            description={t('admin.calendars.noteHelp')}
            required
            autosize
            minRows={2}
            {...register('note', {
              validate: (v) => v.trim().length > 0 || t('admin.validation.required'),
              maxLength: { value: 500, message: t('admin.validation.tooLong', { max: 500 }) },
            })}
            error={errors.note?.message}
          />
          {watch('kind') === 'working' && (
            <TextInput
              label={t('admin.calendars.hours')}
              description={t('admin.calendars.hoursHelp')}
              placeholder="07:30-11:30, 13:30-17:00"
              {...register('intervals', {
                validate: (v) =>
                  !v.trim() || parseIntervals(v) !== null || t('admin.validation.intervals'),
              })}
              error={errors.intervals?.message}
            />
          )}
          {remove.error && (
            <Alert color="red" role="alert">
              {errorMessageOf(remove.error)}
            </Alert>
          )}
          <Group justify="space-between" gap="xs">
            {override ? (
              <Button
                variant="default"
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate()}
              >
                {t('admin.calendars.removeOverride')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('admin.actions.cancel')}
              </Button>
              <Button type="submit" loading={isSubmitting}>
                {t('admin.actions.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
