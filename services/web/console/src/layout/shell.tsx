import {
  ActionIcon,
  AppShell,
  Burger,
  Button,
  Group,
  NavLink,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client';
import { useSession } from '../auth/session';
import { setLanguage, type Language } from '../i18n';
import { NAV_ITEMS } from './nav-items';
import { NotificationsBell } from '../components/notifications-bell';
import { CaseSearch } from './case-search';

function SignOutIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M17 7l-1.41 1.41L18.17 11H8v2h10.17l-2.58 2.58L17 17l5-5-5-5ZM4 5h8V3H4a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h8v-2H4V5Z"
      />
    </svg>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('nav.language')}
      value={i18n.language}
      onChange={(v) => {
        setLanguage(v as Language);
        // What the API answered holds names in the former language: ask again.
        void queryClient.invalidateQueries();
      }}
      data={[
        { value: 'vi', label: 'VI' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

/**
 * The console's frame: header (case search, language, notifications, who is signed in,
 * sign-out) and role-based navigation. On a phone the header keeps the menu button, the
 * search and the bell; the language and the name move into the menu.
 */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, hasRole } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  // Below Mantine's `sm` breakpoint, where the navigation becomes a menu. Rendered in one
  // place or the other, never both (one language switch on the page).
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
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
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} gap="sm" wrap="nowrap">
          <Burger
            opened={opened}
            onClick={toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={t('nav.menu')}
            aria-expanded={opened}
          />
          <Title order={1} size="h4" visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('app.title')}
          </Title>
          <Group wrap="nowrap" gap="sm" style={{ flex: 1, minWidth: 0 }} justify="flex-end">
            <CaseSearch />
            {!isPhone && <LanguageSwitch />}
            <NotificationsBell />
            <Text size="sm" visibleFrom="sm" data-testid="signed-in-as" truncate maw={180}>
              {me?.official.fullName}
            </Text>
            <Button
              variant="subtle"
              size="xs"
              visibleFrom="sm"
              style={{ flexShrink: 0 }}
              onClick={() => void signOut()}
            >
              {t('nav.signOut')}
            </Button>
            <ActionIcon
              variant="subtle"
              color="dark"
              size="lg"
              hiddenFrom="sm"
              aria-label={t('nav.signOut')}
              onClick={() => void signOut()}
            >
              <SignOutIcon />
            </ActionIcon>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.menu')}>
        {NAV_ITEMS.filter((item) => hasRole(...item.roles)).map((item) => (
          <NavLink
            key={item.to}
            component={RouterLink}
            to={item.to}
            label={t(item.label)}
            onClick={close}
          />
        ))}
        {isPhone && (
          <Stack
            gap="xs"
            mt="md"
            pt="md"
            px="xs"
            style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Text size="sm" fw={600}>
              {me?.official.fullName}
            </Text>
            <LanguageSwitch />
          </Stack>
        )}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
