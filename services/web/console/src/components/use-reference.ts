import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';

const HOUR = 3_600_000;

/** A name as the console shows it: the English one in English when entered, else Vietnamese. */
export function localName(lang: string, item: { name: string; nameEn?: string | null }): string {
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}

/**
 * Units and hotline numbers (transfer targets, filters, the call form), named in the console's
 * language; rarely change.
 */
export function useConsoleReference() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useQuery({
    queryKey: ['console-reference', lang],
    queryFn: async () => {
      const reference = unwrap(await api.GET('/v1/console/reference'));
      return {
        units: reference.units.map((u) => ({ ...u, name: localName(lang, u) })),
        hotlines: reference.hotlines.map((h) => ({ ...h, name: localName(lang, h) })),
      };
    },
    staleTime: HOUR,
  });
}

/**
 * The categories a case is filed under, named in the console's language; officials logging a
 * drill may pick drill categories.
 */
export function useCategories() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return useQuery({
    queryKey: ['categories', lang],
    queryFn: async () =>
      unwrap(await api.GET('/v1/categories', { params: { query: { includeDrills: true, lang } } }))
        .categories,
    staleTime: HOUR,
  });
}

/** Communes and wards, for filters and forms. */
export function communesOf(units: readonly { code: string; name: string; kind: string }[]) {
  return units.filter((u) => u.kind === 'commune');
}
