import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import {
  closeBrowserSandbox,
  newPerson,
  openBrowserSandbox,
  seeHeading,
  seeText,
  textOf,
  type BrowserSandbox,
  noViolations,
} from '../helpers/browser.ts';
import { codeForAskedKey } from '../helpers/context.ts';

let browser: Browser;
let ctx: Context;
let app: BrowserSandbox['app'];

beforeAll(async () => {
  ({ ctx, app, browser } = await openBrowserSandbox());
});

afterAll(() => closeBrowserSandbox({ browser, app }));

describe('practising alone, lesson after lesson', { timeout: 120_000 }, () => {
  it('asks before a reset, and after the last exercise starts the phishing lesson from its button', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/?lang=en&screens=full');
    await page.getByRole('button', { name: 'Get a practice NemID' }).click();
    await seeHeading(page, 'Your practice NemID');
    await page.getByRole('link', { name: 'Reset my practice NemID' }).click();
    await seeHeading(page, 'Do you want to reset your practice NemID?');
    await noViolations(page);
    await page.getByRole('link', { name: 'No, go back' }).click();
    await seeHeading(page, 'Your practice NemID');

    const nemidNumber = await textOf(page, 'nemid-number');
    const temporary = await textOf(page, 'temporary-password');
    const citizen = ctx.citizens.findByIdentifier(nemidNumber)!;
    const kommune = ctx.mailbox.arrivedLetters(citizen.id).find((letter) => letter.senderKey === 'kommune')!;
    // Three exercises as if done earlier; the login itself brings the last two.
    for (const [type, data] of [
      ['letter-read', { letterId: kommune.id }],
      ['letter-answered', { letterId: kommune.id }],
      ['blocked', { reason: 'lost-card' }],
    ] as const) {
      ctx.events.record({
        classId: citizen.classId,
        citizenId: citizen.id,
        actor: 'trainee',
        type,
        rule: null,
        data,
        at: ctx.clock.now(citizen.classId),
      });
    }
    await page.getByRole('link', { name: 'Log in for the first time' }).click();
    await page.getByLabel('User ID').fill(nemidNumber);
    await page.getByLabel('Password', { exact: true }).fill(temporary);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('New password', { exact: true }).fill('Lampe5151');
    await page.getByLabel('Type the new password again').fill('Lampe5151');
    await page.keyboard.press('Enter');
    await page.getByLabel('Code').fill(codeForAskedKey(ctx, nemidNumber).code);
    await page.getByRole('button', { name: 'Log in' }).click();
    await seeText(page, '5 of 5 exercises done.');
    await seeText(page, 'The next lesson for practising alone: “A fake letter – phishing”.');
    expect(await page.getByText('Ask your teacher').count()).toBe(0);
    await noViolations(page);

    await page.getByRole('button', { name: 'Start the lesson “A fake letter – phishing”' }).click();
    await seeHeading(page, 'Your practice NemID');
    await seeText(page, 'The new lesson is ready.');
    await seeText(page, 'Lesson: A fake letter – phishing');
    await seeText(page, 'Report the fake letter');
    await noViolations(page);
    await person.close();
  });
});
