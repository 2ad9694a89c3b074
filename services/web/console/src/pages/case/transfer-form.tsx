import { Select, Stack } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldProblem } from '../../components/api-errors';
import { useConsoleReference } from '../../components/use-reference';
import { FormButtons, ReasonTextarea, type ActionFormProps } from './action-forms';

/** Transfer to another unit: the unit and the reason, both required (đùn đẩy is measured). */
export function TransferForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const reference = useConsoleReference();
  const form = useForm<{ toUnitCode: string | null; reason: string }>({
    defaultValues: { toUnitCode: null, reason: '' },
  });
  const { errors } = form.formState;
  const server = { toUnitCode: useFieldProblem('toUnitCode'), reason: useFieldProblem('reason') };
  const unitLabel = t('case.form.toUnit');
  const reasonLabel = t('case.form.transferReason');
  const units = (reference.data?.units ?? [])
    .filter((u) => u.code !== props.detail.unit?.code)
    .map((u) => ({ value: u.code, label: u.name }));
  return (
    <form
      noValidate
      onSubmit={(e) =>
        void form.handleSubmit((v) => {
          props.onSubmit({ toUnitCode: v.toUnitCode, reason: v.reason.trim() }).catch(() => {});
        })(e)
      }
    >
      <Stack gap="sm">
        <Controller
          name="toUnitCode"
          control={form.control}
          rules={{ required: t('case.form.required', { field: unitLabel }) }}
          render={({ field }) => (
            <Select
              data-autofocus
              label={unitLabel}
              withAsterisk
              searchable
              data={units}
              nothingFoundMessage={t('case.form.nothingFound')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errors.toUnitCode?.message ?? server.toUnitCode}
            />
          )}
        />
        <ReasonTextarea
          label={reasonLabel}
          description={t('case.form.transferReasonHint')}
          error={errors.reason?.message ?? server.reason}
          {...form.register('reason', {
            validate: (v) => v.trim() !== '' || t('case.form.transferReasonRequired'),
          })}
        />
        <FormButtons
          busy={props.busy}
          onCancel={props.onCancel}
          label={t('case.action.transfer')}
        />
      </Stack>
    </form>
  );
}
