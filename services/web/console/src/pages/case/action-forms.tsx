import {
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  Autocomplete,
} from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldProblem } from '../../components/api-errors';
import type { CaseDetail } from './case-types';
import { TemplatePicker, type TemplatePurpose } from './template-picker';

/** What every action form gets: the case, how to send, whether a send is under way. */
export interface ActionFormProps {
  detail: CaseDetail;
  busy: boolean;
  onSubmit: (body: Record<string, unknown> | FormData) => Promise<unknown>;
  onCancel: () => void;
}

/** Cancel and the action's own button; the submit is the form's default (Enter). */
export function FormButtons({
  busy,
  onCancel,
  label,
  disabled = false,
}: {
  busy: boolean;
  onCancel: () => void;
  label: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('case.form.cancel')}
      </Button>
      <Button type="submit" loading={busy} disabled={disabled}>
        {label}
      </Button>
    </Group>
  );
}

/** Ctrl+Enter (⌘+Enter) in a text area sends the form, as in most mail clients. */
export const submitOnCtrlEnter = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    e.currentTarget.form?.requestSubmit();
  }
};

/** A required reason or note (up to 2,000 characters, growing as typed); Ctrl+Enter sends. */
export function ReasonTextarea(props: ComponentProps<typeof Textarea>) {
  return (
    <Textarea
      withAsterisk
      autosize
      minRows={3}
      maxLength={2000}
      onKeyDown={submitOnCtrlEnter}
      {...props}
    />
  );
}

const swallow = (p: Promise<unknown>) => {
  p.catch(() => {});
};

/** One text the action needs (a question, a reason, an answer), required and bounded. */
export function TextActionForm({
  field,
  label,
  description,
  maxLength,
  submitLabel,
  intro,
  extra,
  templates,
  ...props
}: ActionFormProps & {
  field: string;
  label: string;
  description?: string;
  maxLength: number;
  submitLabel: string;
  intro?: ReactNode;
  extra?: 'internal';
  /** Offer the unit's prepared texts for this form. */
  templates?: TemplatePurpose;
}) {
  const { t } = useTranslation();
  const form = useForm<{ text: string; internal: boolean }>({
    defaultValues: { text: '', internal: true },
  });
  const { errors } = form.formState;
  const serverError = useFieldProblem(field);
  return (
    <form
      noValidate
      onSubmit={(e) =>
        void form.handleSubmit((v) =>
          swallow(
            props.onSubmit({
              [field]: v.text.trim(),
              ...(extra === 'internal' ? { internal: v.internal } : {}),
            }),
          ),
        )(e)
      }
    >
      <Stack gap="sm">
        {intro}
        {templates && (
          <TemplatePicker
            caseId={props.detail.id}
            purpose={templates}
            onPick={(text) =>
              form.setValue('text', text, { shouldDirty: true, shouldValidate: true })
            }
          />
        )}
        <Textarea
          data-autofocus
          label={label}
          description={description}
          withAsterisk
          autosize
          minRows={4}
          maxRows={12}
          maxLength={maxLength}
          error={errors.text?.message ?? serverError}
          onKeyDown={submitOnCtrlEnter}
          {...form.register('text', {
            validate: (v) => v.trim() !== '' || t('case.form.required', { field: label }),
          })}
        />
        {extra === 'internal' && (
          <Checkbox label={t('case.form.internal')} {...form.register('internal')} />
        )}
        <Text size="xs" c="gray.7">
          {t('case.form.ctrlEnter')}
        </Text>
        <FormButtons busy={props.busy} onCancel={props.onCancel} label={submitLabel} />
      </Stack>
    </form>
  );
}

/** Accept, approve a resolution, close: say what will happen and confirm. */
export function ConfirmForm({
  text,
  submitLabel,
  children,
  ...props
}: ActionFormProps & { text: string; submitLabel: string; children?: ReactNode }) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        swallow(props.onSubmit({}));
      }}
    >
      <Stack gap="sm">
        <Text>{text}</Text>
        {children}
        <FormButtons busy={props.busy} onCancel={props.onCancel} label={submitLabel} />
      </Stack>
    </form>
  );
}

const REJECT_REASONS = ['spam', 'out_of_scope', 'duplicate', 'insufficient_information', 'other'];

/** Rejecting: why (one of the API's reasons) and what the citizen is told. */
export function RejectForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const form = useForm<{ reason: string | null; note: string }>({
    defaultValues: { reason: null, note: '' },
  });
  const { errors } = form.formState;
  const server = { reason: useFieldProblem('reason'), note: useFieldProblem('note') };
  return (
    <form
      noValidate
      onSubmit={(e) =>
        void form.handleSubmit((v) =>
          swallow(props.onSubmit({ reason: v.reason, note: v.note.trim() })),
        )(e)
      }
    >
      <Stack gap="sm">
        <Controller
          name="reason"
          control={form.control}
          rules={{ required: t('case.form.required', { field: t('case.form.rejectReason') }) }}
          render={({ field }) => (
            <Select
              data-autofocus
              label={t('case.form.rejectReason')}
              withAsterisk
              data={REJECT_REASONS.map((r) => ({ value: r, label: t(`case.rejectReason.${r}`) }))}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errors.reason?.message ?? server.reason}
            />
          )}
        />
        <ReasonTextarea
          label={t('case.form.rejectNote')}
          description={t('case.form.rejectNoteHint')}
          error={errors.note?.message ?? server.note}
          {...form.register('note', {
            validate: (v) =>
              v.trim() !== '' || t('case.form.required', { field: t('case.form.rejectNote') }),
          })}
        />
        <FormButtons busy={props.busy} onCancel={props.onCancel} label={t('case.action.reject')} />
      </Stack>
    </form>
  );
}

/** Merging a duplicate into another case (by its tracking code; related cases suggested). */
export function MergeForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const form = useForm<{ into: string }>({ defaultValues: { into: '' } });
  const { errors } = form.formState;
  const serverError = useFieldProblem('into');
  const label = t('case.form.mergeInto');
  return (
    <form
      noValidate
      onSubmit={(e) =>
        void form.handleSubmit((v) => swallow(props.onSubmit({ into: v.into.trim() })))(e)
      }
    >
      <Stack gap="sm">
        <Controller
          name="into"
          control={form.control}
          rules={{
            validate: (v) => {
              const code = v.trim().toUpperCase();
              if (code === '') return t('case.form.required', { field: label });
              if (code.replace('-', '') === props.detail.trackingCode.replace('-', ''))
                return t('case.form.mergeSelf');
              return true;
            },
          }}
          render={({ field }) => (
            <Autocomplete
              data-autofocus
              label={label}
              description={t('case.form.mergeHint')}
              withAsterisk
              data={props.detail.relatedCases.map((r) => r.trackingCode)}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              maxLength={64}
              error={errors.into?.message ?? serverError}
            />
          )}
        />
        <FormButtons busy={props.busy} onCancel={props.onCancel} label={t('case.action.merge')} />
      </Stack>
    </form>
  );
}
