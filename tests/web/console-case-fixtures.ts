import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { addSignInOfficial, bearerFor, TEST_PASSWORD } from '../support/officials.js';
import { startSystem, type TestSystem } from '../support/system.js';

/**
 * Signs in through the console's form with the keyboard only (type, Enter), at any screen
 * size: waits for the sign-out button rather than the name (hidden on phones).
 */
export async function signInByKeyboard(page: Page, baseUrl: string, login: string) {
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel(/Thư điện tử|E-mail/).fill(login);
  await page
    .getByLabel(/Mật khẩu|Password/)
    .first()
    .fill(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /Đăng xuất|Sign out/ }).waitFor();
}

/** Headers that act as an official through the API (a session-less API token). */
export type Headers = Record<string, string>;

/** POST an action on a case with an official's API token. */
export async function actAs(
  baseUrl: string,
  headers: Headers,
  ref: string,
  action: string,
  body: Record<string, unknown> = {},
) {
  const res = await fetch(`${baseUrl}/v1/cases/${ref}/${action}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The case as an official's API token sees it. */
export async function detailAs(baseUrl: string, headers: Headers, ref: string) {
  const res = await fetch(`${baseUrl}/v1/cases/${ref}/detail`, { headers });
  return (await res.json()) as {
    version: number;
    status: string;
    transferCount: number;
    allowedActions: string[];
    timeline: { type: string }[];
  };
}

/** expect.poll with room for a loaded machine (its default gives up after one second). */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

// Page scripts are strings: the tests are typed for Node, not the DOM.

/** How far the page scrolls sideways (0: it fits the screen). */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );

/** An attribute of the focused element (null when it has none). */
export const focusedAttribute = (page: Page, name: string) =>
  page.evaluate<string | null>(
    `document.activeElement?.getAttribute(${JSON.stringify(name)}) ?? null`,
  );

/** The label (or accessible name) of the focused field. */
export const focusedLabel = (page: Page) =>
  page.evaluate<string>(
    `(() => { const el = document.activeElement;
      return el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? el?.tagName ?? ''; })()`,
  );

/** The case actions offered as buttons, by their API name. */
export async function shownActions(page: Page): Promise<string[]> {
  const buttons = await page.locator('[data-action]').all();
  return (await Promise.all(buttons.map((b) => b.getAttribute('data-action')))).flatMap((a) =>
    a ? [a] : [],
  );
}

/** The local (UTC+7) calendar date of an instant, YYYY-MM-DD. */
export const localDate = (iso: string) =>
  new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
/** A YYYY-MM-DD date `n` days later. */
export const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A system without a worker, a browser, and the triage unit's leader and handler (cases with
 * no routing rule go to that unit), signed up for the console and with API tokens.
 */
export async function triageTeam(label: string) {
  const sys = await startSystem({ listen: true, label, withWorker: false });
  const browser = await launchBrowser();
  const { db } = sys.database;
  const unit = sys.province.triageUnitId;
  const leader = await addSignInOfficial(db, unit, ['unit_leader'], { fullName: 'Lê Văn Trưởng' });
  const handler = await addSignInOfficial(db, unit, ['handler'], { fullName: 'Phạm Thị Xử Lý' });
  return {
    sys,
    browser,
    leader,
    handler,
    leaderApi: await bearerFor(sys.baseUrl, leader.id),
    handlerApi: await bearerFor(sys.baseUrl, handler.id),
  };
}

/** Closes what triageTeam opened, whatever of it was opened. */
export async function closeTeam(team: { sys?: TestSystem; browser?: Browser }) {
  await team.browser?.close();
  await team.sys?.close();
}
