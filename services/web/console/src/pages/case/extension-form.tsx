import { Alert, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useFieldProblem } from '../../components/api-errors';
import { fastDateTime } from '../../components/fast-format';
import { FormButtons, ReasonTextarea, type ActionFormProps } from './action-forms';
import { durationParts, type CaseDetail } from './case-types';
import { useDurationText } from './duration-text';

const DAY = 86_400_000;
const VN_OFFSET = 7 * 3_600_000;

/** The local date (Vietnam) of an instant, as YYYY-MM-DD. */
const localDate = (ms: number) => new Date(ms + VN_OFFSET).toISOString().slice(0, 10);
/** The calendar date after a YYYY-MM-DD date. */
const nextDate = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

type Limit = CaseDetail['extensionLimit']['maxDuration'];

/** The policy's longest extension in whole days, when it is written in days. */
function limitDays(limit: Limit): number | null {
  const parts = limit ? durationParts(limit.duration) : null;
  return parts && parts.hours === 0 ? parts.days : null;
}

/** "5 ngày làm việc" or "30 ngày", as the policy counts. */
function useDaysText() {
  const { t } = useTranslation();
  return (count: number, unit: 'working' | 'calendar') =>
    t(unit === 'calendar' ? 'case.extension.calendarDays' : 'case.extension.workingDays', {
      count,
    });
}

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
  const daysText = useDaysText();
  const limit = props.detail.extensionLimit.maxDuration;
  const maxDays = limitDays(limit);
  // Days are counted as the policy counts them: working days, or calendar days (denunciations).
  const unit = limit?.unit ?? 'working';
  const due = resolutionDue(props.detail);
  const dueDate = due ? localDate(Date.parse(due)) : null;
  const form = useForm<{ date: string; reason: string }>({
    defaultValues: { date: '', reason: '' },
  });
  const { errors } = form.formState;
  // The date picked is sent as a duration: the API's problems with it belong to the date.
  const server = { date: useFieldProblem('duration'), reason: useFieldProblem('reason') };
  const date = form.watch('date');
  const workingDays = useWorkingDays(props.detail.sla.calendarId, dueDate, date);
  const calendarDays =
    dueDate && /^\d{4}-\d{2}-\d{2}$/.test(date) && date > dueDate
      ? Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY)
      : undefined;
  const days =
    unit === 'calendar'
      ? { data: calendarDays, isFetching: false }
      : { data: workingDays.data, isFetching: workingDays.isFetching };
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
          if (maxDays !== null && n > maxDays) {
            form.setError('date', {
              message: t('case.form.extensionTooLong', {
                max: daysText(maxDays, unit),
                asked: daysText(n, unit),
              }),
            });
            return;
          }
          props.onSubmit({ duration: `P${n}D`, reason: v.reason.trim() }).catch(() => {});
        })(e)
      }
    >
      <Stack gap="sm">
        <Text size="sm">{t('case.form.currentDeadline', { date: fastDateTime(due) })}</Text>
        {maxDays !== null && (
          <Text size="sm" data-testid="extension-limit">
            {t('case.form.extensionMax', { max: daysText(maxDays, unit) })}
          </Text>
        )}
        <TextInput
          data-autofocus
          type="date"
          label={dateLabel}
          withAsterisk
          min={minDate}
          description={
            days.data !== undefined && date
              ? t('case.form.daysAdded', { days: daysText(days.data, unit) })
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

/**
 * Granting the pending extension: as asked, or shorter (never more than asked nor than the
 * policy allows), with the leader's reason.
 */
export function GrantExtensionForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const durationText = useDurationText();
  const daysText = useDaysText();
  const pending = props.detail.pendingExtension;
  const limit = props.detail.extensionLimit.maxDuration;
  const unit = limit?.unit ?? 'working';
  const maxDays = limitDays(limit);
  const asked = pending ? durationParts(pending.duration) : null;
  // Only a request in whole days can be shortened here; any other is granted as asked.
  const askedDays = asked && asked.hours === 0 ? asked.days : null;
  const form = useForm<{ reason: string; days: number | string }>({
    defaultValues: {
      reason: '',
      days: askedDays === null ? '' : Math.min(askedDays, maxDays ?? askedDays),
    },
  });
  const { errors } = form.formState;
  const serverError = useFieldProblem('reason');
  const label = t('case.form.grantReason');
  const daysLabel = t('case.form.grantDays');
  return (
    <form
      noValidate
      onSubmit={(e) =>
        void form.handleSubmit((v) => {
          const body: Record<string, unknown> = { reason: v.reason.trim() };
          if (askedDays !== null) body.duration = `P${Number(v.days)}D`;
          props.onSubmit(body).catch(() => {});
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
        {askedDays !== null && (
          <Controller
            name="days"
            control={form.control}
            rules={{
              validate: (v) => {
                const n = Number(v);
                if (v === '' || !Number.isInteger(n) || n < 1) {
                  return t('case.form.grantDaysWhole');
                }
                if (n > askedDays) {
                  return t('case.form.grantMoreThanAsked', { asked: daysText(askedDays, unit) });
                }
                if (maxDays !== null && n > maxDays) {
                  return t('case.form.extensionMax', { max: daysText(maxDays, unit) });
                }
                return true;
              },
            }}
            render={({ field }) => (
              <NumberInput
                label={daysLabel}
                description={t('case.form.grantDaysHint', {
                  asked: daysText(askedDays, unit),
                  max: maxDays !== null ? daysText(maxDays, unit) : '—',
                })}
                // Not clamped: more than asked is said in words, not silently changed.
                clampBehavior="none"
                min={1}
                allowDecimal={false}
                allowNegative={false}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                error={errors.days?.message}
                data-testid="grant-days"
              />
            )}
          />
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
