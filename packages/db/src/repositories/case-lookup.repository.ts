import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Lang } from '@hotline/domain';
import type { Executor } from '../client.js';
import { nameInLang, nameInLangOrNull } from './name-in-lang.js';
import { adminUnits, cases, categories } from '../schema/index.js';
import { caseScopeCondition, type CaseScope } from './case-scope.repository.js';

/** What a console search was read as: a stored tracking code, an E.164 number, or both. */
export interface CaseLookupKeys {
  /** Normalised (no dash, upper case). */
  trackingCode: string | null;
  /** E.164. */
  phone: string | null;
  /** Whether a phone may find anonymous cases (only roles that see anonymous contacts). */
  isAnonymousSearchable: boolean;
}

/**
 * Cases in the scope with this tracking code or from this citizen's phone, newest first, at
 * most `limit` (each key is answered by its own unique or partial index).
 */
export async function lookupCasesInScope(
  db: Executor,
  scope: CaseScope,
  keys: CaseLookupKeys,
  limit: number,
  lang: Lang = 'vi',
) {
  const matches: SQL[] = [];
  if (keys.trackingCode) matches.push(eq(cases.trackingCode, keys.trackingCode));
  if (keys.phone) {
    matches.push(
      keys.isAnonymousSearchable
        ? eq(cases.citizenPhone, keys.phone)
        : and(eq(cases.citizenPhone, keys.phone), eq(cases.isAnonymous, false))!,
    );
  }
  if (matches.length === 0) return [];
  return db
    .select({
      id: cases.id,
      trackingCode: cases.trackingCode,
      status: cases.status,
      slaState: cases.slaState,
      receivedAt: cases.receivedAt,
      categoryCode: categories.code,
      categoryName: nameInLang(lang, categories.name, categories.nameEn),
      unitCode: adminUnits.code,
      unitName: nameInLangOrNull(lang, adminUnits.name, adminUnits.nameEn),
      excerpt: sql<string>`left(${cases.text}, 200)`,
    })
    .from(cases)
    .innerJoin(categories, eq(categories.id, cases.categoryId))
    .leftJoin(adminUnits, eq(adminUnits.id, cases.unitId))
    .where(and(or(...matches), caseScopeCondition(scope)))
    .orderBy(desc(cases.receivedAt), desc(cases.id))
    .limit(limit);
}
