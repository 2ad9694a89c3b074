import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { RULES } from '@hotline/domain';

const dir = new URL('../../services/web/console/src/i18n/locales/', import.meta.url);

/** Every key path of a nested strings object ("queue.filters.status"). */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}
// i18next plural forms differ by language (Vietnamese has one form, English two).
const base = (key: string) => key.replace(/_(one|other|zero|two|few|many)$/, '');

describe('console translations', () => {
  it('English is complete: every area has the same strings in both languages', async () => {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    const areas = new Set(files.map((f) => f.split('.')[0]!));
    expect(areas.has('common')).toBe(true);
    for (const area of areas) {
      const read = async (lang: string) =>
        JSON.parse(await readFile(new URL(`${area}.${lang}.json`, dir), 'utf8')) as unknown;
      const vi = new Set(keysOf(await read('vi')).map(base));
      const en = new Set(keysOf(await read('en')).map(base));
      expect(
        [...vi].filter((k) => !en.has(k)),
        `${area}: missing in English`,
      ).toEqual([]);
      expect(
        [...en].filter((k) => !vi.has(k)),
        `${area}: missing in Vietnamese`,
      ).toEqual([]);
    }
  });

  it('every reason the API gives has words in the console (no code is ever shown)', async () => {
    const api = await readFile(
      new URL('../../services/api/src/errors/messages.ts', import.meta.url),
      'utf8',
    );
    // The API's reasons: the keys of its message table and of the case rules it words.
    const worded = new Set([...api.matchAll(/^ {2,4}([a-z_]+): (?:\(|\[)/gm)].map((m) => m[1]!));
    const reasons = new Set([...worded, ...Object.keys(RULES)]);
    // And every field problem the code raises, so a new one cannot reach a form as a raw code.
    const raised = new Set<string>();
    for (const dir of ['packages/core/src', 'packages/domain/src', 'services/api/src']) {
      const root = new URL(`../../${dir}/`, import.meta.url);
      for (const file of await readdir(root, { recursive: true })) {
        if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
        const text = await readFile(new URL(file, root), 'utf8');
        for (const m of text.matchAll(/\{\s*field:[^{}]*?reason:\s*'([a-z_]+)'/g))
          raised.add(m[1]!);
      }
    }
    expect(raised.size).toBeGreaterThan(30);
    expect(
      [...raised].filter((r) => !reasons.has(r)),
      'messages.ts',
    ).toEqual([]);
    for (const r of raised) reasons.add(r);
    expect(reasons.size).toBeGreaterThan(80);
    for (const lang of ['vi', 'en']) {
      const errors = JSON.parse(await readFile(new URL(`errors.${lang}.json`, dir), 'utf8')) as {
        reason: Record<string, string>;
      };
      expect(
        [...reasons].filter((r) => !(r in errors.reason)),
        `errors.${lang}.json`,
      ).toEqual([]);
    }
  });
});
