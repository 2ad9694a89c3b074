// Through HTTP, with the credential cache the API runs with: a change to who an official is
// takes effect at once, whether this process made it (the admin API) or another one did
// (a plain SQL write here, as another API process or a script would).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detail, routedCase } from '../case-actions/helpers.js';
import { addOfficial, bearerFor } from '../support/officials.js';
import { adminRequest, startSystem, type TestSystem } from '../support/system.js';

let system: TestSystem;

beforeAll(async () => {
  system = await startSystem({ withWorker: false, label: 'credchange' });
});

afterAll(async () => {
  await system.close();
});

/** Polls a request until it answers `status`, failing after two seconds. */
async function answersSoon(request: () => Promise<{ status: number }>, status: number) {
  const until = Date.now() + 2000;
  let last = await request();
  while (last.status !== status && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    last = await request();
  }
  expect(last.status).toBe(status);
}

const me = (headers: Record<string, string>) =>
  fetch(`${system.baseUrl}/v1/queues/mine`, { headers });

describe('credential changes, with credentials kept in memory', () => {
  it('a token revoked through the admin API is refused on the very next request', async () => {
    const official = await addOfficial(system.database.db, system.province.triageUnitId, [
      'handler',
    ]);
    const headers = await bearerFor(system.baseUrl, official);
    expect((await me(headers)).status).toBe(200);
    expect((await me(headers)).status).toBe(200);
    const tokens = await adminRequest(
      system.baseUrl,
      'GET',
      `/v1/admin/officials/${official}/tokens`,
    );
    expect(tokens.status).toBe(200);
    const tokenId = (tokens.body as unknown as { id: string }[])[0]!.id;
    const revoked = await adminRequest(
      system.baseUrl,
      'DELETE',
      `/v1/admin/officials/${official}/tokens/${tokenId}`,
    );
    expect(revoked.status).toBeLessThan(300);
    expect((await me(headers)).status).toBe(401);
  });

  it('an official deactivated by another process is refused within moments', async () => {
    const official = await addOfficial(system.database.db, system.province.triageUnitId, [
      'handler',
    ]);
    const headers = await bearerFor(system.baseUrl, official);
    expect((await me(headers)).status).toBe(200);
    await system.database.raw`update officials set is_active = false where id = ${official}`;
    await answersSoon(() => me(headers), 401);
  });

  it('a unit moved under a leader’s unit puts its cases in the leader’s scope, and out again', async () => {
    const { caseId } = await routedCase(system);
    const [placed] = await system.database.raw<{ unit_id: string; parent_id: string | null }[]>`
      select c.unit_id, u.parent_id from cases c join admin_units u on u.id = c.unit_id
      where c.id = ${caseId}`;
    const { unit_id: caseUnit, parent_id: oldParent } = placed!;
    const [created] = await system.database.raw<{ id: string }[]>`
      insert into admin_units (code, name, kind) values (${`ldr${Date.now()}`}, 'Sở mới', 'agency')
      returning id`;
    const leaderUnit = created!.id;
    const leader = await addOfficial(system.database.db, leaderUnit, ['unit_leader']);
    const headers = await bearerFor(system.baseUrl, leader);
    expect((await detail(system.baseUrl, headers, caseId)).status).toBe(404);
    expect((await detail(system.baseUrl, headers, caseId)).status).toBe(404);

    await system.database
      .raw`update admin_units set parent_id = ${leaderUnit} where id = ${caseUnit}`;
    await answersSoon(() => detail(system.baseUrl, headers, caseId), 200);

    await system.database
      .raw`update admin_units set parent_id = ${oldParent} where id = ${caseUnit}`;
    await answersSoon(() => detail(system.baseUrl, headers, caseId), 404);
  });
});
