import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/officials.js';

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
