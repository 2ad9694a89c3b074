import { Button, Group, ScrollArea, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AA_TEXT } from '../../components/admin/aa-text';
import { Link, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { NotFoundPage } from '../not-found-page';
import { useOversightList } from './dashboard-data';
import { HotlineCases } from './hotline-cases';
import { LeaderView } from './leader-view';
import { OversightList } from './oversight-list';
import { Overview } from './overview';
import { periodOf, periodParams } from './period';
import { PeriodPicker } from './period-picker';
import { DrillToggle } from './drill-toggle';
import { NotForYou } from './not-for-you';

const PAGE = { limit: 1, offset: 0 };

/** The dashboard's sections as links (each its own URL); lists show how many they hold. */
function Sections() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const period = periodParams(periodOf(params));
  const search = `?${new URLSearchParams(period).toString()}`;
  const counts = {
    overdue: useOversightList('overdue', PAGE).data?.total,
    'at-risk': useOversightList('at-risk', PAGE).data?.total,
    escalations: useOversightList('escalations', PAGE).data?.total,
    transferred: useOversightList('transferred', PAGE).data?.total,
  };
  const items = [
    { to: '/dashboard', label: t('dashboard.sections.overview') },
    ...(Object.keys(counts) as (keyof typeof counts)[]).map((list) => ({
      to: `/dashboard/lists/${list}`,
      label: t(`dashboard.lists.${list}`),
      count: counts[list],
    })),
    { to: '/dashboard/hotlines', label: t('dashboard.sections.hotlines') },
  ];
  const isCurrent = (to: string) =>
    to === '/dashboard' ? pathname.replace(/\/$/, '') === '/dashboard' : pathname.startsWith(to);

  return (
    <ScrollArea
      type="auto"
      offsetScrollbars
      component="nav"
      aria-label={t('dashboard.sections.label')}
    >
      <Group gap={6} wrap="nowrap" w="max-content">
        {items.map((item) => (
          <Button
            key={item.to}
            component={Link}
            to={`${item.to}${search}`}
            variant={isCurrent(item.to) ? 'filled' : 'default'}
            size="sm"
            aria-current={isCurrent(item.to) ? 'page' : undefined}
            rightSection={
              'count' in item && item.count !== undefined ? (
                <span aria-label={t('dashboard.lists.count', { count: item.count })}>
                  ({item.count})
                </span>
              ) : undefined
            }
          >
            {item.label}
          </Button>
        ))}
      </Group>
    </ScrollArea>
  );
}

/**
 * The supervisors' dashboard: what is overdue or at risk across the official's
 * scope, escalations and cases passed around, the period's charts, and the leader view of
 * each hotline. The API scopes every figure to what the official may see.
 */
export function DashboardRoutes() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const period = periodOf(params);
  if (!hasRole('supervisor', 'auditor', 'unit_leader', 'hotline_owner', 'admin')) {
    return <NotForYou title={t('dashboard.title')} message={t('dashboard.notForYou')} />;
  }
  const usesPeriod = !pathname.includes('/lists/');

  return (
    <Stack gap="md" style={AA_TEXT}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={2}>{t('dashboard.title')}</Title>
        <Group gap="md" align="flex-end" wrap="wrap">
          {usesPeriod && <PeriodPicker />}
          <DrillToggle />
        </Group>
      </Group>
      <Sections />
      <Routes>
        <Route index element={<Overview period={period} />} />
        <Route path="lists/:list" element={<OversightList />} />
        <Route path="hotlines" element={<LeaderView period={period} />} />
        <Route path="hotlines/:hotlineId" element={<HotlineCases period={period} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Stack>
  );
}
