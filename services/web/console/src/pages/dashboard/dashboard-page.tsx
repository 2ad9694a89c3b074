import { lazy } from 'react';
import { OnDemand } from '../../components/on-demand';

// The dashboard (and echarts with it) loads only when an official opens it.
const DashboardRoutes = lazy(async () => ({
  default: (await import('./dashboard-routes')).DashboardRoutes,
}));

/** /dashboard/*: the supervisors' dashboard, loaded on demand. */
export function DashboardPage() {
  return (
    <OnDemand>
      <DashboardRoutes />
    </OnDemand>
  );
}
