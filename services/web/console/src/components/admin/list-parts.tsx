import { Alert, Badge, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageOf } from './api-errors';

/** While a list loads, a spinner; when it could not be read, why. */
export function ListState({ query }: { query: { isLoading: boolean; error: unknown } }) {
  const { t } = useTranslation();
  return (
    <>
      {query.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {query.error ? (
        <Alert color="red" role="alert">
          {errorMessageOf(query.error)}
        </Alert>
      ) : null}
    </>
  );
}

/** A list row's name in bold, marked when the thing is no longer in use (and any more marks). */
export function NameCell({
  name,
  isActive,
  children,
}: {
  name: string;
  isActive: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Text size="sm" fw={600}>
        {name}
      </Text>
      {!isActive && (
        <Badge size="xs" color="gray.8" variant="filled">
          {t('admin.inactive')}
        </Badge>
      )}
      {children}
    </Group>
  );
}
