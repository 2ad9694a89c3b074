import { Alert, Loader, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useFieldProblem } from '../../components/api-errors';
import { FormButtons, type ActionFormProps } from './action-forms';

/** Assign or reassign: pick an official of the case's unit (their load shown beside them). */
export function AssignForm(props: ActionFormProps & { isReassign: boolean }) {
  const { t } = useTranslation();
  const { detail } = props;
  const assignees = useQuery({
    queryKey: ['case-assignees', detail.id],
    queryFn: async () =>
      unwrap(await api.GET('/v1/cases/{id}/assignees', { params: { path: { id: detail.id } } })),
  });
  const form = useForm<{ assigneeId: string | null }>({ defaultValues: { assigneeId: null } });
  const { errors } = form.formState;
  const serverError = useFieldProblem('assigneeId');
  const label = t('case.form.assignee');
  const options = (assignees.data?.officials ?? [])
    .filter((o) => o.id !== detail.assignee?.id)
    .map((o) => ({
      value: o.id,
      label: [
        o.fullName,
        o.title ? `— ${o.title}` : '',
        `(${t('case.form.openCases', { count: o.openCases })}${o.isAbsent ? `, ${t('case.form.absent')}` : ''})`,
      ]
        .filter(Boolean)
        .join(' '),
    }));
  return (
    <form
      noValidate
      onSubmit={(e) =>
        void form.handleSubmit((v) => {
          props.onSubmit({ assigneeId: v.assigneeId }).catch(() => {});
        })(e)
      }
    >
      <Stack gap="sm">
        {assignees.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : assignees.isError ? (
          <Alert color="red" role="alert">
            {t('common.error')}
          </Alert>
        ) : options.length === 0 ? (
          <Alert color="yellow">{t('case.form.noAssignees')}</Alert>
        ) : (
          <Controller
            name="assigneeId"
            control={form.control}
            rules={{ required: t('case.form.required', { field: label }) }}
            render={({ field }) => (
              <Select
                data-autofocus
                label={label}
                description={assignees.data?.unit?.name}
                withAsterisk
                searchable
                data={options}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                error={errors.assigneeId?.message ?? serverError}
              />
            )}
          />
        )}
        <FormButtons
          busy={props.busy}
          onCancel={props.onCancel}
          disabled={options.length === 0}
          label={t(props.isReassign ? 'case.action.reassign' : 'case.action.assign')}
        />
      </Stack>
    </form>
  );
}
