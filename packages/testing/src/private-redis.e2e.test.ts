import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { redisServerPath, startPrivateRedis } from './private-redis.js';

describe.skipIf(redisServerPath() === null)('a private redis-server', () => {
  it('comes back empty on the same port after a SIGKILL', async () => {
    const server = await startPrivateRedis();
    const client = new Redis(server.url, { maxRetriesPerRequest: 1 });
    client.on('error', () => {});
    try {
      await client.set('k', 'v');
      await server.kill('SIGKILL');
      await server.start();
      expect(await client.get('k')).toBeNull();
      expect(await client.config('GET', 'maxmemory-policy')).toEqual([
        'maxmemory-policy',
        'noeviction',
      ]);
    } finally {
      client.disconnect();
      await server.stop();
    }
  });
});
