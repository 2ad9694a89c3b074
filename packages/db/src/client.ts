import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import * as schema from './schema/index.js';

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle; repositories accept either this or the Database. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;

export interface DatabaseOptions {
  /** Pool size. */
  max?: number;
  /**
   * Connections for statements planned each time (searches, reports; default: `max`). Their
   * own, because when every connection is busy postgres.js pipelines a query onto one of them,
   * and a case page must not wait behind a quarter's report.
   */
  plannedEachTimeMax?: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  /** Aborts any statement running longer, so a stuck query cannot hang a request forever. */
  statementTimeoutMs?: number;
}

/** A plain postgres.js client: tagged templates are prepared once per connection. */
export type RawSql = postgres.Sql;

export interface DatabaseHandle {
  db: Database;
  /**
   * A second pool for hot-path statements written as SQL (intake). Drizzle sends raw SQL
   * unprepared, so a statement of several CTEs is parsed and planned on every call; on this
   * client it is prepared once per connection. Never hand it to drizzle.
   */
  raw: RawSql;
  close: () => Promise<void>;
}

/**
 * Opens a pool. Every query goes through drizzle: `drizzle(client)` rewires the client's
 * serializers, so raw template queries on the same client would misbehave (STYLE.md pitfall).
 */
export function createDatabase(url: string, options: DatabaseOptions = {}): DatabaseHandle {
  const clientOptions = {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 5,
    idle_timeout: 30,
    connection: {
      application_name: options.applicationName ?? 'hotline',
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
  } satisfies postgres.Options<Record<string, never>>;
  const client = postgres(url, clientOptions);
  const raw = postgres(url, clientOptions);
  const planned = postgres(url, {
    ...clientOptions,
    max: options.plannedEachTimeMax ?? clientOptions.max,
  });
  const db = drizzle(preparing(client), { schema });
  // Statements sent unnamed, on connections of their own: see plannedEachTime.
  Object.defineProperty(db, PLANNED_EACH_TIME, { value: drizzle(planned, { schema }) });
  return {
    db,
    raw,
    close: async () => {
      await Promise.all([client, raw, planned].map((c) => c.end({ timeout: 5 })));
    },
  };
}

const PLANNED_EACH_TIME = Symbol('plannedEachTime');

/**
 * The same database, with statements planned for their values on every call: for the few
 * whose best plan depends on them (a search for a word in 600,000 cases and for one in 20
 * need opposite plans, and a generic plan guesses a word's frequency) and for reports, which
 * run seldom and over periods of any length. Everything else is prepared and may run on a
 * generic plan (see `preparing`). On connections of their own (`plannedEachTimeMax`); inside a
 * transaction, the transaction itself.
 */
export function plannedEachTime(db: Executor): Executor {
  return (db as unknown as Record<symbol, Database | undefined>)[PLANNED_EACH_TIME] ?? db;
}

/**
 * The client with every statement drizzle sends prepared (named, once per connection).
 * Drizzle sends its statements unnamed, so Postgres parsed, analysed and planned each one on
 * every call: 0.15–0.3 ms per statement to parse, and 2.5 ms to plan the case page's one
 * statement (bench:officials). Prepared, Postgres plans a statement with its values for the
 * first five calls, then keeps a generic plan if it costs no more (plan_cache_mode=auto): the
 * lookups by key that make up most statements plan once per connection. Statements whose
 * plan must follow their values go through `plannedEachTime`. A Proxy, because drizzle calls
 * `unsafe` and `begin` on the client and on each transaction's client; postgres.js has no
 * option to prepare `unsafe` by default.
 */
function preparing(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          // Drizzle passes `prepare: false` explicitly: overridden, that is the point.
          target.unsafe(query, params as postgres.ParameterOrJSON<never>[], {
            ...options,
            prepare: true,
          });
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: postgres.Sql) => unknown;
          const method = Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown;
          return method.call(target, ...args, (tx: postgres.Sql) => callback(preparing(tx)));
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/**
 * Runs `fn` in a transaction: a new one on a pool, or the one `sql` already is (a use case
 * called inside a caller's transaction, e.g. under an idempotency key, joins it).
 */
export async function inTransaction<T>(sql: RawSql, fn: (tx: RawSql) => Promise<T>): Promise<T> {
  if (typeof (sql as { begin?: unknown }).begin !== 'function') return fn(sql);
  // A TransactionSql runs the same tagged statements as the pool it came from.
  return (await sql.begin((tx) => fn(tx as unknown as RawSql))) as T;
}
