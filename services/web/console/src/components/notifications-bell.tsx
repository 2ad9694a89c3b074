import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { fastDateTime } from './fast-format';

const POLL_MS = 30_000;
const QUERY_KEY = ['my-notifications'];

type Item = Awaited<ReturnType<typeof fetchNotifications>>['items'][number];

async function fetchNotifications() {
  return unwrap(await api.GET('/v1/me/notifications', { params: { query: { limit: 30 } } }));
}

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/** Marking read, one (opened) or all; the list shows it at once and then re-reads. */
function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | null) =>
      id
        ? unwrap(await api.POST('/v1/me/notifications/{id}/read', { params: { path: { id } } }))
        : unwrap(await api.POST('/v1/me/notifications/read')),
    onMutate: (id) => {
      client.setQueryData<Awaited<ReturnType<typeof fetchNotifications>>>(QUERY_KEY, (old) =>
        old
          ? {
              ...old,
              items: old.items.map((i) =>
                id === null || i.id === id ? { ...i, isRead: true } : i,
              ),
            }
          : old,
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: QUERY_KEY }),
  });
}

/**
 * The bell: what concerns the signed-in official (assignments, escalations, warnings, requests
 * to decide, what citizens of their cases did), polled every 30 s. An item stays unread until
 * the official opens it (or marks all read): looking at the list is not reading each case.
 */
export function NotificationsBell() {
  const { t } = useTranslation();
  const { me } = useSession();
  const officialId = me?.official.id ?? '';
  const [opened, setOpened] = useState(false);
  const query = useQuery({
    queryKey: QUERY_KEY,
    queryFn: fetchNotifications,
    refetchInterval: POLL_MS,
    enabled: officialId !== '',
  });
  const markRead = useMarkRead();
  const items = query.data?.items ?? [];
  const unread = items.filter((i) => !i.isRead).length;

  const textOf = (i: Item) =>
    t(`notifications.kind.${i.kind}`, {
      code: i.case.trackingCode,
      level: i.level ?? '',
      rating: i.rating ?? '',
      target: i.target ? t(`case.clock.${i.target}`) : '',
    });

  const label =
    unread > 0 ? t('notifications.labelUnread', { count: unread }) : t('notifications.label');
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={360}
      shadow="md"
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={18}
          disabled={unread === 0}
          color="red.9"
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            color="dark"
            size="lg"
            aria-label={label}
            aria-haspopup="dialog"
            aria-expanded={opened}
            data-testid="notifications-bell"
            data-unread={unread}
            onClick={() => setOpened((o) => !o)}
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label={t('notifications.title')}>
        <Group justify="space-between" p="sm" pb={4} wrap="nowrap">
          <Text fw={700} size="sm">
            {t('notifications.title')}
          </Text>
          {unread > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => markRead.mutate(null)}
              data-testid="notifications-mark-all"
            >
              {t('notifications.markAllRead')}
            </Button>
          )}
        </Group>
        <ScrollArea.Autosize mah={420} type="auto">
          {items.length === 0 ? (
            <Text size="sm" c="gray.7" p="sm" pt={0}>
              {query.isError ? t('common.error') : t('notifications.empty')}
            </Text>
          ) : (
            <Stack component="ul" gap={0} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((i) => (
                <li
                  key={i.id}
                  data-testid="notification"
                  data-read={i.isRead}
                  style={{
                    padding: '8px 12px',
                    borderTop: '1px solid var(--mantine-color-gray-2)',
                    background: i.isRead ? undefined : '#eef4fb',
                  }}
                >
                  <Anchor
                    component={Link}
                    to={`/cases/${i.case.trackingCode}`}
                    size="sm"
                    c="dark"
                    fw={i.isRead ? 500 : 700}
                    onClick={() => {
                      setOpened(false);
                      if (!i.isRead) markRead.mutate(i.id);
                    }}
                  >
                    {textOf(i)}
                  </Anchor>
                  <Text size="xs" c="gray.7">
                    {fastDateTime(i.at)}
                    {i.isRead ? '' : ` · ${t('notifications.unread')}`}
                    {i.isSettled ? ` · ${t('notifications.settled')}` : ''}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
