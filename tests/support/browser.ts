import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (infra/local/web.sh installs it); playwright never downloads a browser. */
export const CHROMIUM = process.env.HOTLINE_CHROMIUM ?? '/usr/bin/chromium';

/** Screenshots land here (kept as test artefacts, looked at before an issue is resolved). */
export const SCREENSHOTS_DIR = join(import.meta.dirname, '../../.data/screenshots');

export const VIEWPORTS = {
  mobile: { width: 390, height: 844 },
  desktop: { width: 1366, height: 900 },
} as const;

/** A headless Chromium with the flags this machine needs (no sandbox, no network chatter). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A fresh context (own cookies) in Vietnamese, in the province's time zone. */
export async function newContext(
  browser: Browser,
  options: {
    viewport?: keyof typeof VIEWPORTS;
    javaScriptEnabled?: boolean;
    locale?: string;
  } = {},
): Promise<BrowserContext> {
  const viewport = VIEWPORTS[options.viewport ?? 'desktop'];
  return browser.newContext({
    viewport,
    locale: options.locale ?? 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    ...(options.viewport === 'mobile'
      ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
      : {}),
  });
}

/** Saves a full-page screenshot as `<name>.png` under .data/screenshots. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  // From the top: a page left scrolled puts the console's fixed header mid-picture.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs an official in through the console's sign-in form. */
export async function signInToConsole(
  page: Page,
  baseUrl: string,
  login: string,
  password: string,
) {
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel(/Thư điện tử|E-mail/).fill(login);
  await page
    .getByLabel(/Mật khẩu|Password/)
    .first()
    .fill(password);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await page.getByTestId('signed-in-as').waitFor();
}
