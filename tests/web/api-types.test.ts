import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateApiTypes } from '../../services/web/scripts/generate-api-types.js';

describe("the console's API client types", () => {
  it('match the API’s OpenAPI document (run `pnpm --filter @hotline/web gen:api` after changing an API schema)', async () => {
    const committed = await readFile(
      new URL('../../services/web/console/src/api/schema.d.ts', import.meta.url),
      'utf8',
    );
    expect(committed === (await generateApiTypes())).toBe(true);
  }, 60_000);
});
