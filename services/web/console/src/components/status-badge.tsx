import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  received: 'blue',
  triaged: 'blue',
  assigned: 'indigo',
  in_progress: 'violet',
  awaiting_citizen: 'gray',
  reopened: 'orange',
  resolved: 'green',
  closed: 'dark',
  rejected: 'red',
  merged: 'gray',
  withdrawn: 'gray',
};

/** A case status in words (dark text on a light tint: readable at AA). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={COLORS[status] ?? 'gray'}
      c={`${COLORS[status] ?? 'gray'}.9`}
      radius="sm"
      tt="none"
      fw={600}
    >
      {t(`case.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
