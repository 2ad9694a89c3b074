import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import postgres from 'postgres';
import { maintenanceUrl } from './admin.js';
import { migrateDatabase, MIGRATIONS_FOLDER } from './migrate.js';

/**
 * Test databases are copied from a template migrated once per set of migrations: running the
 * twenty-odd migrations took about 4 s per test file on a busy 2-core machine, a copy about
 * 0.2 s. The template's name carries a hash of the migrations (a changed migration gets a new
 * template) and the time it was built (templates a day old are dropped, so other checkouts
 * testing other migrations at the same moment keep theirs).
 */
const PREFIX = 'hotline_template_';
const STALE_AFTER_S = 24 * 60 * 60;
// Arbitrary constant: one builder at a time on the server ("hotT").
const TEMPLATE_LOCK = 0x686f7454;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const BUSY = '55006'; // object in use: a connection still open on the source database
const MISSING = '3D000'; // no such database: a template dropped between lookup and copy

async function migrationsHash(): Promise<string> {
  const hash = createHash('sha256');
  const names = (await readdir(MIGRATIONS_FOLDER)).filter((n) => n.endsWith('.sql')).sort();
  for (const name of [...names, join('meta', '_journal.json')]) {
    hash.update(name).update(await readFile(join(MIGRATIONS_FOLDER, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Retries a statement while a just-closed connection still holds the source database. */
async function whileBusy<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if ((err as { code?: string }).code !== BUSY || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function ensureTemplate(sql: postgres.Sql, serverUrl: string): Promise<string> {
  const hash = await migrationsHash();
  const find = async () =>
    (
      await sql<{ datname: string }[]>`
        select datname from pg_database
        where datname like ${`${PREFIX}${hash}\\_%`} order by datname desc limit 1`
    )[0]?.datname;
  const ready = await find();
  if (ready) return ready;
  await sql`select pg_advisory_lock(${TEMPLATE_LOCK})`;
  try {
    const built = await find();
    if (built) return built;
    const now = Math.floor(Date.now() / 1000);
    const name = `${PREFIX}${hash}_${now}`;
    const building = `${name}_b`;
    const url = new URL(serverUrl);
    url.pathname = `/${building}`;
    await sql.unsafe(`drop database if exists ${quoteIdent(building)} with (force)`);
    await migrateDatabase(url.toString());
    await whileBusy(() =>
      sql.unsafe(`alter database ${quoteIdent(building)} rename to ${quoteIdent(name)}`),
    );
    const stale = await sql<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${PREFIX}%`}`;
    for (const { datname } of stale) {
      const builtAt = Number(datname.split('_').at(-1));
      if (datname !== name && (!Number.isFinite(builtAt) || now - builtAt > STALE_AFTER_S)) {
        await sql.unsafe(`drop database if exists ${quoteIdent(datname)} with (force)`);
      }
    }
    return name;
  } finally {
    await sql`select pg_advisory_unlock(${TEMPLATE_LOCK})`;
  }
}

/** Creates the database named in the URL as a copy of the migrated template (tests only). */
export async function createMigratedDatabase(databaseUrl: string): Promise<void> {
  const { url, database } = maintenanceUrl(databaseUrl);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 0; ; attempt++) {
      const template = await ensureTemplate(sql, databaseUrl);
      try {
        await whileBusy(() =>
          sql.unsafe(`create database ${quoteIdent(database)} template ${quoteIdent(template)}`),
        );
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== MISSING || attempt >= 2) throw err;
      }
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
