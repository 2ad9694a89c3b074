import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCase, submitCase } from '@hotline/core';
import { tables } from '@hotline/db';
import { launchBrowser, newContext, screenshot } from '../support/browser.js';
import { addSignInOfficial } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { poll, signInByKeyboard } from './console-case-fixtures.js';

// The dashboard leaves drills out of its figures; a switch counts them too, kept in the URL.

/** The headline figure under a KPI's label ("Tiếp nhận trong kỳ" → "1"). */
const kpi = async (page: Page, label: string) => {
  const card = page.locator('.mantine-Paper-root', { hasText: label }).first();
  return (await card.innerText()).replace(label, '').trim();
};

describe('the dashboard and drills', () => {
  let sys: TestSystem;
  let browser: Browser;
  let supervisor: { login: string };

  beforeAll(async () => {
    sys = await startSystem({ listen: true, label: 'web-dashboard-drills', withWorker: false });
    browser = await launchBrowser();
    const { db } = sys.database;
    await db
      .insert(tables.categories)
      .values({ code: 'dien-tap', name: 'Diễn tập', isDrill: true });
    supervisor = await addSignInOfficial(db, sys.province.triageUnitId, ['supervisor']);
    for (const categoryCode of [sys.province.categoryCode, 'dien-tap']) {
      const { caseId } = await submitCase(
        { sql: sys.database.raw, randomBytes },
        {
          body: { categoryCode, text: `Phản ánh ${categoryCode}: cống thoát nước bị tắc.` },
          channel: 'call',
          operatorId: sys.province.adminOfficialId,
        },
        new Date(),
      );
      await routeCase({ db }, caseId, new Date());
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  for (const viewport of ['mobile', 'desktop'] as const) {
    it(`counts a drill only when the switch asks for it (${viewport})`, async () => {
      const context = await newContext(browser, { viewport });
      const page = await context.newPage();
      await signInByKeyboard(page, sys.baseUrl, supervisor.login);
      await page.goto(`${sys.baseUrl}/console/dashboard?period=this-month`);
      await poll(() => kpi(page, 'Tiếp nhận trong kỳ')).toBe('1');
      await screenshot(page, `dashboard-without-drills-${viewport}`);
      // The input sits under Mantine's track; the switch turns through the URL, a render later.
      await page.getByRole('switch', { name: 'Tính cả diễn tập' }).click({ force: true });
      await poll(() => kpi(page, 'Tiếp nhận trong kỳ')).toBe('2');
      expect(page.url()).toContain('drills=1');
      await screenshot(page, `dashboard-with-drills-${viewport}`);
      await context.close();
    }, 90_000);
  }
});
