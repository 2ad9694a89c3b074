// Child process of the intake benchmark: serves the real app and a bare baseline route on two
// ports, sharing one database pool, and reports CPU usage on request (over IPC).
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '@hotline/api';
import { createLogger, loadConfigWith } from '@hotline/config';
import { createDatabase, credentialCache } from '@hotline/db';
import { createRedis } from '@hotline/queue';

const [databaseUrl, portArg] = process.argv.slice(2);
if (!databaseUrl) throw new Error('usage: bench-server <database-url> [port]');
// Load from one address: the per-IP limits would answer 429 to most of it.
const config = loadConfigWith({
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '0',
  RATE_LIMIT_READS_PER_MINUTE: '0',
});
const logger = createLogger(config);
// BENCH_POOL=n: another pool size than the API's own default (DATABASE_POOL_SIZE).
const pool = createDatabase(databaseUrl, {
  max: Number(process.env.BENCH_POOL ?? config.databasePoolSize.api),
  applicationName: 'hotline-bench',
});
await pool.db.execute(
  sql`create table if not exists bench_bare (id bigint generated always as identity primary key, body jsonb not null, created_at timestamptz not null default now())`,
);
const redis = createRedis(config.redisUrl, 'probe');

// BENCH_CREDENTIAL_CACHE=0: every request reads its credential from Postgres (for comparison).
const credentials =
  process.env.BENCH_CREDENTIAL_CACHE === '0' ? undefined : credentialCache(databaseUrl);
const real = await buildApp({
  config,
  db: pool.db,
  sql: pool.raw,
  redis,
  logger,
  ...(credentials ? { credentials } : {}),
});
// reusePort: more API processes may share the port (the kernel spreads connections).
// (Node's listen option; Fastify passes it on but its types do not list it.)
await real.listen({
  host: '127.0.0.1',
  port: Number(portArg ?? 0),
  ...({ reusePort: true } as unknown as Record<string, never>),
});

// The baseline: Fastify parsing JSON and doing one INSERT through the same (intake) pool.
const bare = Fastify();
bare.post('/bare', async (request, reply) => {
  await pool.raw`insert into bench_bare (body) values (${JSON.stringify(request.body)}::jsonb)`;
  return reply.status(201).send({ ok: true });
});
await bare.listen({ host: '127.0.0.1', port: 0 });

const portOf = (s: { server: { address(): unknown } }) => (s.server.address() as AddressInfo).port;
process.send?.({ kind: 'ready', realPort: portOf(real), barePort: portOf(bare) });
process.on('message', (msg: { kind: string }) => {
  if (msg.kind === 'cpu') process.send?.({ kind: 'cpu', usage: process.cpuUsage() });
  if (msg.kind === 'stop') {
    void Promise.all([real.close(), bare.close()]).then(async () => {
      redis.disconnect();
      await pool.close();
      process.exit(0);
    });
  }
});
