import type { RoutingRuleBody } from '@hotline/contracts';
import {
  findCategoriesByCodes,
  findHotlinesByNumbers,
  findOfficialByEmail,
  findUnitsByCodes,
  type Database,
  type RoutingRuleWrite,
} from '@hotline/db';
import { normalizeVietnamesePhone, wordsOf, type RoutingConditions } from '@hotline/domain';
import { validationFailed, type FieldProblem } from '../errors.js';

const unique = <T>(xs: readonly T[] | undefined): T[] => [...new Set(xs ?? [])];

/** Each code of a list resolved to an id; unknown ones are reported by their index. */
async function resolveList(
  field: string,
  codes: readonly string[],
  find: (codes: string[]) => Promise<{ code: string; id: string; isActive?: boolean }[]>,
  unknown: string,
  problems: FieldProblem[],
): Promise<string[]> {
  const found = new Map((await find(unique(codes))).map((r) => [r.code, r]));
  const ids: string[] = [];
  codes.forEach((code, i) => {
    const row = found.get(code);
    if (!row) problems.push({ field: `${field}.${i}`, reason: unknown });
    else if (row.isActive === false)
      problems.push({ field: `${field}.${i}`, reason: 'inactive_unit' });
    else ids.push(row.id);
  });
  return unique(ids);
}

async function resolveHotlines(
  db: Database,
  numbers: readonly string[],
  problems: FieldProblem[],
): Promise<string[]> {
  const normalized = numbers.map((n, i) => {
    const r = normalizeVietnamesePhone(n);
    if (!r.ok) problems.push({ field: `conditions.hotlineNumbers.${i}`, reason: r.reason });
    return r.ok ? r.e164 : null;
  });
  const valid = normalized.filter((n): n is string => n !== null);
  const rows = await findHotlinesByNumbers(db, unique(valid));
  const found = new Map(rows.map((r) => [r.number, r.id]));
  const ids: string[] = [];
  normalized.forEach((n, i) => {
    if (n === null) return;
    const id = found.get(n);
    if (id) ids.push(id);
    else problems.push({ field: `conditions.hotlineNumbers.${i}`, reason: 'unknown_hotline' });
  });
  return unique(ids);
}

function cleanWords(words: readonly string[], problems: FieldProblem[]): string[] {
  const kept: string[] = [];
  words.forEach((w, i) => {
    // A word that folds to nothing (only spaces or punctuation) could never match.
    if (wordsOf(w).length === 0)
      problems.push({ field: `conditions.words.${i}`, reason: 'empty_word' });
    else kept.push(w.normalize('NFC').trim().replace(/\s+/g, ' '));
  });
  return unique(kept);
}

/**
 * Validates a rule as an administrator wrote it and replaces its codes by ids: the target
 * unit exists and is active, every referenced category, hotline and unit exists, words are not
 * empty, and a `named` rule names an active official of the target unit. All problems at once.
 */
export async function resolveRoutingRule(
  db: Database,
  body: RoutingRuleBody,
): Promise<RoutingRuleWrite> {
  const problems: FieldProblem[] = [];
  const name = body.name.normalize('NFC').trim();
  if (name === '') problems.push({ field: 'name', reason: 'too_short', params: { limit: 1 } });
  const c = body.conditions;
  const [target] = await findUnitsByCodes(db, [body.targetUnitCode]);
  if (!target) problems.push({ field: 'targetUnitCode', reason: 'unknown_unit' });
  else if (!target.isActive) problems.push({ field: 'targetUnitCode', reason: 'inactive_unit' });

  const conditions: RoutingConditions = {
    hotlineIds: await resolveHotlines(db, c.hotlineNumbers ?? [], problems),
    channels: unique(c.channels),
    categoryIds: await resolveList(
      'conditions.categoryCodes',
      c.categoryCodes ?? [],
      (codes) => findCategoriesByCodes(db, codes),
      'unknown_category',
      problems,
    ),
    locationUnitIds: await resolveList(
      'conditions.unitCodes',
      c.unitCodes ?? [],
      (codes) => findUnitsByCodes(db, codes),
      'unknown_unit',
      problems,
    ),
    words: cleanWords(c.words ?? [], problems),
    priorities: unique(c.priorities),
  };

  let namedOfficialId: string | null = null;
  const email = body.namedOfficialEmail ?? null;
  if (body.strategy !== 'named') {
    if (email !== null) problems.push({ field: 'namedOfficialEmail', reason: 'only_for_named' });
  } else if (email === null) {
    problems.push({ field: 'namedOfficialEmail', reason: 'required' });
  } else {
    const official = await findOfficialByEmail(db, email);
    if (!official) problems.push({ field: 'namedOfficialEmail', reason: 'unknown_official' });
    else if (!official.isActive) {
      problems.push({ field: 'namedOfficialEmail', reason: 'inactive_official' });
    } else if (target && official.unitId !== target.id) {
      problems.push({ field: 'namedOfficialEmail', reason: 'official_not_in_unit' });
    } else namedOfficialId = official.id;
  }

  if (problems.length > 0 || !target) throw validationFailed(problems);
  return {
    name,
    isActive: body.isActive ?? true,
    conditions,
    targetUnitId: target.id,
    strategy: body.strategy,
    namedOfficialId,
  };
}
