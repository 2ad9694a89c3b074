import { sql, type SQL } from 'drizzle-orm';

/**
 * A drill case (diễn tập) is one filed under a drill category, held by a drill unit or sent
 * to a drill hotline. Report reads leave them out unless the scope asks for them, so a
 * practice run never moves the province's figures. `alias` names the row holding the case's
 * category_id, unit_id and hotline_id (a report fact `f`, a case `c`, or `cases`).
 */
export function drillsLeftOut(scope: { includeDrills?: boolean }, alias: string): SQL {
  if (scope.includeDrills) return sql`true`;
  const col = (name: string) => sql.raw(`${alias}.${name}`);
  // `x in (…)` is null for a null x: coalesce keeps a case without a unit or hotline.
  return sql`not coalesce(
    ${col('category_id')} in (select id from categories where is_drill)
    or ${col('unit_id')} in (select id from admin_units where is_drill)
    or ${col('hotline_id')} in (select id from hotlines where is_drill), false)`;
}
