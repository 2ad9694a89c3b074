import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AA_ALERT } from './aa-text';

/** Errors of a form that belong to no single field (or the request as a whole). */
export function FormAlert({ messages }: { messages: readonly string[] }) {
  const { t } = useTranslation();
  if (messages.length === 0) return null;
  return (
    <Alert color="red" role="alert" styles={AA_ALERT} title={t('admin.errors.title')}>
      {messages.length === 1 ? (
        messages[0]
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: '1.2rem' }}>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
