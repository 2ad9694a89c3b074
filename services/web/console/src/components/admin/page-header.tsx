import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** An admin page's title, what it is for, and its main actions. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <div style={{ flex: '1 1 20rem' }}>
        <Title order={3} size="h4">
          {title}
        </Title>
        {description && (
          <Text size="sm" c="gray.7">
            {description}
          </Text>
        )}
      </div>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
