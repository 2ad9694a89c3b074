import type { SlaPolicyBody, SlaPolicyView } from '@hotline/contracts';
import {
  deleteSlaPolicyRow,
  findCategoryCodes,
  findCategoryIdByCode,
  insertSlaPolicyRow,
  listSlaPolicyRows,
  updateSlaPolicyRow,
  type Database,
  type SlaPolicyWrite,
} from '@hotline/db';
import {
  CASE_TYPES,
  DEFAULT_SLA_POLICIES,
  parseIsoDuration,
  type SlaPolicy,
  type SlaTarget,
} from '@hotline/domain';
import { AppError, validationFailed, type FieldProblem } from '../errors.js';

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

export async function createSlaPolicy(deps: { db: Database }, body: SlaPolicyBody) {
  const write = await toWrite(deps.db, body);
  try {
    const created = await insertSlaPolicyRow(deps.db, write);
    return toView(created, await findCategoryCodes(deps.db), false);
  } catch (err) {
    throw uniqueViolation(err) ?? err;
  }
}

export async function replaceSlaPolicy(deps: { db: Database }, id: string, body: SlaPolicyBody) {
  const write = await toWrite(deps.db, body);
  let updated: SlaPolicy | null;
  try {
    updated = await updateSlaPolicyRow(deps.db, id, write);
  } catch (err) {
    throw uniqueViolation(err) ?? err;
  }
  if (!updated) throw new AppError('POLICY_NOT_FOUND', `no SLA policy ${id}`);
  return toView(updated, await findCategoryCodes(deps.db), false);
}

export async function deleteSlaPolicy(deps: { db: Database }, id: string) {
  if (!(await deleteSlaPolicyRow(deps.db, id)))
    throw new AppError('POLICY_NOT_FOUND', `no SLA policy ${id}`);
}
