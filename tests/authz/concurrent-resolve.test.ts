import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, detail, routedCase } from '../case-actions/helpers.js';
import { addOfficial, bearerFor } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';

type Headers = Record<string, string>;

/** Two resolves of one case by its handler at the same moment: the row lock lets one win. */
describe('concurrent resolves of the same case', () => {
  let system: TestSystem;
  let leader: Headers;
  let handler: Headers;
  let handlerId: string;

  beforeAll(async () => {
    system = await startSystem({ label: 'authz_concurrent', withWorker: false });
    const { db } = system.database;
    const unit = system.province.triageUnitId;
    leader = await bearerFor(system.baseUrl, await addOfficial(db, unit, ['unit_leader']));
    handlerId = await addOfficial(db, unit, ['handler']);
    handler = await bearerFor(system.baseUrl, handlerId);
  }, 60_000);
  afterAll(async () => {
    await system?.close();
  });

  async function inProgress() {
    const c = await routedCase(system);
    const base = system.baseUrl;
    expect((await act(base, leader, c.caseId, 'assign', { assigneeId: handlerId })).status).toBe(
      200,
    );
    const accepted = await act(base, handler, c.caseId, 'accept');
    expect(accepted.status).toBe(200);
    return { caseId: c.caseId, version: accepted.body.version as number };
  }

  const resolveTwice = (caseId: string, body: Record<string, unknown>) =>
    Promise.all(
      ['Đã xử lý (lần A).', 'Đã xử lý (lần B).'].map((answer) =>
        act(system.baseUrl, handler, caseId, 'resolve', { answer, ...body }),
      ),
    );

  it('with the version read: one 200, one 409 VERSION_CONFLICT carrying the case as it is', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { caseId, version } = await inProgress();
      const replies = await resolveTwice(caseId, { expectedVersion: version });
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      const won = replies.find((r) => r.status === 200)!;
      const lost = replies.find((r) => r.status === 409)!;
      expect(won.body).toMatchObject({ status: 'resolved', version: version + 1 });
      expect(lost.body).toMatchObject({
        code: 'VERSION_CONFLICT',
        current: { status: 'resolved', version: version + 1, assigneeId: handlerId },
      });
      // One resolution recorded, not two.
      const page = await detail(system.baseUrl, handler, caseId);
      const timeline = page.body.timeline as { type: string }[];
      expect(timeline.filter((e) => e.type === 'resolved')).toHaveLength(1);
    }
  });

  it('without a version: one 200, one 409 that says the case is already resolved', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { caseId } = await inProgress();
      const replies = await resolveTwice(caseId, {});
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      const lost = replies.find((r) => r.status === 409)!;
      expect(lost.body).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
      expect(lost.body.message).toMatch(/resolved/);
      const page = await detail(system.baseUrl, handler, caseId);
      expect(page.body.status).toBe('resolved');
      const timeline = page.body.timeline as { type: string }[];
      expect(timeline.filter((e) => e.type === 'resolved')).toHaveLength(1);
    }
  });
});
