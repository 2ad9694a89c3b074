import { Button, Group, ScrollArea, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AA_TEXT } from '../../components/admin/aa-text';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { NotFoundPage } from '../not-found-page';
import { CalendarsPage } from './calendars/calendars-page';
import { CategoriesPage } from './categories-page';
import { HotlinesPage } from './hotlines-page';
import { NotificationsPage } from './notifications-page';
import { OfficialsPage } from './officials/officials-page';
import { RoutingPage } from './routing/routing-page';
import { SlaPage } from './sla/sla-page';
import { UnitsPage } from './units/units-page';

export const ADMIN_SECTIONS = [
  'units',
  'officials',
  'hotlines',
  'categories',
  'routing',
  'sla',
  'calendars',
  'notifications',
] as const;

/** The administration pages and their menu (each its own URL). */
export function AdminRoutes() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack gap="md" style={AA_TEXT}>
      <Title order={2}>{t('admin.title')}</Title>
      <ScrollArea
        type="auto"
        offsetScrollbars
        component="nav"
        aria-label={t('admin.sections.label')}
      >
        <Group gap={6} wrap="nowrap" w="max-content">
          {ADMIN_SECTIONS.map((s) => {
            const current = pathname.startsWith(`/admin/${s}`);
            return (
              <Button
                key={s}
                component={Link}
                to={`/admin/${s}`}
                size="sm"
                variant={current ? 'filled' : 'default'}
                aria-current={current ? 'page' : undefined}
              >
                {t(`admin.sections.${s}`)}
              </Button>
            );
          })}
        </Group>
      </ScrollArea>
      <Routes>
        <Route index element={<Navigate to="units" replace />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="officials" element={<OfficialsPage />} />
        <Route path="hotlines" element={<HotlinesPage />} />
        <Route path="categories" element={<CategoriesPage />} />
        <Route path="routing" element={<RoutingPage />} />
        <Route path="sla" element={<SlaPage />} />
        <Route path="calendars" element={<CalendarsPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Stack>
  );
}
