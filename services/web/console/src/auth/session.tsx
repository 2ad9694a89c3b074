import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, unwrap } from '../api/client';

export type Role =
  'operator' | 'handler' | 'unit_leader' | 'hotline_owner' | 'supervisor' | 'admin' | 'auditor';

async function fetchMe() {
  const result = await api.GET('/v1/auth/me');
  if (result.response.status === 401) return null;
  const me = unwrap(result);
  setCsrfToken(me.csrfToken);
  return me;
}

type Me = NonNullable<Awaited<ReturnType<typeof fetchMe>>>;

interface SessionValue {
  me: Me | null;
  isLoading: boolean;
  hasRole: (...roles: Role[]) => boolean;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in official (or null), loaded once from /v1/auth/me and after sign-in/out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: Infinity, retry: false });
  const me = query.data ?? null;
  const value: SessionValue = {
    me,
    isLoading: query.isLoading,
    hasRole: (...roles) => !!me && me.official.roles.some((r) => roles.includes(r as Role)),
    refresh: async () => {
      await client.invalidateQueries({ queryKey: ['me'] });
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export { ApiError };
