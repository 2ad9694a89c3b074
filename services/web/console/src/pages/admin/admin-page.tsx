import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { OnDemand } from '../../components/on-demand';
import { NotForYou } from '../dashboard/not-for-you';

const AdminRoutes = lazy(async () => ({ default: (await import('./admin-routes')).AdminRoutes }));

/** /admin/*: administration, for administrators only; loaded on demand. */
export function AdminPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  if (!hasRole('admin')) {
    return <NotForYou title={t('admin.title')} message={t('admin.notForYou')} />;
  }
  return (
    <OnDemand>
      <AdminRoutes />
    </OnDemand>
  );
}
