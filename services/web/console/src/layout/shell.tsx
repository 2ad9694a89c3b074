import {
  AppShell,
  Burger,
  Button,
  Group,
  NavLink,
  SegmentedControl,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client';
import { useSession } from '../auth/session';
import { setLanguage, type Language } from '../i18n';
import { NAV_ITEMS } from './nav-items';
import { NotificationsBell } from '../components/notifications-bell';

/** The console's frame: header (language, who is signed in, sign-out) and role-based navigation. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { me, hasRole } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const client = useQueryClient();
  const navigate = useNavigate();

  async function signOut() {
    await api.POST('/v1/auth/sign-out');
    setCsrfToken(null);
    client.clear();
    client.setQueryData(['me'], null);
    await navigate('/');
  }

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={1} size="h4">
              {t('app.title')}
            </Title>
          </Group>
          <Group wrap="nowrap" gap="sm">
            <SegmentedControl
              size="xs"
              aria-label={t('nav.language')}
              value={i18n.language}
              onChange={(v) => setLanguage(v as Language)}
              data={[
                { value: 'vi', label: 'VI' },
                { value: 'en', label: 'EN' },
              ]}
            />
            <NotificationsBell />
            <Text size="sm" visibleFrom="sm" data-testid="signed-in-as">
              {me?.official.fullName}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Menu">
        {NAV_ITEMS.filter((item) => hasRole(...item.roles)).map((item) => (
          <NavLink
            key={item.to}
            component={RouterLink}
            to={item.to}
            label={t(item.label)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
