import type { SlaPolicyBody, SlaPolicyView } from '@hotline/contracts';
import {
  deleteSlaPolicyRow,
  findCategoryCodes,
  findCategoryIdByCode,
  findSlaPolicyRow,
  insertSlaPolicyRow,
  listSlaPolicyRows,
  updateSlaPolicyRow,
  type Database,
  type Executor,
  type SlaPolicyWrite,
} from '@hotline/db';
import {
  CASE_TYPES,
  DEFAULT_SLA_POLICIES,
  parseIsoDuration,
  type SlaPolicy,
  type SlaTarget,
} from '@hotline/domain';
import { audit, type AdminActor } from '../admin/admin-context.js';
import { AppError, validationFailed, type FieldProblem } from '../errors.js';

const ENTITY = 'sla_policy';

function targetProblems(body: SlaPolicyBody): FieldProblem[] {
  const targets: [string, SlaTarget | null][] = [
    ['acceptance', body.acceptance],
    ['firstResponse', body.firstResponse],
    ['resolution', body.resolution],
    ['resolutionComplex', body.resolutionComplex],
    ['maxExtension', body.maxExtension],
    ['escalation.rung2After', body.escalation.rung2After],
    ['escalation.rung3After', body.escalation.rung3After],
  ];
  return targets
    .filter(([, t]) => t !== null && parseIsoDuration(t.duration) === null)
    .map(([field]) => ({ field: `${field}.duration`, reason: 'invalid_duration' }));
}

async function toWrite(db: Database, body: SlaPolicyBody): Promise<SlaPolicyWrite> {
  const problems = targetProblems(body);
  let categoryId: string | null = null;
  if (body.categoryCode !== null) {
    categoryId = await findCategoryIdByCode(db, body.categoryCode);
    if (!categoryId) problems.push({ field: 'categoryCode', reason: 'unknown_category' });
  }
  if (body.maxExtensionsComplex < body.maxExtensions) {
    problems.push({ field: 'maxExtensionsComplex', reason: 'less_than_max_extensions' });
  }
  if (problems.length > 0) throw validationFailed(problems);
  // categoryCode is replaced by the id it names.
  const { categoryCode, ...rest } = body;
  return { ...rest, categoryId, maxTransfers: body.maxTransfers ?? 3 };
}

const toView = (p: SlaPolicy, codes: Map<string, string>, isDefault: boolean): SlaPolicyView => {
  const { categoryId, ...rest } = p;
  return { ...rest, isDefault, categoryCode: categoryId ? (codes.get(categoryId) ?? null) : null };
};

function uniqueViolation(err: unknown): AppError | null {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505'
    ? new AppError('CONFLICT', 'a policy for this case type, category and priority already exists')
    : null;
}

/** Stored policies, then the built-in default of each case type that none replaces. */
export async function listSlaPolicies(deps: {
  db: Database;
}): Promise<{ policies: SlaPolicyView[] }> {
  const [stored, codes] = await Promise.all([
    listSlaPolicyRows(deps.db),
    findCategoryCodes(deps.db),
  ]);
  const defaults = CASE_TYPES.filter(
    (t) => !stored.some((p) => p.caseType === t && p.categoryId === null && p.priority === null),
  ).map((t) => toView(DEFAULT_SLA_POLICIES[t], codes, true));
  return { policies: [...stored.map((p) => toView(p, codes, false)), ...defaults] };
}

const notFound = (id: string) => new AppError('POLICY_NOT_FOUND', `no SLA policy ${id}`);

/** A stored policy as the API shows it, or 404. */
async function storedView(db: Executor, id: string): Promise<SlaPolicyView> {
  const row = await findSlaPolicyRow(db, id);
  if (!row) throw notFound(id);
  return toView(row, await findCategoryCodes(db), false);
}

export async function createSlaPolicy(
  deps: { db: Database },
  body: SlaPolicyBody,
  by: AdminActor,
): Promise<SlaPolicyView> {
  const write = await toWrite(deps.db, body);
  try {
    return await deps.db.transaction(async (tx) => {
      const created = await insertSlaPolicyRow(tx, write);
      const after = toView(created, await findCategoryCodes(tx), false);
      await audit(tx, by, 'sla_policy.create', ENTITY, created.id, null, after);
      return after;
    });
  } catch (err) {
    throw uniqueViolation(err) ?? err;
  }
}

export async function replaceSlaPolicy(
  deps: { db: Database },
  id: string,
  body: SlaPolicyBody,
  by: AdminActor,
): Promise<SlaPolicyView> {
  const write = await toWrite(deps.db, body);
  try {
    return await deps.db.transaction(async (tx) => {
      const before = await storedView(tx, id);
      const updated: SlaPolicy | null = await updateSlaPolicyRow(tx, id, write);
      if (!updated) throw notFound(id);
      const after = toView(updated, await findCategoryCodes(tx), false);
      await audit(tx, by, 'sla_policy.replace', ENTITY, id, before, after);
      return after;
    });
  } catch (err) {
    throw uniqueViolation(err) ?? err;
  }
}

export async function deleteSlaPolicy(deps: { db: Database }, id: string, by: AdminActor) {
  await deps.db.transaction(async (tx) => {
    const before = await storedView(tx, id);
    if (!(await deleteSlaPolicyRow(tx, id))) throw notFound(id);
    await audit(tx, by, 'sla_policy.delete', ENTITY, id, before, null);
  });
}
