import { FileInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons, type ActionFormProps } from './action-forms';

const MAX_FILES = 5;
const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,application/pdf,audio/*,video/mp4';

/** Attaching files (a signed record, an inspection photo): up to five at a time. */
export function AttachForm(props: ActionFormProps) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (files.length === 0) return setError(t('case.form.chooseFiles'));
        if (files.length > MAX_FILES)
          return setError(t('case.form.tooManyFiles', { max: MAX_FILES }));
        const body = new FormData();
        for (const f of files) body.append('file', f, f.name);
        props.onSubmit(body).catch(() => {});
        return undefined;
      }}
    >
      <Stack gap="sm">
        <FileInput
          data-autofocus
          multiple
          clearable
          accept={ACCEPT}
          label={t('case.form.files')}
          description={t('case.form.filesHint', { max: MAX_FILES })}
          placeholder={t('case.form.filesPlaceholder')}
          withAsterisk
          value={files}
          onChange={(v) => {
            setFiles(v);
            setError(null);
          }}
          error={error}
        />
        <FormButtons
          busy={props.busy}
          onCancel={props.onCancel}
          label={t('case.action.attachments')}
        />
      </Stack>
    </form>
  );
}
