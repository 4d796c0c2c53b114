import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { codeFromCard, launchBrowser, newPerson, seeHeading, seeText, serve, textOf, noViolations } from '../helpers/browser.ts';
import { FakeTime, seededContext } from '../helpers/context.ts';

/** A whole journey runs many argon2 hashes and axe checks; on a shared 2-core machine it may take a minute. */
const journeyTimeout = 120_000;
let browser: Browser;
let ctx: Context;
let app: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  // Saturday 5 December 2026, 11:00 in Denmark; only the practice clock moves, real time stands still.
  ctx = await seededContext({ time: new FakeTime(Date.UTC(2026, 11, 5, 10, 0, 0)) });
  app = await serve(ctx);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});


/** The letter in the letterbox whose heading is this subject. */
const letterText = (page: Page, subject: string) => page.locator('article.paper-letter', { hasText: subject }).innerText();

describe('practising alone, a lost key card and then a forgotten password lead somewhere (issue 18)', () => {
  it('blocks with a lost card, orders a new one, lets the days pass, orders a temporary password with the new card, and logs in with both', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/?lang=en&screens=full');
    await page.getByRole('button', { name: 'Get a practice NemID' }).click();
    await seeHeading(page, 'Your practice NemID');
    const nemidNumber = await textOf(page, 'nemid-number');
    const temporary = await textOf(page, 'temporary-password');
    const card = await person.newPage();
    await card.goto('/practice/card');
    const oldCardNumber = await textOf(card, 'card-number');

    // First login: choose a password.
    await page.goto('/login?service=mynemid&lang=en&screens=full');
    await page.getByLabel('User ID').fill(nemidNumber);
    await page.getByLabel('Password').fill(temporary);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('New password', { exact: true }).fill('Kaffe2468');
    await page.getByLabel('Type the new password again').fill('Kaffe2468');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByLabel('Code').fill(await codeFromCard(card, await textOf(page, 'key-number')));
    await page.getByRole('button', { name: 'Log in' }).click();
    await seeHeading(page, 'My NemID');

    // The card is lost: block at self-service (in Danish, as the issue tells it) and order a new one.
    await page.goto('/nemid?lang=da');
    await page.getByLabel('Bruger-id').fill(nemidNumber);
    await page.getByLabel('Adgangskode').fill('Kaffe2468');
    await page.getByRole('button', { name: 'Log på' }).click();
    await page.getByLabel('Jeg har mistet mit nøglekort').check();
    await page.getByRole('button', { name: 'Spær NemID nu' }).click();
    await page.getByRole('button', { name: 'Bestil et nyt nøglekort' }).click();
    await seeText(page, 'Dit nye nøglekort er bestilt og på vej med posten.');
    await seeText(page, 'Dit nye NemID-nøglekort: kommer');
    await noViolations(page);

    // The password is forgotten too. The lost card's number no longer works; the page says what to do.
    await page.goto('/nemid?lang=en&screens=full');
    await page.getByRole('link', { name: 'Forgotten your password? Order a temporary password' }).click();
    await seeHeading(page, 'Order a temporary password');
    await noViolations(page);
    await page.getByLabel('User ID').fill(nemidNumber);
    await page.getByLabel('Key card number').fill(oldCardNumber);
    await page.getByRole('button', { name: 'Order temporary password' }).click();
    await seeText(page, 'That key card was reported lost and is blocked');
    await seeText(page, 'Dit nye NemID-nøglekort: arrives');
    await noViolations(page);

    // Let the days pass until the new card is in the letterbox, and take it out of the envelope.
    await page.getByRole('button', { name: 'Let the time pass until it arrives' }).click();
    await seeHeading(page, 'Your letterbox at home');
    await seeText(page, 'The time has passed, and the post has come.');
    await noViolations(page);
    const cardLetter = await letterText(page, 'Dit nye NemID-nøglekort');
    const newCardNumber = /kortnummeret (\d-\d{3}-\d{3}-\d{3})/.exec(cardLetter)![1]!;
    expect(newCardNumber).not.toBe(oldCardNumber);
    await page.getByRole('link', { name: 'Take the key card out of the envelope (open and print it)' }).click();
    await seeText(page, newCardNumber);
    await card.reload();

    // Now the temporary password with the new card's number.
    await page.goto('/nemid/temporary-password?lang=en&screens=full');
    await page.getByLabel('User ID').fill(nemidNumber);
    await page.getByLabel('Key card number').fill(newCardNumber);
    await page.getByRole('button', { name: 'Order temporary password' }).click();
    await seeText(page, 'Your temporary password is on its way by post.');
    await seeText(page, 'Din midlertidige NemID-adgangskode: arrives');
    await noViolations(page);
    await page.getByRole('button', { name: 'Let the time pass until it arrives' }).click();

    // Both letters are in the letterbox.
    await seeHeading(page, 'Your letterbox at home');
    await page.getByRole('heading', { name: 'Dit nye NemID-nøglekort' }).waitFor();
    await page.getByRole('heading', { name: 'Din midlertidige NemID-adgangskode' }).waitFor();
    await noViolations(page);
    const passwordLetter = await letterText(page, 'Din midlertidige NemID-adgangskode');
    const temporaryAgain = /\n([A-Z][a-z]+\d{4})\n/.exec(passwordLetter)![1]!;

    // Log in with the temporary password and the new card.
    await page.goto('/login?service=mynemid&lang=en&screens=full');
    await page.getByLabel('User ID').fill(nemidNumber);
    await page.getByLabel('Password').fill(temporaryAgain);
    await page.getByRole('button', { name: 'Next' }).click();
    await seeHeading(page, 'Choose your own password');
    await page.getByLabel('New password', { exact: true }).fill('Te4kande9');
    await page.getByLabel('Type the new password again').fill('Te4kande9');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await seeText(page, `Use the key card whose number ends in ${newCardNumber.replace(/-/g, '').slice(-3)}.`);
    await page.getByLabel('Code').fill(await codeFromCard(card, await textOf(page, 'key-number')));
    await page.getByRole('button', { name: 'Log in' }).click();
    await seeHeading(page, 'My NemID');
    await noViolations(page);
    await person.close();
  }, journeyTimeout);

  it('waits out an 8-hour lock practising alone with one button, and logs in after it', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/?lang=en&screens=full');
    await page.getByRole('button', { name: 'Get a practice NemID' }).click();
    const nemidNumber = await textOf(page, 'nemid-number');
    const temporary = await textOf(page, 'temporary-password');
    const tryPassword = async (password: string) => {
      await page.goto('/login?service=mynemid&lang=en&screens=full');
      await page.getByLabel('User ID').fill(nemidNumber);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Next' }).click();
    };
    await tryPassword(temporary);
    await page.getByLabel('New password', { exact: true }).fill('Kaffe2468');
    await page.getByLabel('Type the new password again').fill('Kaffe2468');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await seeHeading(page, 'Type the code from your key card');
    for (let n = 1; n <= 5; n += 1) await tryPassword(`Forkert${n}x`);
    await seeText(page, /\(LOCK001\)/);
    await seeText(page, 'The lock ends');
    await noViolations(page);
    await page.getByRole('button', { name: 'Let the 8 hours pass' }).click();
    await seeText(page, 'The 8 hours have passed, and your NemID is no longer locked.');
    await noViolations(page);
    await tryPassword('Kaffe2468');
    await seeHeading(page, 'Type the code from your key card');
    await person.close();
  }, journeyTimeout);
});
