import { eq } from 'drizzle-orm';
import { routeCase } from '@hotline/core';
import { tables } from '@hotline/db';
import type { OfficialRole } from '@hotline/domain';
import { act, routedCase } from '../case-actions/helpers.js';
import { addOfficial, bearerFor } from '../support/officials.js';
import { postJson, type TestSystem } from '../support/system.js';

type Headers = Record<string, string>;

/** The state a case must be in for an action to be legal (so only role and scope decide). */
export type CaseSetup =
  | 'routed'
  | 'assigned'
  | 'in_progress'
  | 'extension_pending'
  | 'resolution_pending'
  | 'resolved'
  | 'closed';

export const MATRIX_ROLES = [
  'operator',
  'handler',
  'unit_leader',
  'hotline_owner',
  'supervisor',
  'admin',
  'auditor',
] as const satisfies readonly OfficialRole[];
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** Roles whose scope is a unit or a hotline: a case elsewhere does not exist for them. */
export const SCOPED_ROLES: readonly MatrixRole[] = ['handler', 'unit_leader', 'hotline_owner'];

const HOTLINE = '+842393000222';

/**
 * One official per role, each holding only that role. The scoped ones belong to the department
 * (so-xay-dung); the hotline owner owns a hotline of his own. "In scope" cases come through that
 * hotline and sit in the department; "out of scope" cases are web cases in the triage unit.
 */
export interface AuthzWorld {
  headers: Record<MatrixRole, Headers>;
  ids: Record<MatrixRole, string>;
  /** A second handler of the department (target of reassign). */
  handler2Id: string;
  triageLeader: Headers;
  triageHandler: Headers;
  triageHandlerId: string;
  caseIn: (setup: CaseSetup) => Promise<string>;
  caseOut: (setup: CaseSetup) => Promise<string>;
}

export async function buildAuthzWorld(system: TestSystem): Promise<AuthzWorld> {
  const { db } = system.database;
  const base = system.baseUrl;
  const dept = system.province.departmentUnitId;
  const triage = system.province.triageUnitId;
  // Resolutions wait for a leader in both units, so approve/refuse-resolution can be tested.
  await db.update(tables.adminUnits).set({ resolutionNeedsApproval: true });

  const ids = {} as Record<MatrixRole, string>;
  const headers = {} as Record<MatrixRole, Headers>;
  for (const role of MATRIX_ROLES) {
    const unit = SCOPED_ROLES.includes(role) ? dept : triage;
    ids[role] = await addOfficial(db, unit, [role], { fullName: `Matrix ${role}` });
    headers[role] = await bearerFor(base, ids[role]);
  }
  await db.insert(tables.hotlines).values({
    number: HOTLINE,
    displayNumber: '0239 3000 222',
    name: 'Đường dây nóng thử quyền',
    ownerOfficialId: ids.hotline_owner,
    unitId: dept,
  });
  const handler2Id = await addOfficial(db, dept, ['handler']);
  const triageLeaderId = await addOfficial(db, triage, ['unit_leader']);
  const triageHandlerId = await addOfficial(db, triage, ['handler']);
  const triageLeader = await bearerFor(base, triageLeaderId);
  const triageHandler = await bearerFor(base, triageHandlerId);

  let calls = 0;
  const expectOk = (r: { status: number; body: unknown }, what: string) => {
    if (r.status !== 200 && r.status !== 201) {
      throw new Error(`setup ${what}: ${r.status} ${JSON.stringify(r.body)}`);
    }
  };

  /** Moves a case from routed to the asked state, with the unit's leader and handler. */
  async function advance(
    caseId: string,
    setup: CaseSetup,
    leader: Headers,
    handler: Headers,
    handlerId: string,
  ) {
    if (setup === 'routed') return caseId;
    expectOk(await act(base, leader, caseId, 'assign', { assigneeId: handlerId }), 'assign');
    if (setup === 'assigned') return caseId;
    expectOk(await act(base, handler, caseId, 'accept'), 'accept');
    if (setup === 'in_progress') return caseId;
    if (setup === 'extension_pending') {
      const r = await act(base, handler, caseId, 'request-extension', {
        duration: 'P1D',
        reason: 'Cần khảo sát thêm',
      });
      expectOk(r, 'request-extension');
      return caseId;
    }
    if (setup === 'resolution_pending') {
      expectOk(await act(base, handler, caseId, 'resolve', { answer: 'Đã xử lý.' }), 'propose');
      return caseId;
    }
    // A leader's own resolution needs no approval.
    expectOk(await act(base, leader, caseId, 'resolve', { answer: 'Đã xử lý.' }), 'resolve');
    if (setup === 'resolved') return caseId;
    expectOk(await act(base, headers.supervisor, caseId, 'close'), 'close');
    return caseId;
  }

  async function caseIn(setup: CaseSetup) {
    calls += 1;
    const now = Date.now();
    const logged = await postJson(
      base,
      '/v1/calls',
      {
        callerNumber: `09130${String(10000 + calls).slice(-5)}`,
        hotline: HOTLINE,
        startedAt: new Date(now - 120_000).toISOString(),
        endedAt: new Date(now - 60_000).toISOString(),
        summary: `Cuộc gọi ${calls}: công trình xây dựng không phép.`,
        categoryCode: 'xay-dung',
      },
      headers.operator,
    );
    expectOk(logged, 'log call');
    const caseId = (logged.body as { caseId: string }).caseId;
    await routeCase({ db }, caseId, new Date());
    const [row] = await db
      .select({ unitId: tables.cases.unitId })
      .from(tables.cases)
      .where(eq(tables.cases.id, caseId));
    if (row?.unitId !== dept) {
      const r = await act(base, headers.operator, caseId, 'transfer', {
        toUnitCode: 'so-xay-dung',
        reason: 'Thuộc thẩm quyền Sở Xây dựng',
      });
      expectOk(r, 'transfer to department');
    }
    return advance(caseId, setup, headers.unit_leader, headers.handler, ids.handler);
  }

  async function caseOut(setup: CaseSetup) {
    const c = await routedCase(system);
    return advance(c.caseId, setup, triageLeader, triageHandler, triageHandlerId);
  }

  return {
    headers,
    ids,
    handler2Id,
    triageLeader,
    triageHandler,
    triageHandlerId,
    caseIn,
    caseOut,
  };
}
