import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  ENV_DOCS_COMMAND,
  ENV_DOCS_PATH,
  ENV_TABLE_END,
  ENV_TABLE_START,
  envTableMarkdown,
  withEnvTable,
} from './env-docs.js';
import { EnvSchema } from './env.schema.js';
import { PRODUCTION_REFUSALS } from './production-refusals.js';

const committed = () => readFile(new URL(`../../../${ENV_DOCS_PATH}`, import.meta.url), 'utf8');

describe('the environment table of the operations guide', () => {
  it('is the table the config schema generates', async () => {
    const doc = await committed();
    expect(
      doc === withEnvTable(doc),
      `${ENV_DOCS_PATH}'s environment table differs from the config schema: run \`${ENV_DOCS_COMMAND}\``,
    ).toBe(true);
  });

  it('has one row per setting, each refused production value marked', () => {
    const rows = envTableMarkdown()
      .split('\n')
      .filter((line) => line.startsWith('| `'));
    expect(rows.map((row) => /^\| `([A-Z0-9_]+)`/.exec(row)?.[1])).toEqual(
      Object.keys(EnvSchema.properties),
    );
    for (const { variable } of PRODUCTION_REFUSALS) {
      expect(rows.find((row) => row.startsWith(`| \`${variable}\``))).toContain('refused');
    }
  });

  it('replaces only what lies between its markers', () => {
    const doc = `# Ops\n\nbefore\n${ENV_TABLE_START}\nstale\n${ENV_TABLE_END}\nafter\n`;
    const next = withEnvTable(doc);
    expect(next).not.toContain('stale');
    expect(next.startsWith(`# Ops\n\nbefore\n${ENV_TABLE_START}\n`)).toBe(true);
    expect(next.endsWith(`\n${ENV_TABLE_END}\nafter\n`)).toBe(true);
    expect(withEnvTable(next)).toBe(next);
    expect(() => withEnvTable('# no markers')).toThrow(ENV_TABLE_START);
  });
});
