import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@hotline/api';
import { createLogger, loadConfigWith } from '@hotline/config';
import { createDatabase } from '@hotline/db';
import { createRedis } from '@hotline/queue';
import {
  createTestDatabase,
  deleteRedisPrefix,
  freshRedisPrefix,
  seedSmallProvince,
  startTcpProxy,
  type SmallProvince,
  type TcpProxy,
  type TestDatabase,
} from '@hotline/testing';

/** The API (and portal) on a real port, its Postgres behind a TCP proxy a test can cut. */
export interface ProxiedSystem {
  api: FastifyInstance;
  baseUrl: string;
  proxy: TcpProxy;
  /** Direct to Postgres, past the proxy: what the test checks with. */
  database: TestDatabase;
  province: SmallProvince;
  close: () => Promise<void>;
}

export async function startProxiedSystem(
  label: string,
  env: Record<string, string> = {},
): Promise<ProxiedSystem> {
  const database = await createTestDatabase(label);
  const province = await seedSmallProvince(database.db);
  const direct = new URL(database.url);
  const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const proxied = new URL(database.url);
  proxied.host = `127.0.0.1:${proxy.port}`;
  const handle = createDatabase(proxied.toString(), { max: 4 });
  const prefix = freshRedisPrefix();
  const config = loadConfigWith({
    DATABASE_URL: proxied.toString(),
    REDIS_PREFIX: prefix,
    PORT: '0',
    ...env,
  });
  const redis = createRedis(config.redisUrl, 'probe');
  redis.on('error', () => {});
  const api = await buildApp({
    config,
    db: handle.db,
    sql: handle.raw,
    redis,
    logger: createLogger(config),
  });
  await api.listen({ host: '127.0.0.1', port: 0 });
  const { port } = api.server.address() as AddressInfo;
  return {
    api,
    baseUrl: `http://127.0.0.1:${port}`,
    proxy,
    database,
    province,
    close: async () => {
      await api.close();
      redis.disconnect();
      await handle.close();
      await proxy.close();
      await database.drop();
      await deleteRedisPrefix(prefix);
    },
  };
}
