import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startSystem, type TestSystem } from '../support/system.js';

/** One phone number may file only so many cases per window, from any address. */
describe('new cases per phone number', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({
      label: 'phone_limit',
      withWorker: false,
      env: { PHONE_CASE_LIMIT: '2', PHONE_CASE_WINDOW_MS: '1500' },
    });
  });
  afterAll(() => sys.close());

  const submit = (phone: string, n: number) =>
    postJson(sys.baseUrl, '/v1/cases', {
      categoryCode: 'xay-dung',
      text: `Phản ánh số ${n} về công trình xây dựng trái phép.`,
      citizen: { phone },
    });

  it('answers 429 with Retry-After past the limit, whatever the number’s spelling, then recovers', async () => {
    expect((await submit('0912 000 111', 1)).status).toBe(201);
    expect((await submit('+84912000111', 2)).status).toBe(201);
    const res = await fetch(`${sys.baseUrl}/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        categoryCode: 'xay-dung',
        text: 'Phản ánh số 3 về công trình xây dựng trái phép.',
        citizen: { phone: '84912000111' },
      }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another number is not held back; nor is the first once the window has passed.
    expect((await submit('0912 000 222', 4)).status).toBe(201);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await submit('0912000111', 5)).status).toBe(201);
  });
});
