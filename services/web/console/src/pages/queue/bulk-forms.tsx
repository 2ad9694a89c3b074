import { Alert, Button, Group, Loader, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useConsoleReference } from '../../components/use-reference';

export type BulkActionName = 'assign' | 'transfer' | 'close';
export type BulkBody = { assigneeId: string } | { toUnitCode: string; reason: string } | object;

interface FormProps {
  /** The first ticked case: whose unit's officials are offered. */
  firstCaseId: string;
  count: number;
  busy: boolean;
  onSubmit: (body: BulkBody) => void;
  onCancel: () => void;
}

function Buttons({
  busy,
  onCancel,
  label,
}: {
  busy: boolean;
  onCancel: () => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('case.form.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {label}
      </Button>
    </Group>
  );
}

/** One official for every ticked case (of the first case's unit: a unit queue is one unit). */
export function BulkAssignForm(props: FormProps) {
  const { t } = useTranslation();
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const assignees = useQuery({
    queryKey: ['case-assignees', props.firstCaseId],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/cases/{id}/assignees', {
          params: { path: { id: props.firstCaseId } },
        }),
      ),
  });
  const label = t('case.form.assignee');
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!assigneeId) return setError(t('case.form.required', { field: label }));
        props.onSubmit({ assigneeId });
      }}
    >
      <Stack gap="sm">
        {assignees.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : (
          <Select
            data-autofocus
            label={label}
            description={assignees.data?.unit?.name}
            withAsterisk
            searchable
            data={(assignees.data?.officials ?? []).map((o) => ({
              value: o.id,
              label: `${o.fullName} (${t('case.form.openCases', { count: o.openCases })})`,
            }))}
            value={assigneeId}
            onChange={(v) => {
              setAssigneeId(v);
              setError(null);
            }}
            error={error}
            comboboxProps={{ withinPortal: false }}
          />
        )}
        <Buttons
          busy={props.busy}
          onCancel={props.onCancel}
          label={t('bulk.run.assign', { count: props.count })}
        />
      </Stack>
    </form>
  );
}

/** Another unit for every ticked case, with one reason recorded on each. */
export function BulkTransferForm(props: FormProps) {
  const { t } = useTranslation();
  const reference = useConsoleReference();
  const [toUnitCode, setUnit] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ unit?: string; reason?: string }>({});
  const unitLabel = t('case.form.toUnit');
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const next = {
          ...(toUnitCode ? {} : { unit: t('case.form.required', { field: unitLabel }) }),
          ...(reason.trim() ? {} : { reason: t('case.form.transferReasonRequired') }),
        };
        setErrors(next);
        if (toUnitCode && reason.trim()) props.onSubmit({ toUnitCode, reason: reason.trim() });
      }}
    >
      <Stack gap="sm">
        <Select
          data-autofocus
          label={unitLabel}
          withAsterisk
          searchable
          data={(reference.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
          nothingFoundMessage={t('case.form.nothingFound')}
          value={toUnitCode}
          onChange={setUnit}
          error={errors.unit}
          comboboxProps={{ withinPortal: false }}
        />
        <Textarea
          label={t('case.form.transferReason')}
          description={t('bulk.oneReason')}
          withAsterisk
          autosize
          minRows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <Buttons
          busy={props.busy}
          onCancel={props.onCancel}
          label={t('bulk.run.transfer', { count: props.count })}
        />
      </Stack>
    </form>
  );
}

/** Closing resolved cases: say what happens and confirm. */
export function BulkCloseForm(props: FormProps) {
  const { t } = useTranslation();
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({});
      }}
    >
      <Stack gap="sm">
        <Alert color="blue">
          <Text size="sm">{t('bulk.closeExplain')}</Text>
        </Alert>
        <Buttons
          busy={props.busy}
          onCancel={props.onCancel}
          label={t('bulk.run.close', { count: props.count })}
        />
      </Stack>
    </form>
  );
}
