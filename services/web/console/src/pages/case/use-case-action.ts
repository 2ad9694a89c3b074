import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { isVersionConflict, problemOf, type ApiProblem } from '../../components/api-errors';
import type { PageNoticeState } from '../../components/page-notice';
import { useConsoleReference } from '../../components/use-reference';
import type { ActionName, CaseDetail } from './case-types';

type Body = Record<string, unknown>;

/**
 * Runs an action on the case as the page last read it: the case's version goes along, so a
 * change by someone else in between is a 409 — then the page reloads the case and says so.
 */
export function useCaseAction(detail: CaseDetail, queryKey: readonly unknown[]) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { hasRole } = useSession();
  const reference = useConsoleReference();
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const settle = async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey }),
      client.invalidateQueries({ queryKey: ['queue'] }),
      client.invalidateQueries({ queryKey: ['my-notifications'] }),
    ]);
  };

  const mutation = useMutation({
    mutationFn: async ({ action, body }: { action: ActionName; body: Body | FormData }) => {
      const path = { id: detail.id };
      if (body instanceof FormData) {
        // Multipart: the schema has no JSON body for it; the CSRF middleware still applies.
        return unwrap(
          await api.POST('/v1/cases/{id}/official-attachments', {
            params: { path },
            body: body as never,
            bodySerializer: (b: unknown) => b as FormData,
          }),
        );
      }
      // Every action takes the case ref in the path and its own body: one call shape for all.
      const url = `/v1/cases/{id}/${action}` as '/v1/cases/{id}/comment';
      return unwrap(
        await api.POST(url, {
          params: { path },
          body: { ...body, expectedVersion: detail.version } as never,
        }),
      );
    },
    onMutate: () => setProblem(null),
    onSuccess: async (_data, { action, body }) => {
      if (action === 'transfer') {
        const code = (body as Body).toUnitCode;
        const unit = reference.data?.units.find((u) => u.code === code)?.name ?? String(code);
        const notice = t('case.done.transferTo', { code: detail.trackingCode, unit });
        // A unit's officials no longer see a case their unit gave away: back to their queue,
        // told where it went, rather than left on a page that now says "not found".
        if (!hasRole('operator', 'supervisor', 'admin', 'hotline_owner')) {
          client.removeQueries({ queryKey });
          const state: PageNoticeState = { notice };
          await navigate('/', { state });
          await client.invalidateQueries({ queryKey: ['queue'] });
          return;
        }
        notifications.show({ color: 'green', message: notice });
        await settle();
        return;
      }
      notifications.show({ color: 'green', message: t(`case.done.${action}`) });
      await settle();
    },
    onError: async (e) => {
      const p = problemOf(e);
      setProblem(p);
      if (isVersionConflict(p)) await client.invalidateQueries({ queryKey });
    },
  });

  return {
    run: (action: ActionName, body: Body | FormData) => mutation.mutateAsync({ action, body }),
    isRunning: mutation.isPending,
    problem,
    clearProblem: () => setProblem(null),
  };
}
