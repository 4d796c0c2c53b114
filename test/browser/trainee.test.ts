import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import {
  newPerson,
  seeHeading,
  seeText,
  textOf,
  closeBrowserSandbox,
  openBrowserSandbox,
  type BrowserSandbox,
  noViolations,
} from '../helpers/browser.ts';
import { codeForAskedKey } from '../helpers/context.ts';

/**
 * The trainee's experience in the browser: the default scenario, in English and in German,
 * with the keyboard only (Tab, Enter, Space), the guide on, each exercise ticking off, and
 * axe on every page.
 */

let browser: Browser;
let ctx: Context;
let app: BrowserSandbox['app'];

beforeAll(async () => {
  ({ ctx, app, browser } = await openBrowserSandbox());
});

afterAll(() => closeBrowserSandbox({ browser, app }));

/** What a person sees on the focused element: a field's label, else its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const labels = (element as HTMLInputElement).labels;
    return (labels && labels.length > 0 ? labels[0]!.innerText : element.innerText || element.getAttribute('value') || '').trim();
  });
}

/** Presses Tab until the focused element is the one named (fails after `limit` presses). */
async function tabTo(page: Page, name: string | RegExp, limit = 150): Promise<void> {
  const seen: string[] = [];
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
    seen.push(focused);
  }
  throw new Error(`Tab never reached "${name}"; it passed: ${seen.slice(0, 60).join(' | ')}`);
}

/** The focused element has a visible focus indicator (site.css: outline and a yellow ring). */
async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.boxShadow !== 'none';
  });
}

async function pressOn(page: Page, name: string | RegExp): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.press('Enter');
}

async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(text);
}

async function expectAccessible(page: Page): Promise<void> {
  await noViolations(page);
}

async function celebration(page: Page): Promise<string> {
  return (await page.getByTestId('exercise-news').innerText()).replace(/\s+/g, ' ');
}

describe('a trainee who reads little Danish goes through the default scenario with the keyboard only, guided', () => {
  it('logs in, reads and answers the tax letter, signs the contract and blocks a lost card, in English, each exercise ticking off', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/?lang=en&screens=full');
    await expectAccessible(page);

    await pressOn(page, 'Guide');
    await seeText(page, 'Where to start');
    expect(await page.getByTestId('guide').isVisible()).toBe(true);
    await expectAccessible(page);

    await pressOn(page, 'Log in with NemID');
    await seeHeading(page, 'Log in with NemID');
    await seeText(page, 'Logging in, part 1 of 2');
    await seeText(page, 'Your key card with one-time codes');
    await expectAccessible(page);
    await typeInto(page, 'User ID', 'ahmed.karimi');
    expect(await focusIsVisible(page)).toBe(true);
    await typeInto(page, 'Password', 'Bog7531x');
    await page.keyboard.press('Enter');

    await seeHeading(page, 'Type the code from your key card');
    const key = await textOf(page, 'key-number');
    expect((await page.locator('.keycard-drawing-cell.asked').innerText()).replace(/\s+/g, ' ')).toContain(key);
    await seeText(page, `Find key ${key} on your key card and type the 6 digits printed right next to it.`);
    await expectAccessible(page);
    await typeInto(page, 'Code', codeForAskedKey(ctx, 'ahmed.karimi').code);
    await page.keyboard.press('Enter');

    await seeHeading(page, 'My NemID');
    expect(await celebration(page)).toContain(
      'Well done! You have done the exercise “Log in with NemID”. 1 of 5 exercises done. Next step: Read the letter from Skattestyrelsen.',
    );
    await seeText(page, 'You are logged in');
    await expectAccessible(page);

    await pressOn(page, 'Start the next exercise');
    await seeHeading(page, 'Inbox');
    await seeText(page, 'Your digital mailbox');
    await expectAccessible(page);
    await pressOn(page, /Your tax assessment for 2025 is ready/);
    await seeHeading(page, 'Your tax assessment for 2025 is ready');
    expect(await celebration(page)).toContain(
      'You have done the exercise “Read the letter from Skattestyrelsen”. 2 of 5 exercises done. Next step: Answer the letter from Skattestyrelsen.',
    );
    await expectAccessible(page);

    await pressOn(page, 'Answer');
    await seeHeading(page, 'Answer the letter');
    await seeText(page, 'Answering a letter');
    await typeInto(page, 'Your message', 'Thank you. My income is right.');
    await pressOn(page, 'Send answer');
    await seeHeading(page, 'Sent');
    expect(await celebration(page)).toContain(
      'You have done the exercise “Answer the letter from Skattestyrelsen”. 3 of 5 exercises done. Next step: Sign the rental contract with NemID.',
    );
    await expectAccessible(page);

    await pressOn(page, 'Start the next exercise');
    await seeHeading(page, 'Inbox');
    await pressOn(page, /Rental contract to sign/);
    await seeHeading(page, 'Rental contract to sign');
    await pressOn(page, 'Sign with NemID');
    await seeText(page, 'Read the document first. Sign only what you agree with.');
    await expectAccessible(page);
    await typeInto(page, 'Password', 'Bog7531x');
    await page.keyboard.press('Enter');
    await seeHeading(page, 'Type the code to sign');
    await seeText(page, 'Signing, part 2 of 2: the key card');
    await expectAccessible(page);
    await typeInto(page, 'Code', codeForAskedKey(ctx, 'ahmed.karimi').code);
    await page.keyboard.press('Enter');
    await seeText(page, 'You have done the exercise “Sign the rental contract with NemID”.');
    expect(await celebration(page)).toContain('Next step: You lost your key card – block your NemID.');
    await expectAccessible(page);

    await pressOn(page, 'Start the next exercise');
    await seeText(page, 'NemID self-service');
    await expectAccessible(page);
    await typeInto(page, 'User ID', 'ahmed.karimi');
    await typeInto(page, 'Password', 'Bog7531x');
    await page.keyboard.press('Enter');
    await seeText(page, 'Signed in to self-service as Ahmed Fiktiv Karimi.');
    await tabTo(page, 'I have lost my key card');
    await page.keyboard.press('Space');
    await pressOn(page, 'Block NemID now');
    await seeText(page, 'You have done the exercise “You lost your key card – block your NemID”.');
    expect(await celebration(page)).toContain('You have done every exercise of your scenario.');
    await expectAccessible(page);

    await pressOn(page, 'See all my exercises');
    await seeHeading(page, 'My exercises');
    expect(await textOf(page, 'exercise-count')).toBe('Exercises for Ahmed Fiktiv Karimi: 5 of 5 done.');
    await seeText(page, 'Well done! You have done every exercise.');
    await expectAccessible(page);
    await person.close();
  }, 240_000);

  it('logs in and reads the tax letter in German, the guide and the celebrations in German', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/login?service=post&lang=de&screens=full');
    await pressOn(page, 'Anleitung');
    await seeText(page, 'Anmelden, Teil 1 von 2');
    await expectAccessible(page);
    await typeInto(page, 'Benutzer-ID', 'anna.schmidt');
    await typeInto(page, 'Passwort', 'Sommer42');
    await page.keyboard.press('Enter');
    await seeText(page, 'Anmelden, Teil 2 von 2: die Schlüsselkarte');
    await expectAccessible(page);
    await typeInto(page, 'Code', codeForAskedKey(ctx, 'anna.schmidt').code);
    await page.keyboard.press('Enter');

    await seeHeading(page, 'Posteingang');
    expect(await celebration(page)).toContain('Gut gemacht! Sie haben die Übung „Mit NemID anmelden“ geschafft.');
    await seeText(page, 'Ihr digitaler Briefkasten');
    await expectAccessible(page);
    await pressOn(page, /Ihr Steuerbescheid für 2025 liegt vor/);
    expect(await celebration(page)).toContain('Nächster Schritt: Den Brief von Skattestyrelsen beantworten.');
    await expectAccessible(page);
    await person.close();
  }, 120_000);
});

describe('a wrong code in guided mode', () => {
  it('explains the mistake and its rule next to the form, and the page stays accessible', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/login?lang=en&screens=full');
    await pressOn(page, 'Guide');
    await seeText(page, 'Logging in, part 1 of 2');
    await typeInto(page, 'User ID', 'mette.hansen');
    await typeInto(page, 'Password', 'Hest2024');
    await page.keyboard.press('Enter');
    await seeHeading(page, 'Type the code from your key card');
    await typeInto(page, 'Code', '12 34');
    await page.keyboard.press('Enter');
    await seeText(page, 'The code is exactly 6 digits. Type only the digits, without spaces.');
    await expectAccessible(page);
    await person.close();
  }, 60_000);
});
