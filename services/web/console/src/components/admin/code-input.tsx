import { TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CODE_PATTERN } from './admin-data';

/** The rules of a code field: required, in the API's pattern. */
export const codeRules = (t: TFunction) => ({
  required: t('admin.validation.required'),
  pattern: { value: CODE_PATTERN, message: t('admin.validation.code') },
});

/** A new thing's code (a unit's, a category's, a calendar's), with what a code may be. */
export function CodeInput({
  label,
  error,
  ...field
}: UseFormRegisterReturn & { label: string; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      description={t('admin.units.codeHelp')}
      required
      {...field}
      error={error}
    />
  );
}
