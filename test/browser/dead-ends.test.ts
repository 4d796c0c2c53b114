import fs from 'node:fs';
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

type Tree = { [key: string]: string | string[] | Tree };
/** A help text as the locale file has it, so that the test reads what the trainee reads in that language. */
function helpText(lang: string, ns: string, key: string): string {
  const tree = JSON.parse(fs.readFileSync(`locales/${lang}/${ns}.json`, 'utf8')) as Tree;
  return key.split('.').reduce<Tree | string | string[]>((node, part) => (node as Tree)[part]!, tree) as string;
}

/** The guide panel (or another help element) is in the help language, in its direction, and shows this text. */
async function helpSpeaks(page: Page, testId: string, lang: string, dir: 'ltr' | 'rtl', text: string): Promise<void> {
  const help = page.getByTestId(testId);
  await help.waitFor();
  expect(await help.getAttribute('lang'), `${testId} on ${page.url()}`).toBe(lang);
  expect(await help.evaluate((element) => getComputedStyle(element).direction), `${testId} on ${page.url()}`).toBe(dir);
  expect(await help.innerText()).toContain(text);
}

/** The letter in the letterbox whose heading is this subject. */
const letterText = (page: Page, subject: string) => page.locator('article.paper-letter', { hasText: subject }).innerText();

/** Reaches the key step of the first login with the welcome letter's NemID number and temporary password, choosing Kaffe2468. */
async function firstLoginToKey(page: Page, nemidNumber: string, temporary: string): Promise<void> {
  await page.getByLabel('Bruger-id', { exact: true }).fill(nemidNumber);
  await page.getByLabel('Adgangskode', { exact: true }).fill(temporary);
  await page.getByRole('button', { name: 'Næste', exact: true }).click();
  await seeHeading(page, 'Vælg din egen adgangskode');
  await page.getByLabel('Ny adgangskode', { exact: true }).fill('Kaffe2468');
  await page.getByLabel('Skriv den nye adgangskode igen', { exact: true }).fill('Kaffe2468');
  await page.getByRole('button', { name: 'Gem og fortsæt' }).click();
  await seeHeading(page, 'Skriv koden fra dit nøglekort');
}

describe('practising alone on Danish screens: a lost key card, then a forgotten password, lead back in (issue 18)', () => {
  it(
    'with Arabic help: blocks with a lost card, orders a new one, lets the days pass, orders a temporary password with the new card, and logs in with both',
    async () => {
      const ar = (ns: string, key: string) => helpText('ar', ns, key);
      const person = await newPerson(browser, app.url);
      const page = await person.newPage();
      await page.goto('/?lang=ar');
      await page.getByRole('button', { name: 'Få et øve-NemID' }).click();
      await seeHeading(page, 'Dit øve-NemID');
      await helpSpeaks(page, 'guide', 'ar', 'rtl', ar('guide', 'steps.practiceWelcome.title'));
      const nemidNumber = await textOf(page, 'nemid-number');
      const temporary = await textOf(page, 'temporary-password');
      const card = await person.newPage();
      await card.goto('/practice/card');
      const oldCardNumber = await textOf(card, 'card-number');

      // First login. On the key step the celebration is in Arabic and sends nobody back to the start of this login.
      await page.getByRole('link', { name: 'Log på for første gang' }).click();
      await firstLoginToKey(page, nemidNumber, temporary);
      await helpSpeaks(page, 'exercise-news', 'ar', 'rtl', ar('exercises', 'news.wellDone'));
      await expect(page.getByRole('link', { name: ar('exercises', 'news.start') }).count()).resolves.toBe(0);
      await page.getByLabel('Kode', { exact: true }).fill(await codeFromCard(card, await textOf(page, 'key-number')));
      await page.getByRole('button', { name: 'Log på', exact: true }).click();
      await seeHeading(page, 'Mit NemID');

      // The card is lost: block at self-service, picking the reason with the mouse, and order a new card.
      await page.goto('/nemid');
      await helpSpeaks(page, 'guide', 'ar', 'rtl', ar('guide', 'steps.nemidHome.title'));
      await page.getByLabel('Bruger-id', { exact: true }).fill(nemidNumber);
      await page.getByLabel('Adgangskode', { exact: true }).fill('Kaffe2468');
      await page.getByRole('button', { name: 'Log på', exact: true }).click();
      await page.getByLabel('Jeg har mistet mit nøglekort').check();
      await page.getByRole('button', { name: 'Spær NemID nu' }).click();
      await seeText(page, 'Dit NemID er spærret nu.');
      // The celebration says to get back in first, not to go on to Digital Post, which the blocked NemID cannot open.
      await helpSpeaks(page, 'exercise-news', 'ar', 'rtl', ar('exercises', 'news.blockedFirst'));
      await expect(page.getByRole('link', { name: ar('exercises', 'news.start') }).count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Bestil et nyt nøglekort' }).click();
      await seeText(page, 'Dit nye nøglekort er bestilt og på vej med posten.');
      await seeText(page, 'Dit nye NemID-nøglekort: kommer');
      await noViolations(page);

      // The password is forgotten too, found from the login. The lost card's number no longer works; the page says what to do.
      await page.goto('/login?service=mynemid');
      await page.getByRole('link', { name: 'Glemt adgangskode?' }).click();
      await seeHeading(page, 'Bestil en midlertidig adgangskode');
      await helpSpeaks(page, 'guide', 'ar', 'rtl', ar('guide', 'steps.nemidPassword.title'));
      await page.getByLabel('Bruger-id', { exact: true }).fill(nemidNumber);
      await page.getByLabel('Nøglekortets nummer').fill(oldCardNumber);
      await page.getByRole('button', { name: 'Bestil midlertidig adgangskode' }).click();
      await seeText(page, 'Det nøglekort er meldt mistet og spærret');
      await page.getByRole('link', { name: 'Tilbage til login' }).waitFor();
      await noViolations(page);

      // Let the days pass until the new card is in the letterbox, and take it out of the envelope.
      await page.getByRole('button', { name: 'Lad tiden gå, til det kommer' }).click();
      await seeHeading(page, 'Din postkasse derhjemme');
      await seeText(page, 'Tiden er gået, og posten er kommet.');
      await helpSpeaks(page, 'guide', 'ar', 'rtl', ar('guide', 'steps.letterbox.title'));
      await noViolations(page);
      const cardLetter = await letterText(page, 'Dit nye NemID-nøglekort');
      const newCardNumber = /kortnummeret (\d-\d{3}-\d{3}-\d{3})/.exec(cardLetter)![1]!;
      expect(newCardNumber).not.toBe(oldCardNumber);
      await page.getByRole('link', { name: 'Tag nøglekortet ud af kuverten (åbn og udskriv det)' }).click();
      await seeText(page, newCardNumber);
      await card.reload();

      // Now the temporary password with the new card's number, from self-service.
      await page.goto('/letterbox');
      await page.getByRole('link', { name: 'NemID-selvbetjening: spær, bestil nøglekort eller midlertidig adgangskode' }).click();
      await page.getByRole('link', { name: 'Glemt adgangskoden? Bestil en midlertidig adgangskode' }).first().click();
      await page.getByLabel('Bruger-id', { exact: true }).fill(nemidNumber);
      await page.getByLabel('Nøglekortets nummer').fill(newCardNumber);
      await page.getByRole('button', { name: 'Bestil midlertidig adgangskode' }).click();
      await seeText(page, 'Din midlertidige adgangskode er på vej med posten.');
      await seeText(page, 'Din midlertidige NemID-adgangskode: kommer');
      await page.getByRole('button', { name: 'Lad tiden gå, til det kommer' }).click();

      // Both letters are in the letterbox.
      await seeHeading(page, 'Din postkasse derhjemme');
      await page.getByRole('heading', { name: 'Dit nye NemID-nøglekort' }).waitFor();
      await page.getByRole('heading', { name: 'Din midlertidige NemID-adgangskode' }).waitFor();
      const passwordLetter = await letterText(page, 'Din midlertidige NemID-adgangskode');
      const temporaryAgain = /\n([A-Z][a-z]+\d{4})\n/.exec(passwordLetter)![1]!;

      // Log in with the temporary password and the new card.
      await page.getByRole('link', { name: 'Log på med NemID' }).click();
      await page.getByLabel('Bruger-id', { exact: true }).fill(nemidNumber);
      await page.getByLabel('Adgangskode', { exact: true }).fill(temporaryAgain);
      await page.getByRole('button', { name: 'Næste', exact: true }).click();
      await seeHeading(page, 'Vælg din egen adgangskode');
      await helpSpeaks(page, 'guide', 'ar', 'rtl', ar('guide', 'steps.loginNewPassword.title'));
      await page.getByLabel('Ny adgangskode', { exact: true }).fill('Te4kande9');
      await page.getByLabel('Skriv den nye adgangskode igen', { exact: true }).fill('Te4kande9');
      await page.getByRole('button', { name: 'Gem og fortsæt' }).click();
      await seeText(page, `Brug det nøglekort, hvor nummeret slutter på ${newCardNumber.replace(/-/g, '').slice(-3)}.`);
      await page.getByLabel('Kode', { exact: true }).fill(await codeFromCard(card, await textOf(page, 'key-number')));
      await page.getByRole('button', { name: 'Log på', exact: true }).click();
      await seeHeading(page, 'Mit NemID');
      await helpSpeaks(page, 'guide', 'ar', 'rtl', ar('guide', 'steps.myNemid.title'));
      await noViolations(page);
      await person.close();
    },
    journeyTimeout,
  );

  it(
    'with German help: waits out an 8-hour lock with one button, and logs in after it',
    async () => {
      const de = (ns: string, key: string) => helpText('de', ns, key);
      const person = await newPerson(browser, app.url);
      const page = await person.newPage();
      await page.goto('/?lang=de');
      await page.getByRole('button', { name: 'Få et øve-NemID' }).click();
      const nemidNumber = await textOf(page, 'nemid-number');
      const temporary = await textOf(page, 'temporary-password');
      await page.getByRole('link', { name: 'Log på for første gang' }).click();
      await firstLoginToKey(page, nemidNumber, temporary);
      const tryPassword = async (password: string) => {
        await page.goto('/login?service=mynemid');
        await page.getByLabel('Bruger-id', { exact: true }).fill(nemidNumber);
        await page.getByLabel('Adgangskode', { exact: true }).fill(password);
        await page.getByRole('button', { name: 'Næste', exact: true }).click();
      };
      for (let n = 1; n <= 5; n += 1) await tryPassword(`Forkert${n}x`);
      await seeText(page, 'Dit NemID er låst i 8 timer');
      await seeText(page, 'Låsen ophører');
      await helpSpeaks(page, 'lesson', 'de', 'ltr', de('guide', 'lessons.heading'));
      await helpSpeaks(page, 'guide', 'de', 'ltr', de('guide', 'steps.loginStart.title'));
      await noViolations(page);
      await page.getByRole('button', { name: 'Lad de 8 timer gå' }).click();
      await seeText(page, 'De 8 timer er gået, og dit NemID er ikke længere låst.');
      await noViolations(page);
      await tryPassword('Kaffe2468');
      await seeHeading(page, 'Skriv koden fra dit nøglekort');
      await helpSpeaks(page, 'guide', 'de', 'ltr', de('guide', 'steps.loginKey.title'));
      await person.close();
    },
    journeyTimeout,
  );
});
