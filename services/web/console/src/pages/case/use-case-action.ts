import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { isVersionConflict, problemOf, type ApiProblem } from '../../components/api-errors';
import type { ActionName, CaseDetail } from './case-types';

type Body = Record<string, unknown>;

/**
 * Runs an action on the case as the page last read it: the case's version goes along, so a
 * change by someone else in between is a 409 — then the page reloads the case and says so.
 */
export function useCaseAction(detail: CaseDetail, queryKey: readonly unknown[]) {
  const { t } = useTranslation();
  const client = useQueryClient();
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
    onSuccess: async (_data, { action }) => {
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
