import { Alert, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useFieldProblem } from '../../components/api-errors';
import { fastDateTime } from '../../components/fast-format';
import { FormButtons, ReasonTextarea, type ActionFormProps } from './action-forms';
import type { CaseDetail } from './case-types';
import { useDurationText } from './duration-text';

const DAY = 86_400_000;
const VN_OFFSET = 7 * 3_600_000;

/** The local date (Vietnam) of an instant, as YYYY-MM-DD. */
const localDate = (ms: number) => new Date(ms + VN_OFFSET).toISOString().slice(0, 10);
/** The calendar date after a YYYY-MM-DD date. */
const nextDate = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

function resolutionDue(detail: CaseDetail): string | null {
  return detail.sla.clocks.find((c) => c.target === 'resolution')?.dueAt ?? null;
}

/**
 * Working days after `fromDate` up to and including `toDate`, in the calendar the case's
 * deadlines are counted in (its unit's own or inherited one, as the API extends them).
 */
function useWorkingDays(calendarId: string, fromDate: string | null, toDate: string) {
  const isValid = !!fromDate && /^\d{4}-\d{2}-\d{2}$/.test(toDate) && toDate > fromDate;
  return useQuery({
    queryKey: ['working-days', calendarId, fromDate, toDate],
    enabled: isValid,
    staleTime: Infinity,
    queryFn: async () => {
      const from = nextDate(fromDate!);
      const days = unwrap(
        await api.GET('/v1/calendars/{id}/days', {
          params: { path: { id: calendarId }, query: { from, to: toDate } },
        }),
      ).days;
      return days.filter((d) => d.isWorking).length;
    },
  });
}

/**
 * Asking for more time: the reason and the new deadline's date. The API counts extensions as
 * working days, so the date becomes the number of working days after the current deadline.
 */
export function RequestExtensionForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const due = resolutionDue(props.detail);
  const dueDate = due ? localDate(Date.parse(due)) : null;
  const form = useForm<{ date: string; reason: string }>({
    defaultValues: { date: '', reason: '' },
  });
  const { errors } = form.formState;
  // The date picked is sent as a duration: the API's problems with it belong to the date.
  const server = { date: useFieldProblem('duration'), reason: useFieldProblem('reason') };
  const date = form.watch('date');
  const days = useWorkingDays(props.detail.sla.calendarId, dueDate, date);
  const dateLabel = t('case.form.newDeadline');
  const reasonLabel = t('case.form.extensionReason');
  const minDate = dueDate ? nextDate(dueDate) : undefined;

  if (!dueDate) return <Alert color="yellow">{t('case.form.noDeadline')}</Alert>;
  return (
    <form
      noValidate
      onSubmit={(e) =>
        void form.handleSubmit((v) => {
          const n = days.data ?? 0;
          if (n < 1) {
            form.setError('date', { message: t('case.form.noWorkingDay') });
            return;
          }
          props.onSubmit({ duration: `P${n}D`, reason: v.reason.trim() }).catch(() => {});
        })(e)
      }
    >
      <Stack gap="sm">
        <Text size="sm">{t('case.form.currentDeadline', { date: fastDateTime(due) })}</Text>
        <TextInput
          data-autofocus
          type="date"
          label={dateLabel}
          withAsterisk
          min={minDate}
          description={
            days.data !== undefined && date
              ? t('case.form.workingDaysAdded', { count: days.data })
              : t('case.form.newDeadlineHint')
          }
          error={errors.date?.message ?? server.date}
          {...form.register('date', {
            validate: (v) =>
              v === ''
                ? t('case.form.required', { field: dateLabel })
                : !dueDate || v > dueDate || t('case.form.dateAfterDeadline'),
          })}
        />
        <ReasonTextarea
          label={reasonLabel}
          error={errors.reason?.message ?? server.reason}
          {...form.register('reason', {
            validate: (v) => v.trim() !== '' || t('case.form.required', { field: reasonLabel }),
          })}
        />
        <FormButtons
          busy={props.busy || days.isFetching}
          onCancel={props.onCancel}
          label={t('case.action.request-extension')}
        />
      </Stack>
    </form>
  );
}

/** Granting the pending extension (as asked): the leader's reason. */
export function GrantExtensionForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const durationText = useDurationText();
  const pending = props.detail.pendingExtension;
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const { errors } = form.formState;
  const serverError = useFieldProblem('reason');
  const label = t('case.form.grantReason');
  return (
    <form
      noValidate
      onSubmit={(e) =>
        void form.handleSubmit((v) => {
          props.onSubmit({ reason: v.reason.trim() }).catch(() => {});
        })(e)
      }
    >
      <Stack gap="sm">
        {pending && (
          <Alert
            color="blue"
            title={t('case.extension.pending', { duration: durationText(pending.duration) })}
          >
            {pending.reason}
          </Alert>
        )}
        <ReasonTextarea
          data-autofocus
          label={label}
          error={errors.reason?.message ?? serverError}
          {...form.register('reason', {
            validate: (v) => v.trim() !== '' || t('case.form.required', { field: label }),
          })}
        />
        <FormButtons
          busy={props.busy}
          onCancel={props.onCancel}
          label={t('case.action.grant-extension')}
        />
      </Stack>
    </form>
  );
}
