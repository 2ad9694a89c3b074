import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

/** The JSON a GET endpoint answers with. */
export type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

/**
 * A unit as the admin API shows it, with the units below it: the generated type, with the
 * recursive `children` (which the OpenAPI document cannot spell out) typed as units again.
 */
export type UnitNode = Omit<Ok<'/v1/admin/units'>['units'][number], 'children'> & {
  children: UnitNode[];
};

export type Official = Ok<'/v1/admin/officials'>['officials'][number];
export type Hotline = Ok<'/v1/admin/hotlines'>['hotlines'][number];
export type Category = Ok<'/v1/admin/categories'>['categories'][number];
export type Calendar = Ok<'/v1/calendars'>['calendars'][number];

/** The unit tree (inactive and merged units too when asked). */
export function useUnitTree(includeInactive = true) {
  return useQuery({
    queryKey: ['admin', 'units', includeInactive],
    queryFn: async () => {
      const tree = unwrap(
        await api.GET('/v1/admin/units', { params: { query: { includeInactive } } }),
      );
      return tree.units as unknown as UnitNode[];
    },
  });
}

/** Every unit of a tree, depth first, with its depth. */
export function flattenUnits(
  units: readonly UnitNode[],
  depth = 0,
): (UnitNode & { depth: number })[] {
  return units.flatMap((u) => [{ ...u, depth }, ...flattenUnits(u.children, depth + 1)]);
}

/** Select options for units: indented by depth, active ones only unless asked. */
export function unitOptions(units: readonly UnitNode[] | undefined, includeInactive = false) {
  return flattenUnits(units ?? [])
    .filter((u) => includeInactive || u.isActive)
    .map((u) => ({ value: u.code, label: `${'\u2002'.repeat(u.depth)}${u.name}` }));
}

export function useOfficials() {
  return useQuery({
    queryKey: ['admin', 'officials'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/admin/officials', { params: { query: {} } })).officials,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: ['admin', 'categories'],
    queryFn: async () => unwrap(await api.GET('/v1/admin/categories')).categories,
  });
}

export function useHotlines() {
  return useQuery({
    queryKey: ['admin', 'hotlines'],
    queryFn: async () => unwrap(await api.GET('/v1/admin/hotlines')).hotlines,
  });
}

export function useCalendars() {
  return useQuery({
    queryKey: ['calendars'],
    queryFn: async () => unwrap(await api.GET('/v1/calendars')).calendars,
  });
}

/** A field's "required" rule with its message. */
export const required = (message: string) => ({ required: message });

/** Codes as the API takes them: lower-case words of letters and digits joined by hyphens. */
export const CODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
