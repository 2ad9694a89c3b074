import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { RoutingConditions, RoutingRule } from '@hotline/domain';
import type { Executor, Tx } from '../client.js';
import {
  adminUnits,
  assignmentCursors,
  cases,
  categories,
  hotlines,
  officials,
  routingRules,
} from '../schema/index.js';
import { holdsOpenCase, openCasesHeld } from './official-load.js';

/** A stored rule: the matcher's view plus its timestamps. */
export interface RoutingRuleRecord extends RoutingRule {
  createdAt: Date;
  updatedAt: Date;
}

/** What an administrator sets on a rule (its position is managed apart). */
export type RoutingRuleWrite = Omit<RoutingRule, 'id' | 'position'>;

type RuleRow = typeof routingRules.$inferSelect;
type StoredConditions = RuleRow['conditions'];

const toRecord = (r: RuleRow): RoutingRuleRecord => ({
  id: r.id,
  position: r.position,
  name: r.name,
  isActive: r.isActive,
  conditions: r.conditions,
  targetUnitId: r.targetUnitId,
  strategy: r.strategy,
  namedOfficialId: r.namedOfficialId,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

// Only the conditions given are stored; an empty list is no condition at all.
function toStored(c: RoutingConditions): StoredConditions {
  const out: StoredConditions = {};
  if (c.hotlineIds?.length) out.hotlineIds = [...c.hotlineIds];
  if (c.channels?.length) out.channels = [...c.channels];
  if (c.categoryIds?.length) out.categoryIds = [...c.categoryIds];
  if (c.locationUnitIds?.length) out.locationUnitIds = [...c.locationUnitIds];
  if (c.words?.length) out.words = [...c.words];
  if (c.priorities?.length) out.priorities = [...c.priorities];
  return out;
}

/** Every rule, in evaluation order. */
export async function listRoutingRuleRows(db: Executor): Promise<RoutingRuleRecord[]> {
  const rows = await db
    .select()
    .from(routingRules)
    .orderBy(asc(routingRules.position), asc(routingRules.id));
  return rows.map(toRecord);
}

/**
 * The rules routing may use: active, and pointing at a unit that is still active (a rule
 * whose unit was deactivated or merged away is passed over until an administrator fixes it).
 */
export async function listActiveRoutingRules(db: Executor): Promise<RoutingRuleRecord[]> {
  const rows = await db
    .select({ rule: routingRules })
    .from(routingRules)
    .innerJoin(adminUnits, eq(adminUnits.id, routingRules.targetUnitId))
    .where(
      and(
        eq(routingRules.isActive, true),
        eq(adminUnits.isActive, true),
        isNull(adminUnits.mergedIntoId),
      ),
    )
    .orderBy(asc(routingRules.position), asc(routingRules.id));
  return rows.map((r) => toRecord(r.rule));
}

export async function findRoutingRuleRow(
  db: Executor,
  id: string,
): Promise<RoutingRuleRecord | null> {
  const [row] = await db.select().from(routingRules).where(eq(routingRules.id, id));
  return row ? toRecord(row) : null;
}

/**
 * Serialises writers of the rule order for the rest of the transaction. Routing only reads
 * the table and is never blocked.
 */
export async function lockRoutingRules(tx: Tx): Promise<void> {
  await tx.execute(sql`lock table routing_rules in exclusive mode`);
}

export async function insertRoutingRuleRow(
  db: Executor,
  values: RoutingRuleWrite,
  position: number,
): Promise<RoutingRuleRecord> {
  const [row] = await db
    .insert(routingRules)
    .values({ ...values, conditions: toStored(values.conditions), position })
    .returning();
  return toRecord(row!);
}

export async function updateRoutingRuleRow(
  db: Executor,
  id: string,
  values: RoutingRuleWrite,
): Promise<RoutingRuleRecord | null> {
  const [row] = await db
    .update(routingRules)
    .set({ ...values, conditions: toStored(values.conditions), updatedAt: new Date() })
    .where(eq(routingRules.id, id))
    .returning();
  return row ? toRecord(row) : null;
}

export async function deleteRoutingRuleRow(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .delete(routingRules)
    .where(eq(routingRules.id, id))
    .returning({ id: routingRules.id });
  return rows.length > 0;
}

/** Numbers the rules 1, 2, 3… in the order given, writing only the positions that change. */
export async function setRoutingRulePositions(tx: Tx, orderedIds: readonly string[]) {
  const current = new Map(
    (
      await tx.select({ id: routingRules.id, position: routingRules.position }).from(routingRules)
    ).map((r) => [r.id, r.position]),
  );
  for (const [i, id] of orderedIds.entries()) {
    if (current.get(id) !== i + 1) {
      await tx
        .update(routingRules)
        .set({ position: i + 1 })
        .where(eq(routingRules.id, id));
    }
  }
}

/** Units by code, with whether each can still receive cases (active, not merged away). */
export async function findUnitsByCodes(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return [];
  const rows = await db
    .select({
      id: adminUnits.id,
      code: adminUnits.code,
      name: adminUnits.name,
      isActive: adminUnits.isActive,
      mergedIntoId: adminUnits.mergedIntoId,
    })
    .from(adminUnits)
    .where(inArray(adminUnits.code, [...codes]));
  return rows.map(({ mergedIntoId, ...r }) => ({
    ...r,
    isActive: r.isActive && mergedIntoId === null,
  }));
}

export async function findCategoriesByCodes(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ id: categories.id, code: categories.code })
    .from(categories)
    .where(inArray(categories.code, [...codes]));
}

/** Hotlines by E.164 number. */
export async function findHotlinesByNumbers(db: Executor, numbers: readonly string[]) {
  if (numbers.length === 0) return [];
  return db
    .select({ id: hotlines.id, number: hotlines.number, unitId: hotlines.unitId })
    .from(hotlines)
    .where(inArray(hotlines.number, [...numbers]));
}

export async function findOfficialByEmail(db: Executor, email: string) {
  const [row] = await db
    .select({
      id: officials.id,
      email: officials.email,
      unitId: officials.unitId,
      isActive: officials.isActive,
      isAbsent: officials.isAbsent,
    })
    .from(officials)
    .where(eq(sql`lower(${officials.email})`, email.toLowerCase()));
  return row ?? null;
}

/** Codes, numbers and e-mails for the ids rules refer to, to show rules to people. */
export async function findRoutingLabels(
  db: Executor,
  ids: { unitIds: string[]; categoryIds: string[]; hotlineIds: string[]; officialIds: string[] },
) {
  const [units, cats, lines, people] = await Promise.all([
    ids.unitIds.length
      ? db
          .select({
            id: adminUnits.id,
            label: adminUnits.code,
            isActive: adminUnits.isActive,
            mergedIntoId: adminUnits.mergedIntoId,
          })
          .from(adminUnits)
          .where(inArray(adminUnits.id, ids.unitIds))
      : [],
    ids.categoryIds.length
      ? db
          .select({ id: categories.id, label: categories.code })
          .from(categories)
          .where(inArray(categories.id, ids.categoryIds))
      : [],
    ids.hotlineIds.length
      ? db
          .select({ id: hotlines.id, label: hotlines.number })
          .from(hotlines)
          .where(inArray(hotlines.id, ids.hotlineIds))
      : [],
    ids.officialIds.length
      ? db
          .select({ id: officials.id, label: officials.email })
          .from(officials)
          .where(inArray(officials.id, ids.officialIds))
      : [],
  ]);
  const map = (rows: { id: string; label: string }[]) => new Map(rows.map((r) => [r.id, r.label]));
  return {
    units: map(units),
    inactiveUnitIds: new Set(
      units.filter((u) => !u.isActive || u.mergedIntoId !== null).map((u) => u.id),
    ),
    categories: map(cats),
    hotlines: map(lines),
    officials: map(people),
  };
}

/** The units above a unit, nearest first (the unit itself excluded). */
export async function findUnitAncestorIds(db: Executor, unitId: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    with recursive up as (
      select parent_id as id, 1 as depth from admin_units where id = ${unitId}
      union all
      select u.parent_id, up.depth + 1
      from admin_units u join up on u.id = up.id
      where up.depth < 32
    )
    select id from up where id is not null order by depth`);
  return rows.map((r) => r.id);
}

/** What routing needs beyond the case's state: its text and its hotline's unit. */
export async function findRoutingFacts(db: Executor, caseId: string) {
  const [row] = await db
    .select({ text: cases.text, hotlineUnitId: hotlines.unitId })
    .from(cases)
    .leftJoin(hotlines, eq(hotlines.id, cases.hotlineId))
    .where(eq(cases.id, caseId));
  return row ?? null;
}

/** The routing facts of several cases in one read. */
export async function findRoutingFactsOf(db: Executor, caseIds: readonly string[]) {
  const rows = await db
    .select({ id: cases.id, text: cases.text, hotlineUnitId: hotlines.unitId })
    .from(cases)
    .leftJoin(hotlines, eq(hotlines.id, cases.hotlineId))
    .where(inArray(cases.id, [...caseIds]));
  return new Map(rows.map(({ id, ...facts }) => [id, facts]));
}

const availableHandler = (unitId: string) =>
  and(
    eq(officials.unitId, unitId),
    eq(officials.isActive, true),
    eq(officials.isAbsent, false),
    sql`'handler' = any(${officials.roles})`,
  );

/** For a `named` rule: whether the official is active, present and still in the unit. */
export async function isOfficialAvailable(db: Executor, officialId: string, unitId: string) {
  const [row] = await db
    .select({ id: officials.id })
    .from(officials)
    .where(
      and(
        eq(officials.id, officialId),
        eq(officials.unitId, unitId),
        eq(officials.isActive, true),
        eq(officials.isAbsent, false),
      ),
    );
  return row !== undefined;
}

/**
 * Round robin over the unit's available handlers (active, present, role handler), by id. The
 * counter is bumped atomically and its row stays locked until commit, so concurrent assigners
 * each take the next turn; a rolled-back assignment gives its turn back. Null: no handler.
 */
export async function pickRoundRobin(tx: Tx, unitId: string): Promise<string | null> {
  const handlers = await tx
    .select({ id: officials.id })
    .from(officials)
    .where(availableHandler(unitId))
    .orderBy(asc(officials.id));
  if (handlers.length === 0) return null;
  const [cursor] = await tx
    .insert(assignmentCursors)
    .values({ unitId, counter: 1 })
    .onConflictDoUpdate({
      target: assignmentCursors.unitId,
      set: { counter: sql`${assignmentCursors.counter} + 1` },
    })
    .returning({ counter: assignmentCursors.counter });
  return handlers[(cursor!.counter - 1) % handlers.length]!.id;
}

/**
 * The unit's available handler with the fewest open cases (ties by id). The unit's cursor row
 * is locked first, so concurrent assigners count one after another and each sees the
 * assignments committed before it. `pending`: cases this transaction has given officials but
 * not written yet (the earlier cases of a batch), counted as theirs. Null: no handler.
 */
export async function pickLeastOpen(
  tx: Tx,
  unitId: string,
  pending: ReadonlyMap<string, number> = new Map(),
): Promise<string | null> {
  await tx.insert(assignmentCursors).values({ unitId }).onConflictDoNothing();
  await tx
    .select({ unitId: assignmentCursors.unitId })
    .from(assignmentCursors)
    .where(eq(assignmentCursors.unitId, unitId))
    .for('update');
  const open = openCasesHeld();
  const rows = await tx
    .select({ id: officials.id, open })
    .from(officials)
    .leftJoin(cases, holdsOpenCase)
    .where(availableHandler(unitId))
    .groupBy(officials.id);
  let best: { id: string; load: number } | null = null;
  for (const r of rows) {
    const load = Number(r.open) + (pending.get(r.id) ?? 0);
    // Lower-case uuids compare as text in the order Postgres compares them.
    if (!best || load < best.load || (load === best.load && r.id < best.id))
      best = { id: r.id, load };
  }
  return best?.id ?? null;
}
