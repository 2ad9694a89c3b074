import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth/session';
import { Shell } from './layout/shell';
import { AdminPage } from './pages/admin/admin-page';
import { CallPage } from './pages/calls/call-page';
import { CasePage } from './pages/case/case-page';
import { DashboardPage } from './pages/dashboard/dashboard-page';
import { ModerationCasePage } from './pages/moderation/moderation-case';
import { ModerationQueuePage } from './pages/moderation/moderation-queue';
import { NotFoundPage } from './pages/not-found-page';
import { PasswordChangePage } from './pages/password-change-page';
import { QueuePage } from './pages/queue/queue-page';
import { SignInPage } from './pages/sign-in-page';
import { TemplatesPage } from './pages/templates/templates-page';

/** Where an official lands: supervisors and auditors on the dashboard, others on their queue. */
function Home() {
  const { hasRole } = useSession();
  // A notice sent along (e.g. after a transfer) goes on to the page landed on.
  const { state } = useLocation() as { state: unknown };
  const to =
    hasRole('supervisor', 'auditor') && !hasRole('handler', 'operator')
      ? '/dashboard'
      : hasRole('operator')
        ? '/queues/unassigned'
        : hasRole('unit_leader')
          ? '/queues/unit'
          : '/queues/mine';
  return <Navigate to={to} replace state={state} />;
}

export function App() {
  const { me, isLoading } = useSession();
  if (isLoading) {
    return (
      <Center h="100vh">
        <Loader aria-label="…" />
      </Center>
    );
  }
  if (!me) {
    return (
      <Routes>
        <Route path="*" element={<SignInPage />} />
      </Routes>
    );
  }
  if (me.mustChangePassword) return <PasswordChangePage />;
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/sign-in" element={<Home />} />
        <Route path="/queues/:queue" element={<QueuePage />} />
        <Route path="/cases/:id" element={<CasePage />} />
        <Route path="/calls/new" element={<CallPage />} />
        <Route path="/dashboard/*" element={<DashboardPage />} />
        <Route path="/moderation" element={<ModerationQueuePage />} />
        <Route path="/moderation/:id" element={<ModerationCasePage />} />
        <Route path="/templates" element={<TemplatesPage />} />
        <Route path="/admin/*" element={<AdminPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Shell>
  );
}
