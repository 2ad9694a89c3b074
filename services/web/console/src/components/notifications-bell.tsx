import { ActionIcon, Anchor, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { fastDateTime } from './fast-format';

const POLL_MS = 30_000;
const seenKey = (officialId: string) => `hotline.notifications.seen.${officialId}`;

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

/**
 * The bell: what concerns the signed-in official (assignments, escalations, warnings, requests
 * to decide), polled every 30 s. Unread: newer than when the list was last opened here.
 */
export function NotificationsBell() {
  const { t } = useTranslation();
  const { me } = useSession();
  const officialId = me?.official.id ?? '';
  const [opened, setOpened] = useState(false);
  const [seenAt, setSeenAt] = useState(() => localStorage.getItem(seenKey(officialId)) ?? '');
  const query = useQuery({
    queryKey: ['my-notifications'],
    queryFn: fetchNotifications,
    refetchInterval: POLL_MS,
    enabled: officialId !== '',
  });
  const items = query.data?.items ?? [];
  const unread = items.filter((i) => i.at > seenAt).length;

  function markSeen() {
    const newest = items[0]?.at ?? new Date().toISOString();
    const next = newest > seenAt ? newest : seenAt;
    localStorage.setItem(seenKey(officialId), next);
    setSeenAt(next);
  }

  const textOf = (i: Item) =>
    t(`notifications.kind.${i.kind}`, {
      code: i.case.trackingCode,
      level: i.level ?? '',
      target: i.target ? t(`case.clock.${i.target}`) : '',
    });

  const label =
    unread > 0 ? t('notifications.labelUnread', { count: unread }) : t('notifications.label');
  return (
    <Popover
      opened={opened}
      onChange={(o) => {
        setOpened(o);
        if (!o) markSeen();
      }}
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
            onClick={() => {
              if (opened) markSeen();
              setOpened((o) => !o);
            }}
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label={t('notifications.title')}>
        <Text fw={700} size="sm" p="sm" pb={4}>
          {t('notifications.title')}
        </Text>
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
                  style={{
                    padding: '8px 12px',
                    borderTop: '1px solid var(--mantine-color-gray-2)',
                    background: i.at > seenAt ? '#eef4fb' : undefined,
                  }}
                >
                  <Anchor
                    component={Link}
                    to={`/cases/${i.case.trackingCode}`}
                    size="sm"
                    c="dark"
                    fw={i.at > seenAt ? 700 : 500}
                    onClick={() => {
                      setOpened(false);
                      markSeen();
                    }}
                  >
                    {textOf(i)}
                  </Anchor>
                  <Text size="xs" c="gray.7">
                    {fastDateTime(i.at)}
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
