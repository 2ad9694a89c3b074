import { asc, eq, sql } from 'drizzle-orm';
import type { SlaPolicy } from '@hotline/domain';
import type { Executor } from '../client.js';
import { slaPolicies } from '../schema/index.js';

type Row = typeof slaPolicies.$inferSelect;

const toPolicy = (r: Row): SlaPolicy => ({
  id: r.id,
  caseType: r.caseType,
  categoryId: r.categoryId,
  priority: r.priority,
  acceptance: r.acceptance,
  firstResponse: r.firstResponse,
  resolution: r.resolution,
  resolutionComplex: r.resolutionComplex,
  resolutionFrom: r.resolutionFrom,
  warningFraction: r.warningFraction,
  maxExtensions: r.maxExtensions,
  maxExtensionsComplex: r.maxExtensionsComplex,
  maxExtension: r.maxExtension,
  escalation: r.escalation,
  transferResetsDeadline: r.transferResetsDeadline,
  maxTransfers: r.maxTransfers,
});

/**
 * Every policy as one JSON value, in listSlaPolicyRows's order and shape, for a statement that
 * reads them alongside other things (the case page) instead of in a round trip of their own.
 */
export const slaPoliciesJson = sql<SlaPolicy[]>`(select coalesce(json_agg(json_build_object(
    'id', p.id, 'caseType', p.case_type, 'categoryId', p.category_id, 'priority', p.priority,
    'acceptance', p.acceptance, 'firstResponse', p.first_response, 'resolution', p.resolution,
    'resolutionComplex', p.resolution_complex, 'resolutionFrom', p.resolution_from,
    'warningFraction', p.warning_fraction, 'maxExtensions', p.max_extensions,
    'maxExtensionsComplex', p.max_extensions_complex, 'maxExtension', p.max_extension,
    'escalation', p.escalation, 'transferResetsDeadline', p.transfer_resets_deadline,
    'maxTransfers', p.max_transfers) order by p.case_type, p.created_at), '[]'::json)
  from sla_policies p)`;

export type SlaPolicyWrite = Omit<SlaPolicy, 'id'>;

export async function listSlaPolicyRows(db: Executor): Promise<SlaPolicy[]> {
  const rows = await db
    .select()
    .from(slaPolicies)
    .orderBy(asc(slaPolicies.caseType), asc(slaPolicies.createdAt));
  return rows.map(toPolicy);
}

export async function findSlaPolicyRow(db: Executor, id: string): Promise<SlaPolicy | null> {
  const [row] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, id));
  return row ? toPolicy(row) : null;
}

export async function insertSlaPolicyRow(db: Executor, values: SlaPolicyWrite): Promise<SlaPolicy> {
  const [row] = await db.insert(slaPolicies).values(values).returning();
  return toPolicy(row!);
}

export async function updateSlaPolicyRow(
  db: Executor,
  id: string,
  values: SlaPolicyWrite,
): Promise<SlaPolicy | null> {
  const [row] = await db
    .update(slaPolicies)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(slaPolicies.id, id))
    .returning();
  return row ? toPolicy(row) : null;
}

export async function deleteSlaPolicyRow(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .delete(slaPolicies)
    .where(eq(slaPolicies.id, id))
    .returning({ id: slaPolicies.id });
  return rows.length > 0;
}
