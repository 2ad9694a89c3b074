import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ON_TIME_DEFINITION } from '@hotline/domain';

// One definition, one wording: the dashboard's locale files say what the domain computes.
const locale = async (lang: 'vi' | 'en') =>
  JSON.parse(
    await readFile(
      new URL(
        `../../services/web/console/src/i18n/locales/dashboard.${lang}.json`,
        import.meta.url,
      ),
      'utf8',
    ),
  ) as { onTime: { definition: string } };

describe('the on-time definition', () => {
  it('reads the same on the dashboard as in the domain function, in both languages', async () => {
    expect((await locale('vi')).onTime.definition).toBe(ON_TIME_DEFINITION.vi);
    expect((await locale('en')).onTime.definition).toBe(ON_TIME_DEFINITION.en);
  });

  it('is written in the architecture guide as well', async () => {
    const guide = (await readFile(new URL('../../docs/architecture.md', import.meta.url), 'utf8'))
      .replace(/\n\s*>\s*/g, ' ')
      .replace(/\s+/g, ' ');
    expect(guide).toContain(ON_TIME_DEFINITION.vi);
    expect(guide).toContain(ON_TIME_DEFINITION.en);
  });
});
