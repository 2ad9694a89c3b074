import { sql } from 'drizzle-orm';
import type { Database } from '@hotline/db';
import { waitFor } from '@hotline/testing';

/** Waits until `count` routed events exist, lets late duplicates land, then returns per-case counts. */
export async function routedEventsPerCase(db: Database, count: number): Promise<number[]> {
  await waitFor(
    async () => {
      const [row] = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from case_events where type = 'routed'`,
      );
      return row && row.n >= count ? true : undefined;
    },
    { timeoutMs: 20_000, what: `${count} routed events` },
  );
  await new Promise((r) => setTimeout(r, 500));
  const rows = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from case_events where type = 'routed' group by case_id`,
  );
  return rows.map((r) => r.n);
}
