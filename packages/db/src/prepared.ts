import { fillPlaceholders, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

/*
 * Statements built once. Drizzle rebuilds a statement's text from its parts on every call,
 * testing each part's class by walking its prototype chain: for the case page's statements
 * that was a fifth of the API's CPU per request (bench:officials, CPU profile). A hot
 * statement is therefore written with `sql.placeholder`s and built once per database handle.
 */

const perHandle = new WeakMap<object, Map<string, unknown>>();

/** `build()` once per database handle and key (drizzle's prepared queries are per handle). */
export function oncePerHandle<T>(db: Executor, key: string, build: () => T): T {
  let byKey = perHandle.get(db);
  if (!byKey) perHandle.set(db, (byKey = new Map<string, unknown>()));
  if (!byKey.has(key)) byKey.set(key, build());
  return byKey.get(key) as T;
}

const dialect = new PgDialect();

/**
 * A raw SQL statement (what `db.execute` runs) built once: its text and parameters are
 * rendered the first time, and each call only fills in the placeholders' values.
 */
export function compiledStatement<Row>(build: () => SQL) {
  let compiled: { sql: string; params: unknown[] } | null = null;
  return async (db: Executor, values: Record<string, unknown>): Promise<Row[]> => {
    compiled ??= dialect.sqlToQuery(build());
    const client = (db as unknown as { $client?: ExecuteClient }).$client;
    if (!client) throw new Error('compiledStatement needs a database handle, not a transaction');
    return client.unsafe(compiled.sql, fillPlaceholders(compiled.params, values), {
      prepare: true,
    });
  };
}

interface ExecuteClient {
  unsafe<Row>(query: string, params: unknown[], options: { prepare: boolean }): Promise<Row[]>;
}
