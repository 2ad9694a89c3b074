import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, migrateDatabase, MIGRATIONS_FOLDER } from '@hotline/db';
import { freshDatabaseUrl } from '@hotline/testing';

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
  entries: unknown[];
};

describe('migrations', () => {
  const url = freshDatabaseUrl('migrate');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  afterAll(async () => {
    await sql.end();
    await dropDatabase(url);
  });

  const schemaFingerprint = async () =>
    sql`select table_name, column_name, data_type, is_nullable
        from information_schema.columns where table_schema = 'public'
        order by table_name, column_name`;

  it('create the database and apply every migration to it', async () => {
    await migrateDatabase(url);
    const applied = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(applied[0]?.n).toBe(journal.entries.length);
    const tables =
      await sql`select tablename from pg_tables where schemaname = 'public' order by 1`;
    expect(tables.map((t) => t.tablename as string)).toEqual([
      'admin_audit',
      'admin_units',
      'api_keys',
      'assignment_cursors',
      'attachments',
      'auth_events',
      'blocked_phones',
      'calendar_overrides',
      'calendar_revision',
      'calendars',
      'call_logs',
      'case_events',
      'case_report_facts',
      'case_text_match_runs',
      'case_text_matches',
      'cases',
      'categories',
      'hotlines',
      'idempotency_keys',
      'inbound_messages',
      'notifications',
      'official_tokens',
      'officials',
      'outbox',
      'personal_data_views',
      'reply_templates',
      'routing_rules',
      'sla_policies',
      'totp_recovery_codes',
    ]);
    const [calendar] = await sql`select id, parent_id from calendars`;
    expect(calendar).toEqual({ id: 'default', parent_id: null });
  });

  it('are a no-op the second time', async () => {
    const before = await schemaFingerprint();
    await migrateDatabase(url);
    const applied = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(applied[0]?.n).toBe(journal.entries.length);
    expect(await schemaFingerprint()).toEqual(before);
  });

  it('make case history append-only', async () => {
    await expect(sql`update case_events set type = 'x'`).resolves.toBeDefined(); // no rows: no trigger fires
    await expect(sql`truncate case_events cascade`).rejects.toThrow(/append-only/);
  });
});
