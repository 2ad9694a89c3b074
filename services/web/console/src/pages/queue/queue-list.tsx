import { useEffect, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import type { QueueItem } from './queue-params';
import { QueueTable, type QueueSelection } from './queue-table';
import { useQueueKeys } from './use-queue-keys';

/**
 * The rows and the keyboard over them. Moving the active row re-renders this list only (and of
 * its rows, the two that change), not the filters and counts above it.
 */
export function QueueList({
  items,
  searchRef,
  onNeedMore,
  resetKey,
  selection,
}: {
  items: readonly QueueItem[];
  searchRef: RefObject<HTMLInputElement | null>;
  onNeedMore: () => void;
  /** Changes with the filters: a new list starts at its first row. */
  resetKey: unknown;
  selection?: QueueSelection | undefined;
}) {
  const navigate = useNavigate();
  const { active, setActive } = useQueueKeys({
    count: items.length,
    searchRef,
    onOpen: (i) => {
      const item = items[i];
      if (item) void navigate(`/cases/${item.trackingCode}`);
    },
    onNeedMore,
    onToggle: selection
      ? (i) => {
          const item = items[i];
          if (item) selection.onToggle(item.id);
        }
      : undefined,
  });
  useEffect(() => setActive(0), [resetKey, setActive]);
  return <QueueTable items={items} active={active} onActivate={setActive} selection={selection} />;
}
