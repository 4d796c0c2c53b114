import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeBrowserSandbox,
  newPerson,
  noViolations,
  openBrowserSandbox,
  seeHeading,
  seeText,
  type BrowserSandbox,
} from '../helpers/browser.ts';
import { codeForAskedKey } from '../helpers/context.ts';

let sandbox: BrowserSandbox;

beforeAll(async () => {
  sandbox = await openBrowserSandbox();
});

afterAll(() => closeBrowserSandbox(sandbox ?? {}));

describe('practising on Danish screens with English help', () => {
  it('logs in on the Danish login, reads "Næste" in English by keyboard focus, and gets a wrong code explained in English', async () => {
    const { ctx, app, browser } = sandbox;
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/login?service=mynemid&lang=en');
    await seeHeading(page, 'Log på med NemID');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('da');
    await noViolations(page);

    await page.getByLabel('Bruger-id', { exact: true }).fill('mette.hansen');
    await page.getByLabel('Adgangskode', { exact: true }).fill('Hest2024');
    const next = page.getByRole('button', { name: 'Næste', exact: true });
    const tipId = await next.getAttribute('aria-describedby');
    const tip = page.locator(`[id="${tipId}"]`);
    await expect(tip.isVisible()).resolves.toBe(false);
    await page.keyboard.press('Tab'); // from the password field to "Næste"
    await expect(next.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    await expect(tip.isVisible()).resolves.toBe(true);
    await expect(tip.innerText()).resolves.toBe('Next');
    await expect(tip.getAttribute('lang')).resolves.toBe('en');
    await noViolations(page); // with the translation showing
    await page.keyboard.press('Enter');

    await page.getByLabel('Kode', { exact: true }).waitFor();
    const { code } = codeForAskedKey(ctx, 'mette.hansen');
    const wrong = code.slice(0, 5) + String((Number(code[5]) + 1) % 10);
    await page.getByLabel('Kode', { exact: true }).fill(wrong);
    await page.getByRole('button', { name: 'Log på', exact: true }).click();
    const lesson = page.getByTestId('lesson');
    await lesson.waitFor();
    await expect(lesson.getAttribute('lang')).resolves.toBe('en');
    await expect(lesson.innerText()).resolves.toContain('Check that you use your newest key card');
    await noViolations(page);

    await page.getByLabel('Kode', { exact: true }).fill(codeForAskedKey(ctx, 'mette.hansen').code);
    await page.getByRole('button', { name: 'Log på', exact: true }).click();
    await seeText(page, 'Danish screens with help in English');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('da');
    await noViolations(page);

    // The full English UI stays a choice, one click away.
    await page.getByRole('link', { name: 'Everything in English' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await noViolations(page);
    await person.close();
  });
});
