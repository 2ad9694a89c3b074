import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { submitCase } from '@hotline/core';
import { tables } from '@hotline/db';
import { adminRequest, type TestSystem } from './system.js';

const ALL_DAY = [{ start: '00:00', end: '24:00' }];

/** A feedback SLA policy (for one category, or all) whose deadline and ladder are as given. */
export const fastPolicy = (
  categoryCode: string | null,
  p: { resolution: string; rung2After: string; rung3After: string },
) => ({
  caseType: 'feedback',
  categoryCode,
  priority: null,
  acceptance: { duration: 'PT1H', unit: 'working' },
  firstResponse: { duration: 'PT1H', unit: 'working' },
  resolution: { duration: p.resolution, unit: 'working' },
  resolutionComplex: null,
  resolutionFrom: 'receipt',
  warningFraction: 0.5,
  maxExtensions: 2,
  maxExtensionsComplex: 2,
  maxExtension: null,
  escalation: {
    rung2After: { duration: p.rung2After, unit: 'working' },
    rung3After: { duration: p.rung3After, unit: 'working' },
  },
  transferResetsDeadline: false,
});

/**
 * Makes clocks run in seconds: a 24×7 calendar without holidays for every unit, and a
 * feedback policy whose resolution target and escalation ladder are a few seconds long.
 */
export async function useFastClocks(
  sys: TestSystem,
  resolution = 'PT3S',
  ladder: { rung2After: string; rung3After: string } = { rung2After: 'PT2S', rung3After: 'PT2S' },
) {
  const calendar = await adminRequest(sys.baseUrl, 'POST', '/v1/admin/calendars', {
    id: 'always',
    name: '24/7',
    parentId: 'default',
    weekly: Array.from({ length: 7 }, () => ALL_DAY),
    holidays: { enabled: false },
  });
  if (calendar.status !== 201) throw new Error(JSON.stringify(calendar.body));
  await sys.database.db.update(tables.adminUnits).set({ calendarId: 'always' });
  const policy = await adminRequest(
    sys.baseUrl,
    'POST',
    '/v1/admin/sla-policies',
    fastPolicy(null, { resolution, ...ladder }),
  );
  if (policy.status !== 201) throw new Error(JSON.stringify(policy.body));
}

/** Leaders for every rung: the province's and the triage centre's. */
export async function addLeaders(sys: TestSystem) {
  const { db } = sys.database;
  const [province] = await db
    .select({ id: tables.adminUnits.id })
    .from(tables.adminUnits)
    .where(eq(tables.adminUnits.code, 'province'));
  const rows = await db
    .insert(tables.officials)
    .values([
      {
        unitId: province!.id,
        fullName: 'Chủ tịch Tỉnh',
        email: 'chairman@test.gov.vn',
        roles: ['unit_leader', 'hotline_owner'],
      },
      {
        unitId: sys.province.triageUnitId,
        fullName: 'Giám đốc Trung tâm',
        email: 'director@test.gov.vn',
        roles: ['unit_leader'],
      },
      {
        unitId: sys.province.triageUnitId,
        fullName: 'Chuyên viên',
        email: 'handler@test.gov.vn',
        roles: ['handler'],
      },
    ])
    .returning({ id: tables.officials.id });
  return { chairmanId: rows[0]!.id, directorId: rows[1]!.id, handlerId: rows[2]!.id };
}

/** The SLA events of a case, in order, as compact strings. */
export async function slaEvents(sys: TestSystem, caseId: string): Promise<string[]> {
  const rows = await sys.database.db.execute<{
    type: string;
    payload: { target?: string; level?: number };
  }>(sql`
    select type, payload from case_events
    where case_id = ${caseId} and type in ('sla_warning', 'sla_breached', 'escalated')
    order by version`);
  return rows.map((r) =>
    r.type === 'escalated' ? `escalated:${r.payload.level}` : `${r.type}:${r.payload.target}`,
  );
}

/** Web cases filed at `at`, through the intake use case (no HTTP), each under the same text. */
export async function submitCases(sys: TestSystem, n: number, at = new Date()): Promise<string[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const { caseId } = await submitCase(
        { sql: sys.database.raw, randomBytes },
        {
          body: { categoryCode: 'moi-truong', text: 'Khói từ lò đốt rác gây ô nhiễm.' },
          channel: 'web',
          actor: { kind: 'citizen' },
        },
        at,
      );
      return caseId;
    }),
  );
}
