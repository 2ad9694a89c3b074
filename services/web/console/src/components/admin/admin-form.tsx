import { Button, Group, Stack } from '@mantine/core';
import type { BaseSyntheticEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from './form-alert';

/**
 * An administration form: the errors that belong to no one field first, then the fields, then
 * cancel (when it can be) and create (a new thing) or save. Sent by Enter in a field, too.
 */
export function AdminForm({
  onSubmit,
  formErrors,
  isSubmitting,
  isNew,
  onCancel,
  children,
}: {
  /** The form's submit handler (useApiForm's `submit(…)`). */
  onSubmit: (e?: BaseSyntheticEvent) => Promise<void>;
  formErrors: readonly string[];
  isSubmitting: boolean;
  isNew: boolean;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="sm">
        <FormAlert messages={formErrors} />
        {children}
        <Group justify="flex-end" gap="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('admin.actions.cancel')}
            </Button>
          )}
          <Button type="submit" loading={isSubmitting}>
            {isNew ? t('admin.actions.create') : t('admin.actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
