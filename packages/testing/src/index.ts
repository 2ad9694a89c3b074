export { createTestDatabase, freshDatabaseUrl, type TestDatabase } from './test-database.js';
export { freshRedisPrefix, deleteRedisPrefix } from './test-redis.js';
export { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
export { seedSmallProvince, TEST_ADMIN_TOKEN, type SmallProvince } from './fixtures.js';
export { waitFor } from './wait-for.js';
export {
  startPrivateRedis,
  redisServerPath,
  freeTcpPort,
  type PrivateRedis,
} from './private-redis.js';
