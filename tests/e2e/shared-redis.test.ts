import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshRedisPrefix, waitFor } from '@hotline/testing';
import { getJson, postJson, startSystem, type TestSystem } from '../support/system.js';

// A database recreated or restored from backup starts its sequences again while Redis still
// remembers the job ids it has seen: job ids must not come from a sequence.
describe('a new database on a Redis that served an earlier one', () => {
  const prefix = freshRedisPrefix();
  let first: TestSystem;
  let second: TestSystem;
  beforeAll(async () => {
    first = await startSystem({ redisPrefix: prefix, label: 'first' });
    second = await startSystem({ redisPrefix: prefix, label: 'second' });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  const submitAndWaitRouted = async (sys: TestSystem) => {
    const res = await postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'xay-dung',
      text: 'Nhà xưởng xây trái phép trên đất nông nghiệp.',
    });
    expect(res.status).toBe(201);
    return waitFor(
      async () => {
        const { body } = await getJson(
          sys.baseUrl,
          `/v1/cases/${res.body!.trackingCode as string}`,
        );
        return body.unit ? body : undefined;
      },
      { timeoutMs: 10_000, what: 'routed' },
    );
  };

  it('still routes its cases', async () => {
    await submitAndWaitRouted(first);
    await first.stopWorker();
    // Same outbox row id (1) in the second database, same Redis prefix.
    const view = await submitAndWaitRouted(second);
    expect(view.unit).toEqual({ code: 'triage', name: 'Trung tâm tiếp nhận' });
  });
});
