import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  codeFromCard,
  newPerson,
  seeHeading,
  seeText,
  textOf,
  closeBrowserSandbox,
  openBrowserSandbox,
  type BrowserSandbox,
  noViolations,
} from '../helpers/browser.ts';

let browser: Browser;
let app: BrowserSandbox['app'];

beforeAll(async () => {
  ({ app, browser } = await openBrowserSandbox());
});

afterAll(() => closeBrowserSandbox({ browser, app }));

describe('practising alone: a first activation in the browser', () => {
  it('gets a practice NemID, activates it in English and logs in with a code from the key card', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/?lang=en&screens=full');
    expect(await page.title()).toMatch(/TRAINING ENVIRONMENT/);
    await noViolations(page);
    await page.getByRole('button', { name: 'Get a practice NemID' }).click();

    await seeHeading(page, 'Your practice NemID');
    await noViolations(page);
    const nemidNumber = await textOf(page, 'nemid-number');
    const temporaryPassword = await textOf(page, 'temporary-password');
    expect(nemidNumber).toMatch(/^\d{9}$/);

    const cardPage = await person.newPage();
    await cardPage.goto('/practice/card');
    await seeText(cardPage, 'TRAINING CARD – not a real NemID key card');
    await noViolations(cardPage);

    await page.getByRole('link', { name: 'Log in for the first time' }).click();
    await noViolations(page);
    await page.getByLabel('User ID').fill(nemidNumber);
    await page.getByLabel('Password').fill(temporaryPassword);
    await page.getByRole('button', { name: 'Next' }).click();

    await seeHeading(page, 'Choose your own password');
    await page.getByLabel('New password', { exact: true }).fill('Kaffe2468');
    await page.getByLabel('Type the new password again').fill('Kaffe2469');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await seeText(page, 'The two passwords are not the same. Type the same password twice.');
    await noViolations(page);

    await page.getByLabel('New password', { exact: true }).fill('Kaffe2468');
    await page.getByLabel('Type the new password again').fill('Kaffe2468');
    await page.getByLabel('User ID (optional)').fill('my.practice');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await seeHeading(page, 'Type the code from your key card');
    await noViolations(page);
    const keyNumber = await textOf(page, 'key-number');
    await cardPage.reload();
    await page.getByLabel('Code').fill(await codeFromCard(cardPage, keyNumber));
    await page.getByRole('button', { name: 'Log in' }).click();

    await seeHeading(page, 'My NemID');
    await seeText(page, 'my.practice');
    expect(await textOf(page, 'keys-left')).toBe('147');
    await noViolations(page);
    await person.close();
  });
});

describe('printing the practice key card', () => {
  it('prints the card alone on one A4 page (no guide panel), every key with a box to cross it off', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/?lang=en&screens=full');
    await page.getByRole('button', { name: 'Get a practice NemID' }).click();
    await seeHeading(page, 'Your practice NemID');
    await page.goto('/practice/card');
    // Practising alone the guide is on: on screen its panel comes first, on paper it must not.
    await page.getByTestId('guide').waitFor();
    await seeText(page, 'TRAINING CARD – not a real NemID key card');
    expect(await page.locator('td.tick').count()).toBe(148);
    await noViolations(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('guide').isVisible()).toBe(false);
    expect(await page.locator('.keycard').isVisible()).toBe(true);
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).toHaveLength(1);
    await person.close();
  });
});
