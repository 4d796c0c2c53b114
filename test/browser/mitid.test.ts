import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { launchBrowser, newPerson, noViolations, seeHeading, seeText, serve, textOf } from '../helpers/browser.ts';
import { testContext } from '../helpers/context.ts';

let browser: Browser;
let ctx: Context;
let app: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  ctx = testContext();
  await ctx.scenarios.load('mitid-login', { actor: 'system' });
  app = await serve(ctx);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The focused element's name as a person hears it: its label, or its own text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return (element?.labels?.[0]?.textContent ?? element?.textContent ?? '').trim();
  });

/** Presses Tab until the focus is on the control named `name` (at most 40 presses), as a keyboard user does. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached “${name}”`);
}

describe('the MitID login in a browser', () => {
  it('a first MitID login with the app, by keyboard only, in Danish', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/login?service=post');
    await tabTo(page, 'Har du MitID? Log på med MitID');
    await page.keyboard.press('Enter');
    await seeHeading(page, 'Log på med MitID');
    await noViolations(page);
    await tabTo(page, 'Bruger-id');
    await page.keyboard.type('sofie.lund');
    await page.keyboard.press('Enter');

    await seeHeading(page, 'Åbn MitID app og godkend');
    await seeText(page, 'Digital Post beder dig godkende med MitID.');
    expect(await page.locator('.device-screen').getAttribute('aria-live')).toBe('polite');
    await noViolations(page);
    await tabTo(page, 'Åbn anmodningen');
    await page.keyboard.press('Enter');
    await seeText(page, 'Læs teksten. Godkend kun, hvis det er dig, der er i gang med at logge på.');
    await noViolations(page);
    await tabTo(page, 'Godkend');
    await page.keyboard.press('Enter');
    await seeText(page, 'Du godkender, at du logger på Digital Post.');
    await noViolations(page);
    await tabTo(page, 'Bekræft godkendelse');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/post$/);
    await seeHeading(page, 'Indbakke');
    await person.close();
  });

  it('approves by holding the button down with the keyboard (the script’s press-and-hold)', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/login/mitid?service=tax');
    await page.getByLabel('Bruger-id').fill('grace.owusu');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.getByRole('link', { name: 'Skift identifikationsmetode' }).click();
    await seeHeading(page, 'Skift identifikationsmetode');
    await noViolations(page);
    await page.getByRole('button', { name: 'MitID app' }).click();
    await page.getByRole('link', { name: 'Åbn anmodningen' }).click();
    await page.getByRole('button', { name: 'Hold nede for at godkende' }).focus();
    await page.keyboard.down('Space');
    await page.waitForURL(/\/skat$/);
    await page.keyboard.up('Space');
    await person.close();
  });

  it('a code-display login in German', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/login/mitid?service=tax&lang=de&screens=full');
    await page.getByLabel('Benutzer-ID').fill('jonas.weber');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await seeHeading(page, 'Code vom Codeanzeiger eingeben');
    await page.getByRole('button', { name: 'Taste drücken' }).click();
    const code = await textOf(page, 'device-code');
    expect(code).toMatch(/^\d{6}$/);
    await noViolations(page);
    await page.getByLabel('Code vom Codeanzeiger').fill('000000' === code ? '111111' : '000000');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await seeText(page, 'Der Code ist falsch. Sie haben noch 2 Versuche');
    await noViolations(page);
    await page.getByLabel('Code vom Codeanzeiger').fill(code);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await seeHeading(page, 'Passwort eingeben');
    await noViolations(page);
    await page.getByLabel('MitID-Passwort').fill('Skov97531');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.waitForURL(/\/skat$/);
    await person.close();
  });
});
