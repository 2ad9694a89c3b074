import type { Role } from '../auth/session';

/** The console's sections and who sees them (the API enforces the same in every request). */
export const NAV_ITEMS: { to: string; label: string; roles: Role[] }[] = [
  { to: '/queues/mine', label: 'nav.myQueue', roles: ['handler', 'unit_leader'] },
  { to: '/queues/unit', label: 'nav.unitQueue', roles: ['handler', 'unit_leader', 'operator'] },
  { to: '/queues/unassigned', label: 'nav.unassigned', roles: ['unit_leader', 'operator'] },
  { to: '/queues/escalated', label: 'nav.escalated', roles: ['unit_leader', 'hotline_owner'] },
  {
    to: '/queues/all',
    label: 'nav.allCases',
    roles: ['supervisor', 'auditor', 'admin', 'hotline_owner'],
  },
  {
    to: '/calls/new',
    label: 'nav.logCall',
    roles: ['operator', 'hotline_owner', 'supervisor', 'admin'],
  },
  {
    to: '/dashboard',
    label: 'nav.dashboard',
    roles: ['supervisor', 'auditor', 'unit_leader', 'hotline_owner', 'admin'],
  },
  { to: '/moderation', label: 'nav.moderation', roles: ['unit_leader', 'supervisor', 'admin'] },
  { to: '/templates', label: 'nav.templates', roles: ['unit_leader', 'admin'] },
  { to: '/admin', label: 'nav.admin', roles: ['admin'] },
];
