import { sql, type SQL } from 'drizzle-orm';
import { cases } from '../schema/index.js';
import type { CaseScope } from './case-scope.repository.js';

/*
 * Parts of the case page's one statement that read beyond the case itself: its related cases
 * and the record that the official was shown the citizen's contact. Each is correlated with
 * the page's `cases` row, so the page costs one round trip where it took two (bench:officials:
 * every statement costs ~0.3 ms of CPU on each side of the socket on this machine).
 */

/** How many related cases a page lists. */
export const RELATED_LIMIT = 20;

const p = (name: string) => sql.placeholder(name);

/** Whether the viewer may see who sent an anonymous case (placeholder `seesAnonymous`). */
const contactHidden = sql`(${cases.isAnonymous} and not ${p('seesAnonymous')}::boolean)`;

/**
 * Records that the page showed the citizen's contact (the fields that are set, unless the
 * case is anonymous to this viewer), through hotline_record_view (migration 0019): a
 * function, because a statement may only write in a top-level `with`, and the page's
 * statement is a select. Placeholders: `viewerId`.
 */
export const recordContactView = sql<boolean>`hotline_record_view(${p('viewerId')}::uuid, ${cases.id},
  case when ${contactHidden} then '{}'::text[] else array_remove(array[
    case when ${cases.citizenName} is not null then 'name' end,
    case when ${cases.citizenPhone} is not null then 'phone' end,
    case when ${cases.citizenEmail} is not null then 'email' end,
    case when ${cases.citizenAddress} is not null then 'address' end], null) end,
  'case_detail')`;

/** The scope's condition on the related cases (alias `rc`); see caseScopePlaceholders. */
function scopeOnRelated(kind: CaseScope['kind']): SQL {
  if (kind === 'all') return sql`true`;
  return sql`(rc.unit_id = any(${p('scopeUnitIds')}::uuid[])
    or rc.hotline_id = any(${p('scopeHotlineIds')}::uuid[]))`;
}

/** A related case as the page reads it. */
export interface RelatedCaseRow {
  id: string;
  trackingCode: string;
  status: (typeof cases.$inferSelect)['status'];
  receivedAt: string;
  isSamePhone: boolean;
  isSameCommune: boolean;
  similarity: number;
}

/**
 * Cases related to the page's case, in the viewer's scope: the same phone (any time; not when
 * the contact is hidden from the viewer), the same commune (since placeholder `since`), or a
 * similar text (stored in case_text_matches when the case was routed), most similar first,
 * then newest. Each branch is a bounded index lookup that reads what the list shows; taking
 * RELATED_LIMIT from each is enough, as cases found by phone or commune only come after the
 * similar ones, newest first.
 */
export function relatedCasesOfPage(scopeKind: CaseScope['kind']) {
  const inScope = scopeOnRelated(scopeKind);
  // A constant, not a parameter: with `limit $n` a generic plan is costed as if a tenth of
  // the rows were wanted, and Postgres re-planned the statement on every call.
  const limit = sql.raw(String(RELATED_LIMIT));
  const since = sql`${p('since')}::timestamptz`;
  const phone = sql`(case when ${contactHidden} then null else ${cases.citizenPhone} end)`;
  const shown = sql`rc.id, rc.tracking_code, rc.status, rc.received_at,
    coalesce(rc.citizen_phone = ${phone}, false) as is_same_phone,
    coalesce(rc.commune_unit_id = ${cases.communeUnitId} and rc.received_at >= ${since}, false)
      as is_same_commune`;
  const branch = (condition: SQL) => sql`(select ${shown}, 0::real as similarity from cases rc
    where ${condition} and rc.id <> ${cases.id} and ${inScope}
    order by rc.received_at desc limit ${limit})`;
  return sql<RelatedCaseRow[]>`(select coalesce(json_agg(json_build_object(
      'id', top.id, 'trackingCode', top.tracking_code, 'status', top.status,
      'receivedAt', to_char(top.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      'isSamePhone', top.is_same_phone, 'isSameCommune', top.is_same_commune,
      'similarity', top.similarity) order by top.similarity desc, top.received_at desc), '[]'::json)
    from (select id, tracking_code, status, received_at, is_same_phone, is_same_commune,
        max(similarity)::float8 as similarity
      from (${branch(sql`rc.citizen_phone = ${phone}`)}
        union all ${branch(sql`rc.commune_unit_id = ${cases.communeUnitId} and rc.received_at >= ${since}`)}
        union all (select ${shown}, m.similarity from case_text_matches m
          join cases rc on rc.id = m.match_id where m.case_id = ${cases.id} and ${inScope})) found
      group by id, tracking_code, status, received_at, is_same_phone, is_same_commune
      order by similarity desc, received_at desc
      limit ${limit}) top)`;
}
