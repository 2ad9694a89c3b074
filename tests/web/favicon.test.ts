import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../support/system.js';

describe('the portal and the console have an icon', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ label: 'favicon', withWorker: false });
  }, 60_000);
  afterAll(async () => {
    await sys?.close();
  });

  it.each([['/'], ['/console/']])('%s names an SVG icon that is served', async (path) => {
    const html = await (await fetch(sys.baseUrl + path)).text();
    const href = /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const icon = await fetch(new URL(href!, sys.baseUrl + path));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
  });
});
