import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The dashboard (and echarts with it) loads only when an official opens it.
const DashboardRoutes = lazy(async () => ({
  default: (await import('./dashboard-routes')).DashboardRoutes,
}));

/** /dashboard/*: the supervisors' dashboard (issue 7), loaded on demand. */
export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      }
    >
      <DashboardRoutes />
    </Suspense>
  );
}
