import { describe, expect, it } from 'vitest';
import { QueueCountCache } from './count-cache.js';

const counts = (total: number, isCapped = false) => ({ total, isCapped });

describe('QueueCountCache', () => {
  const options = { ttlMs: 10_000, minTotal: 2_000, maxEntries: 2 };

  it('always recounts a small queue, so a new case shows at once', async () => {
    const cache = new QueueCountCache(options);
    let calls = 0;
    const count = async () => counts(++calls);
    expect((await cache.get('q', 0, count)).total).toBe(1);
    expect((await cache.get('q', 1, count)).total).toBe(2);
  });

  it('reuses a large or capped count until it expires', async () => {
    const cache = new QueueCountCache(options);
    let calls = 0;
    const large = async () => counts(5_000 + ++calls);
    expect((await cache.get('big', 0, large)).total).toBe(5_001);
    expect((await cache.get('big', 9_999, large)).total).toBe(5_001);
    expect((await cache.get('big', 10_000, large)).total).toBe(5_002);
    const capped = async () => counts(1_000, true);
    await cache.get('search', 0, capped);
    expect(await cache.get('search', 5, async () => counts(0))).toEqual(counts(1_000, true));
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = new QueueCountCache(options);
    for (const key of ['a', 'b', 'c']) await cache.get(key, 0, async () => counts(3_000));
    expect((await cache.get('a', 1, async () => counts(4_000))).total).toBe(4_000);
    expect((await cache.get('c', 1, async () => counts(4_000))).total).toBe(3_000);
  });
});
