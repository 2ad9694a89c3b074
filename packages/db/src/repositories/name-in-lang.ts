import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Lang } from '@hotline/domain';

/**
 * A unit's, hotline's or category's name in the reader's language, as SQL: in English the
 * English name when one was entered, else the Vietnamese (the default, and the stored fact).
 * As `nameIn` in the domain, for names read by queries rather than by code.
 */
export function nameInLang<T extends string | null = string>(
  lang: Lang,
  vi: AnyColumn | SQL,
  en: AnyColumn | SQL,
): SQL<T> {
  return lang === 'en' ? sql<T>`coalesce(nullif(${en}, ''), ${vi})` : sql<T>`${vi}`;
}
