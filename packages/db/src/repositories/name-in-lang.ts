import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Lang } from '@hotline/domain';

/**
 * A unit's, hotline's or category's name in the reader's language, as SQL: in English the
 * English name when one was entered, else the Vietnamese (the default, and the stored fact).
 * As `nameIn` in the domain, for names read by queries rather than by code.
 */
export function nameInLang(lang: Lang, vi: AnyColumn | SQL, en: AnyColumn | SQL): SQL<string> {
  return lang === 'en' ? sql<string>`coalesce(nullif(${en}, ''), ${vi})` : sql<string>`${vi}`;
}

/** The same for a left-joined table, whose name may be missing. */
export const nameInLangOrNull = (lang: Lang, vi: AnyColumn | SQL, en: AnyColumn | SQL) =>
  nameInLang(lang, vi, en) as SQL<string | null>;
