import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { useSearchParams } from 'react-router';
import { drillQuery, drillsOf, intervalFor, type Period } from './period';

/** The JSON a GET endpoint answers with. */
export type GetResult<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type UnitReport = GetResult<'/v1/reports/units'>;
export type UnitRow = UnitReport['rows'][number];
export type Series = GetResult<'/v1/reports/series'>;
export type BacklogSeries = GetResult<'/v1/oversight/backlog-series'>;
export type RungSeries = GetResult<'/v1/oversight/escalation-rungs'>;
export type TransferFlows = GetResult<'/v1/oversight/transfer-flows'>;
export type HotlineSummary = GetResult<'/v1/oversight/hotlines'>;
export type OversightPage = GetResult<'/v1/oversight/overdue'>;
export type OversightItem = OversightPage['items'][number];

/** The oversight lists, by URL slug. */
export const LISTS = ['overdue', 'at-risk', 'escalations', 'transferred'] as const;
export type ListSlug = (typeof LISTS)[number];

// Lists of "now" refresh on their own: a case turning overdue shows up without a reload.
const LIVE = { refetchInterval: 20_000 };

export function useUnitReport(period: Period) {
  const query = { from: period.from, to: period.to, ...drillQuery(period) };
  return useQuery({
    queryKey: ['reports', 'units', query],
    queryFn: async () => unwrap(await api.GET('/v1/reports/units', { params: { query } })),
  });
}

export function useSeries(period: Period) {
  const query = {
    from: period.from,
    to: period.to,
    interval: intervalFor(period),
    ...drillQuery(period),
  };
  return useQuery({
    queryKey: ['reports', 'series', query],
    queryFn: async () => unwrap(await api.GET('/v1/reports/series', { params: { query } })),
  });
}

export function useBacklogSeries(period: Period) {
  const query = {
    from: period.from,
    to: period.to,
    interval: intervalFor(period),
    ...drillQuery(period),
  };
  return useQuery({
    queryKey: ['oversight', 'backlog-series', query],
    queryFn: async () =>
      unwrap(await api.GET('/v1/oversight/backlog-series', { params: { query } })),
  });
}

export function useRungSeries(period: Period) {
  const query = {
    from: period.from,
    to: period.to,
    interval: intervalFor(period),
    ...drillQuery(period),
  };
  return useQuery({
    queryKey: ['oversight', 'escalation-rungs', query],
    queryFn: async () =>
      unwrap(await api.GET('/v1/oversight/escalation-rungs', { params: { query } })),
  });
}

export function useTransferFlows(period: Period) {
  const query = { from: period.from, to: period.to, ...drillQuery(period) };
  return useQuery({
    queryKey: ['oversight', 'transfer-flows', query],
    queryFn: async () =>
      unwrap(await api.GET('/v1/oversight/transfer-flows', { params: { query } })),
  });
}

export function useHotlineSummary(period: Period) {
  const query = { from: period.from, to: period.to, ...drillQuery(period) };
  return useQuery({
    queryKey: ['oversight', 'hotlines', query],
    queryFn: async () => unwrap(await api.GET('/v1/oversight/hotlines', { params: { query } })),
    ...LIVE,
  });
}

/** A page of an oversight list (the API's own path per slug). */
export function useOversightList(list: ListSlug, page: { limit: number; offset: number }) {
  const [params] = useSearchParams();
  const query = { ...page, ...drillQuery({ includeDrills: drillsOf(params) }) };
  return useQuery({
    queryKey: ['oversight', list, query],
    queryFn: async () => unwrap(await api.GET(`/v1/oversight/${list}`, { params: { query } })),
    ...LIVE,
  });
}
