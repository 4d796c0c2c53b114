import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../../server/app.ts';
import type { Context } from '../../server/context.ts';
import { expect } from 'vitest';
import { seededContext, testConfig } from './context.ts';

/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere on a laptop. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Serves the app of this context on a free loopback port. */
export async function serve(ctx: Context): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createApp(ctx, testConfig()).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fresh browser profile (its own cookies), as a second person at another computer. */
export function newPerson(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale: 'da-DK' });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.1 A and AA) on the page and returns the violations, one line each.
 * axe-core is put into the page once per document and run there directly: the same rules
 * as @axe-core/playwright's AxeBuilder, at a quarter of its time (about 250 ms a page
 * instead of 1 s here), since AxeBuilder injects the script and opens a blank page to
 * merge frame results on every call, and the sandbox's pages have no frames.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  );
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

/** Reads the code for a key number off a printed key card page, as a person with the card does. */
export async function codeFromCard(cardPage: Page, keyNumber: string): Promise<string> {
  const keyCell = cardPage.locator('td.key', { hasText: new RegExp(`^\\s*${keyNumber}\\s*$`) }).first();
  return (await keyCell.locator('xpath=following-sibling::td[1]').innerText()).trim();
}

/** Waits until the page shows a level-1 heading with this text (fails after 5 s). */
export async function seeHeading(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor({ timeout: 5_000 });
}

/** Waits until some visible element contains this text (fails after 5 s). */
export async function seeText(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ timeout: 5_000 });
}

export async function textOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).innerText()).trim();
}

/** The one accessibility assertion of the browser tests: fails when axe finds any WCAG 2.1 AA violation on the page as it is now, naming its URL. */
export async function noViolations(page: Page): Promise<void> {
  expect(await accessibilityViolations(page), page.url()).toEqual([]);
}

export interface BrowserSandbox {
  ctx: Context;
  app: Awaited<ReturnType<typeof serve>>;
  browser: Browser;
}

/** The default scenario served on loopback and a Chromium: what a browser test file starts with. */
export async function openBrowserSandbox(): Promise<BrowserSandbox> {
  const ctx = await seededContext();
  const app = await serve(ctx);
  return { ctx, app, browser: await launchBrowser() };
}

export async function closeBrowserSandbox(sandbox: Partial<BrowserSandbox>): Promise<void> {
  await sandbox.browser?.close();
  await sandbox.app?.close();
}
