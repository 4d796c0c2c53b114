import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { codeFromCard, launchBrowser, newPerson, seeHeading, seeText, serve, textOf, noViolations } from '../helpers/browser.ts';
import { FakeTime, seededContext } from '../helpers/context.ts';

const day = 86_400_000;
/** A whole journey runs many argon2 hashes and axe checks; on a shared 2-core machine it may take a minute. */
const journeyTimeout = 120_000;
let browser: Browser;
let ctx: Context;
let app: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  // Monday 23 November 2026, 10:00 in Denmark; the class clocks move, real time stands still.
  ctx = await seededContext({ time: new FakeTime(Date.UTC(2026, 10, 23, 9, 0, 0)) });
  await ctx.issuer.addOperator('nets.operator', 'operator-password-1', Date.now());
  app = await serve(ctx);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** What a practice identity holds in hand: the welcome letter's details and the key card page. */
interface Practice {
  person: BrowserContext;
  page: Page;
  card: Page;
  name: string;
  cpr: string;
  nemidNumber: string;
  password: string;
}

const fact = async (page: Page, label: string) =>
  (await page.locator('dt', { hasText: label }).first().locator('xpath=following-sibling::dd[1]').innerText())
    .replace(/\s*fictional$/, '')
    .trim();

async function choosePassword(page: Page, password: string): Promise<void> {
  await seeHeading(page, 'Choose your own password');
  await noViolations(page);
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Type the new password again').fill(password);
  await page.getByRole('button', { name: 'Save and continue' }).click();
}

/** Gets a practice NemID and activates it, so the person is logged in on My NemID. */
async function activatedPractice(): Promise<Practice> {
  const person = await newPerson(browser, app.url);
  const page = await person.newPage();
  await page.goto('/?lang=en&screens=full');
  await page.getByRole('button', { name: 'Get a practice NemID' }).click();
  await seeHeading(page, 'Your practice NemID');
  const temporary = await textOf(page, 'temporary-password');
  const practice = {
    person,
    page,
    card: await person.newPage(),
    name: await fact(page, 'Name'),
    cpr: await fact(page, 'CPR number'),
    nemidNumber: await textOf(page, 'nemid-number'),
    password: 'Kaffe2468',
  };
  await practice.card.goto('/practice/card');
  await page.goto('/login?service=mynemid&lang=en&screens=full');
  await page.getByLabel('User ID').fill(practice.nemidNumber);
  await page.getByLabel('Password').fill(temporary);
  await page.getByRole('button', { name: 'Next' }).click();
  await choosePassword(page, practice.password);
  await page.getByLabel('Code').fill(await codeFromCard(practice.card, await textOf(page, 'key-number')));
  await page.getByRole('button', { name: 'Log in' }).click();
  await seeHeading(page, 'My NemID');
  return practice;
}

describe('a lost key card: block at self-service, mail keeps coming, back in at the desk', () => {
  it(
    'blocks NemID without a key, ends the open login, and gets a temporary password and a new card against photo ID',
    async () => {
      const me = await activatedPractice();
      const self = await me.person.newPage();
      await self.goto('/nemid?lang=en&screens=full');
      await seeHeading(self, 'NemID self-service');
      await noViolations(self);
      await self.getByLabel('User ID').fill(me.nemidNumber);
      await self.getByLabel('Password').fill(me.password);
      await self.getByRole('button', { name: 'Sign in' }).click();
      await seeHeading(self, 'Your NemID');
      expect(await textOf(self, 'keys-left')).toBe('147');
      await noViolations(self);
      await self.getByLabel('I have lost my key card').check();
      await self.getByRole('button', { name: 'Block NemID now' }).click();
      await seeText(self, 'Your NemID is blocked now. Every open login has ended.');
      expect(await textOf(self, 'nemid-state')).toBe('Blocked');
      await noViolations(self);

      await me.page.reload();
      await seeHeading(me.page, 'Log in with NemID');
      await me.page.getByLabel('User ID').fill(me.nemidNumber);
      await me.page.getByLabel('Password').fill(me.password);
      await me.page.getByRole('button', { name: 'Next' }).click();
      await seeText(me.page, 'You have blocked your NemID.');
      await noViolations(me.page);

      const citizen = ctx.citizens.findByIdentifier(me.nemidNumber)!;
      ctx.mailbox.deliver(citizen.id, { sender: 'kommune', subject: 'Sent while your NemID was blocked', body: 'Mail keeps arriving.' });

      await self.goto('/nemid/desk?lang=en&screens=full');
      await seeHeading(self, 'At the desk: Borgerservice or the bank');
      await noViolations(self);
      await self.getByLabel('Borgerservice').check();
      await self.getByLabel('Full name').fill(me.name);
      await self.getByLabel('CPR number').fill(me.cpr);
      await self.getByLabel('NemID number or user ID').fill(me.nemidNumber);
      await self.getByRole('button', { name: 'Ask for a temporary password' }).click();
      await seeText(self, 'The case worker needs to see photo ID before handing over a password.');
      await noViolations(self);
      await self.getByLabel('I show my photo ID (passport or driving licence)').check();
      await self.getByRole('button', { name: 'Ask for a temporary password' }).click();
      await seeText(self, 'Borgerservice hands you a letter');
      const temporary = await textOf(self, 'temporary-password');
      const newCard = await textOf(self, 'card-number');
      await noViolations(self);

      await me.page.goto('/login?service=mynemid&lang=en&screens=full');
      await me.page.getByLabel('User ID').fill(me.nemidNumber);
      await me.page.getByLabel('Password').fill(temporary);
      await me.page.getByRole('button', { name: 'Next' }).click();
      await choosePassword(me.page, 'Te4kande9');
      await seeText(me.page, `Use the key card whose number ends in ${newCard.replace(/-/g, '').slice(-3)}.`);
      await noViolations(me.page);
      await me.card.reload();
      await me.page.getByLabel('Code').fill(await codeFromCard(me.card, await textOf(me.page, 'key-number')));
      await me.page.getByRole('button', { name: 'Log in' }).click();
      await seeHeading(me.page, 'My NemID');
      await noViolations(me.page);

      await me.page.goto('/post?lang=en&screens=full');
      await seeText(me.page, 'Sent while your NemID was blocked');
      await seeText(me.page, 'Dit NemID er spærret');
      await noViolations(me.page);
      await me.person.close();
    },
    journeyTimeout,
  );
});

describe('a forgotten password over four days on the class clock', () => {
  it(
    'orders a temporary password with the card number, finds it in the letterbox on the third working day, and logs in with it',
    async () => {
      const me = await activatedPractice();
      const classId = ctx.citizens.findByIdentifier(me.nemidNumber)!.classId;
      const page = me.page;
      await page.goto('/nemid?lang=en&screens=full');
      await page.getByRole('link', { name: 'Forgotten your password? Order a temporary password' }).click();
      await seeHeading(page, 'Order a temporary password');
      await noViolations(page);
      await page.getByLabel('User ID').fill(me.nemidNumber);
      await page.getByLabel('Key card number').fill((await textOf(me.card, 'card-number')).replace(/-/g, ' '));
      await page.getByRole('button', { name: 'Order temporary password' }).click();
      await seeText(page, 'Your temporary password is on its way by post.');
      await noViolations(page);
      await page.getByRole('link', { name: 'Look in your letterbox at home (paper post)' }).click();
      await seeText(page, 'On its way to you by post');
      await seeText(page, 'Din midlertidige NemID-adgangskode: arrives');
      await noViolations(page);

      const seen: boolean[] = [];
      for (let n = 1; n <= 4; n += 1) {
        ctx.clock.advance(classId, day);
        await page.reload();
        // The practice identity reads Danish (its language is da), so the issuer writes in Danish.
        seen.push((await page.getByRole('heading', { name: 'Din midlertidige NemID-adgangskode' }).count()) > 0);
      }
      expect(seen).toEqual([false, false, true, true]); // Tue, Wed: not yet; Thu, the 3rd working day: arrived
      await noViolations(page);
      const letter = await page.locator('article.paper-letter', { hasText: 'Din midlertidige NemID-adgangskode' }).innerText();
      const temporary = /\n([A-Z][a-z]+\d{4})\n/.exec(letter)![1]!;

      await page.goto('/login?service=mynemid&lang=en&screens=full');
      await page.getByLabel('User ID').fill(me.nemidNumber);
      await page.getByLabel('Password').fill(temporary);
      await page.getByRole('button', { name: 'Next' }).click();
      await choosePassword(page, 'Sommer2027');
      await page.getByLabel('Code').fill(await codeFromCard(me.card, await textOf(page, 'key-number')));
      await page.getByRole('button', { name: 'Log in' }).click();
      await seeHeading(page, 'My NemID');
      await noViolations(page);
      await me.person.close();
    },
    journeyTimeout,
  );
});

describe('the phone line and the issuer console', () => {
  it(
    'blocks Mette on the phone after a refused identification',
    async () => {
      const person = await newPerson(browser, app.url);
      const page = await person.newPage();
      await page.goto('/nemid/phone?lang=en&screens=full');
      await seeHeading(page, 'Phone call to NemID support');
      await noViolations(page);
      await page.getByLabel('Full name').fill('Mette Hansen');
      await page.getByLabel('CPR number').fill('120345-6789');
      await page.getByLabel('NemID number or user ID').fill('mette.hansen');
      await page.getByRole('button', { name: 'Say it' }).click();
      await seeText(page, 'I cannot confirm who you are from what you told me.');
      await noViolations(page);
      await page.getByLabel('Full name').fill('Mette Fiktiv Hansen');
      await page.getByRole('button', { name: 'Say it' }).click();
      await seeText(page, 'Thank you, Mette Fiktiv Hansen. How can I help you?');
      await noViolations(page);
      await page.getByLabel('I think someone else has access to my NemID').check();
      await page.getByRole('button', { name: 'Say it' }).click();
      await seeText(page, 'I have blocked your NemID now.');
      await noViolations(page);
      await page.getByRole('button', { name: 'Hang up' }).click();
      // A new call begins with the greeting; its first words follow the hour of the day.
      await seeText(page, 'Before I can help, I must be sure who I am talking to.');
      expect(ctx.citizens.findByIdentifier('mette.hansen')).toMatchObject({ state: 'blocked', lockCode: 'USER' });
      await person.close();
    },
    journeyTimeout,
  );

  it(
    'refuses the console to a visitor, and lets an operator find Lars and lift his LOCK002',
    async () => {
      const person = await newPerson(browser, app.url);
      const page = await person.newPage();
      const refused = await page.goto('/issuer?lang=en&screens=full');
      expect(refused?.status()).toBe(403);
      await seeHeading(page, 'Only for issuer operators');
      await noViolations(page);

      await page.goto('/issuer/login?lang=en&screens=full');
      await noViolations(page);
      await page.getByLabel('Username').fill('nets.operator');
      await page.getByLabel('Password').fill('operator-password-1');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await seeHeading(page, 'Issuer console');
      // By his user ID: a name part such as "Lars" can also match the random fictional
      // names of practice identities created earlier in this file ("… Fiktiv Larsen").
      await page.getByLabel('Search').fill('lars.berg');
      await page.getByRole('button', { name: 'Search' }).click();
      await seeText(page, '1 NemID holder found');
      await noViolations(page);
      await page.getByRole('link', { name: 'Lars Fiktiv Berg' }).click();
      await seeHeading(page, 'NemID of Lars Fiktiv Berg');
      expect(await textOf(page, 'nemid-state')).toBe('Blocked (LOCK002)');
      await noViolations(page);
      await page.getByRole('button', { name: 'Unblock NemID now' }).click();
      await seeText(page, 'The NemID is open again, and the holder has been told by letter.');
      expect(await textOf(page, 'nemid-state')).toBe('Active');
      await noViolations(page);

      const lars = await (await newPerson(browser, app.url)).newPage();
      await lars.goto('/login?service=mynemid&lang=en&screens=full');
      await lars.getByLabel('User ID').fill('lars.berg');
      await lars.getByLabel('Password').fill('Stol2468');
      await lars.getByRole('button', { name: 'Next' }).click();
      await seeHeading(lars, 'Type the code from your key card');
      await noViolations(lars);
      await person.close();
    },
    journeyTimeout,
  );
});
