import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

const HOUR = 3_600_000;

/** Units and hotline numbers (transfer targets, filters, the call form); rarely change. */
export function useConsoleReference() {
  return useQuery({
    queryKey: ['console-reference'],
    queryFn: async () => unwrap(await api.GET('/v1/console/reference')),
    staleTime: HOUR,
  });
}

/** The categories a case is filed under; officials logging a drill may pick drill categories. */
export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/categories', { params: { query: { includeDrills: true } } }))
        .categories,
    staleTime: HOUR,
  });
}

/** Communes and wards, for filters and forms. */
export function communesOf(units: readonly { code: string; name: string; kind: string }[]) {
  return units.filter((u) => u.kind === 'commune');
}
