import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { changeCase, routeCase, submitCase, transferCase } from '@hotline/core';
import { tables } from '@hotline/db';
import type { Principal } from '@hotline/domain';
import { addOfficial } from '../support/officials.js';
import type { TestSystem } from '../support/system.js';

const DAY = 86_400_000;

/**
 * A hand-computed province for the on-time figures, written in the past (deadlines are 10
 * working days; 60 days ago is past any of them) and read "now":
 *   centre (A)   a1 resolved on time; a2, a3 open and overdue; a4 received an hour ago;
 *                X received, then transferred to the department (as b1 and d1).
 *   department   X resolved on time, rated 5, reopened (new deadline, passed: overdue);
 *   (B)          b1 resolved on time.
 *   commune      d1 resolved on time.
 * Rates: commune 1/1; department 2/(2 + 1); centre 1/(1 + 2). Resolved-only rates would put
 * the centre at 100 % beside the commune.
 */
export async function seedOnTimeProvince(sys: TestSystem, now: number) {
  const ago = (days: number, hours = 0) => new Date(now - days * DAY + hours * 3_600_000);
  const { db } = sys.database;
  const p = sys.province;
  const [commune] = await db
    .select()
    .from(tables.adminUnits)
    .where(eq(tables.adminUnits.code, 'huyen-a'));
  const communeId = commune!.id;
  const official = async (unitId: string, roles: ('handler' | 'unit_leader')[]) => {
    const officialId = await addOfficial(db, unitId, roles);
    const who: Principal = { kind: 'official', officialId, roles, scopeUnitIds: new Set([unitId]) };
    return { officialId, who };
  };
  const hA = await official(p.triageUnitId, ['handler']);
  const lA = await official(p.triageUnitId, ['unit_leader']);
  const hB = await official(p.departmentUnitId, ['handler']);
  const lB = await official(p.departmentUnitId, ['unit_leader']);
  const hD = await official(communeId, ['handler']);
  const lD = await official(communeId, ['unit_leader']);
  const operator: Principal = {
    kind: 'official',
    officialId: await addOfficial(db, p.triageUnitId, ['operator']),
    roles: ['operator'],
  };
  const citizen: Principal = { kind: 'citizen' };
  const deps = { db };
  let n = 0;
  /** A case received at `when`, routed to the centre a second later. */
  const submit = async (when: Date) => {
    n += 1;
    const { caseId, trackingCode } = await submitCase(
      { sql: sys.database.raw, randomBytes },
      {
        body: {
          categoryCode: 'xay-dung',
          text: `Phản ánh số ${n} về công trình xây dựng trái phép.`,
          citizen: { name: 'Lê Thị Dân', phone: `0913${String(100000 + n).slice(-6)}` },
        },
        channel: 'web',
        actor: { kind: 'citizen' },
      },
      when,
    );
    await routeCase(deps, caseId, new Date(when.getTime() + 1000));
    return { caseId, trackingCode };
  };
  type Who = { officialId: string; who: Principal };
  const work = async (caseId: string, handler: Who, leader: Who, when: Date) => {
    const t = (m: number) => new Date(when.getTime() + m * 60_000);
    await changeCase(
      deps,
      caseId,
      { type: 'assigned', assigneeId: handler.officialId },
      leader.who,
      t(0),
    );
    await changeCase(deps, caseId, { type: 'accepted' }, handler.who, t(1));
  };
  const resolve = (caseId: string, handler: Who, when: Date) =>
    changeCase(deps, caseId, { type: 'resolved', resolutionText: 'Đã xử lý.' }, handler.who, when);
  const moveTo = (caseId: string, unitId: string, when: Date) =>
    transferCase(deps, caseId, unitId, 'Thuộc thẩm quyền đơn vị khác', operator, when);

  // The centre.
  const a1 = await submit(ago(60));
  await work(a1.caseId, hA, lA, ago(60, 1));
  await resolve(a1.caseId, hA, ago(59));
  for (const days of [60, 58]) {
    const open = await submit(ago(days));
    await work(open.caseId, hA, lA, ago(days, 1));
  }
  const a4 = await submit(ago(0, -1));
  await work(a4.caseId, hA, lA, ago(0, -0.5));

  // X: the centre receives it and passes it on; the department resolves it on time, the
  // citizen rates it, then reopens it and it stays open past its new deadline.
  const x = await submit(ago(60));
  await moveTo(x.caseId, p.departmentUnitId, ago(60, 2));
  await work(x.caseId, hB, lB, ago(60, 3));
  await resolve(x.caseId, hB, ago(59));
  await changeCase(deps, x.caseId, { type: 'rated', rating: 5 }, citizen, ago(58));
  await changeCase(deps, x.caseId, { type: 'reopened', reason: 'Chưa xong' }, citizen, ago(57));

  // The department's own case, and the commune's.
  const b1 = await submit(ago(50));
  await moveTo(b1.caseId, p.departmentUnitId, ago(50, 1));
  await work(b1.caseId, hB, lB, ago(50, 2));
  await resolve(b1.caseId, hB, ago(49));
  const d1 = await submit(ago(40));
  await moveTo(d1.caseId, communeId, ago(40, 1));
  await work(d1.caseId, hD, lD, ago(40, 2));
  await resolve(d1.caseId, hD, ago(39));
  return { communeId, hA, lA, lB, a4Code: a4.trackingCode };
}
