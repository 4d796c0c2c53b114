import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import {
  codeFromCard,
  newPerson,
  seeHeading,
  seeText,
  textOf,
  closeBrowserSandbox,
  noViolations,
  openBrowserSandbox,
  type BrowserSandbox,
} from '../helpers/browser.ts';

/** A whole journey visits many pages, each checked with axe: more than the default 30 s on a busy machine. */
const journeyTimeout = 180_000;

let browser: Browser;
let ctx: Context;
let app: BrowserSandbox['app'];

beforeAll(async () => {
  ({ ctx, app, browser } = await openBrowserSandbox());
});

afterAll(() => closeBrowserSandbox({ browser, app }));

/** What the applicant brings to a desk, ticked in the form. */
async function bring(page: Page, items: { id?: boolean; cprDocument?: boolean }): Promise<void> {
  await page.getByLabel('Yes, I am registered and have a CPR number').check();
  if (items.id) await page.getByLabel('Valid photo ID (passport or driving licence)').check();
  if (items.cprDocument) await page.getByLabel('An official document that shows my CPR number (e.g. the health insurance card)').check();
}

/** The first login with the welcome letter, through choosing a password and a code from the printed card. */
async function firstLogin(page: Page, cardPage: Page, nemidNumber: string, temporaryPassword: string): Promise<void> {
  await page.getByLabel('User ID').fill(nemidNumber);
  await page.getByLabel('Password').fill(temporaryPassword);
  await page.getByRole('button', { name: 'Next' }).click();
  await seeHeading(page, 'Choose your own password');
  await page.getByLabel('New password', { exact: true }).fill('Kaffe2468');
  await page.getByLabel('Type the new password again').fill('Kaffe2468');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await seeHeading(page, 'Type the code from your key card');
  const keyNumber = await textOf(page, 'key-number');
  await cardPage.reload();
  await page.getByLabel('Code').fill(await codeFromCard(cardPage, keyNumber));
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** A NemID from Borgerservice, with every rule met. */
async function borgerserviceNemid(person: BrowserContext): Promise<Page> {
  const page = await person.newPage();
  await page.goto('/get-nemid/borgerservice?lang=en&screens=full');
  await bring(page, { id: true, cprDocument: true });
  await page.getByLabel("The witness's age").fill('52');
  await page.getByLabel('The witness shows valid ID').check();
  await page.getByLabel('The witness signs the declaration on honour').check();
  await page.getByRole('button', { name: 'Hand in the application' }).click();
  await seeHeading(page, 'Your NemID from Borgerservice');
  return page;
}

describe('getting a NemID at Borgerservice in the browser (R1, R6, R8)', () => {
  it(
    'reads the guide, is refused with the reasons, then gets NemID on the spot and reads Digital Post at once',
    async () => {
      const person = await newPerson(browser, app.url);
      const page = await person.newPage();
      await page.goto('/?lang=en&screens=full');
      await page.getByRole('link', { name: 'Getting a NemID: the guide' }).click();
      await seeHeading(page, 'Getting a NemID');
      await seeText(page, 'Cross-border commuters');
      await noViolations(page);

      await page.getByRole('link', { name: 'Go to Borgerservice' }).click();
      await seeHeading(page, 'Borgerservice: apply for NemID');
      await noViolations(page);
      await bring(page, { id: true });
      await page.getByLabel("The witness's age").fill('16');
      await page.getByLabel("The witness's CPR number").fill('');
      await page.getByLabel('The witness signs the declaration on honour').check();
      await page.getByRole('button', { name: 'Hand in the application' }).click();
      await seeText(page, 'The case worker cannot issue NemID');
      for (const reason of [
        'You have no official document that shows your CPR number.',
        'Your witness is under 18.',
        'Your witness has no Danish CPR number.',
        'Your witness has no valid ID with them.',
      ]) {
        await seeText(page, reason);
      }
      await noViolations(page);

      await page.getByLabel('An official document that shows my CPR number (e.g. the health insurance card)').check();
      await page.getByLabel("The witness's age").fill('52');
      await page.getByLabel("The witness's CPR number").fill('120345-6789');
      await page.getByLabel('The witness shows valid ID').check();
      await page.getByRole('button', { name: 'Hand in the application' }).click();
      await seeHeading(page, 'Your NemID from Borgerservice');
      await seeText(page, 'Your digital mailbox is ready');
      await noViolations(page);
      const nemidNumber = await textOf(page, 'nemid-number');
      const temporaryPassword = await textOf(page, 'temporary-password');

      const cardPage = await person.newPage();
      await cardPage.goto('/practice/card?lang=en&screens=full');
      await seeText(cardPage, 'TRAINING CARD – not a real NemID key card');

      await page.getByRole('link', { name: 'Log in to Digital Post for the first time' }).click();
      await firstLogin(page, cardPage, nemidNumber, temporaryPassword);
      await seeHeading(page, 'Inbox');
      await seeText(page, 'Welcome to your digital mailbox');
      await noViolations(page);
      await person.close();
    },
    journeyTimeout,
  );
});

describe('getting a NemID at a bank in the browser (R7)', () => {
  it(
    'gets it by post, uses the online bank, is refused by Digital Post until the bank activates it',
    async () => {
      const person = await newPerson(browser, app.url);
      const page = await person.newPage();
      await page.goto('/get-nemid/bank?lang=en&screens=full');
      await noViolations(page);
      await bring(page, { id: true, cprDocument: true });
      await page.getByRole('button', { name: 'Apply for NemID' }).click();
      await seeHeading(page, 'Your NemID is on its way from the bank');
      await noViolations(page);

      await page.getByRole('link', { name: 'Look in your letterbox at home' }).click();
      await seeHeading(page, 'Your letterbox at home');
      await seeText(page, 'There is no post in your letterbox yet.');
      await noViolations(page);
      await page.getByRole('button', { name: 'Let the time pass until it arrives' }).click();
      await seeText(page, 'The time has passed, and the post has come.');
      await seeText(page, 'Your NemID from the bank');
      await seeText(page, 'Your NemID key card from the bank');
      await noViolations(page);
      const letter = await page.locator('article.paper-letter', { hasText: 'NemID number:' }).innerText();
      const nemidNumber = /NemID number: (\d{9})/.exec(letter)![1]!;
      const temporaryPassword = /Temporary password: (\S+)/.exec(letter)![1]!;
      await page.getByRole('link', { name: 'Take the key card out of the envelope (open and print it)' }).click();
      await seeText(page, 'TRAINING CARD – not a real NemID key card');
      const cardPage = page;

      const login = await person.newPage();
      await login.goto('/login?service=post&lang=en&screens=full');
      await login.getByLabel('User ID').fill(nemidNumber);
      await login.getByLabel('Password').fill(temporaryPassword);
      await login.getByRole('button', { name: 'Next' }).click();
      await seeText(login, 'not yet activated for public self-service');
      await noViolations(login);

      await login.goto('/login?service=bank&lang=en&screens=full');
      await firstLogin(login, cardPage, nemidNumber, temporaryPassword);
      await seeHeading(login, 'Your online bank');

      await login.goto('/post?lang=en&screens=full');
      await seeHeading(login, 'NemID not activated for public self-service');
      await noViolations(login);
      await login.getByRole('link', { name: 'Ask the bank to activate it' }).click();
      await seeHeading(login, 'The bank: activate NemID for public self-service');
      await noViolations(login);
      await login.getByRole('button', { name: 'Activate NemID for public self-service' }).click();
      await seeText(login, 'The bank clerk must see your valid ID before activating NemID.');
      await noViolations(login);
      await login.getByLabel('Valid photo ID (passport or driving licence)').check();
      await login.getByRole('button', { name: 'Activate NemID for public self-service' }).click();
      await seeText(login, 'now accept it');
      await login.getByRole('link', { name: 'Log in to Digital Post' }).click();
      await seeHeading(login, 'Inbox');
      await seeText(login, 'Your NemID now works for public self-service');
      await person.close();
    },
    journeyTimeout,
  );
});

describe('exemption from Digital Post in the browser (R16-R21)', () => {
  it(
    'is rejected, corrected and granted, sends unread letters on paper, contacts SU-styrelsen and ends on application',
    async () => {
      const person = await newPerson(browser, app.url);
      const desk = await borgerserviceNemid(person);
      const citizen = ctx.citizens.findByIdentifier(await textOf(desk, 'nemid-number'))!;
      ctx.mailbox.deliver(citizen.id, { sender: 'skattestyrelsen', subject: 'Your tax assessment', body: 'Read it.' });
      ctx.mailbox.deliver(citizen.id, { sender: 'su-styrelsen', subject: 'Your student grant', body: 'Read it.' });

      const page = await person.newPage();
      await page.goto('/exemption?lang=en&screens=full');
      await seeHeading(page, 'Exemption from Digital Post');
      await noViolations(page);
      await page.getByRole('link', { name: 'Print the paper form' }).click();
      await seeHeading(page, 'Application for exemption from Digital Post');
      await noViolations(page);
      await page.goBack();

      await page.getByRole('link', { name: 'Apply for exemption at Borgerservice' }).click();
      await noViolations(page);
      await page.getByLabel('Another reason', { exact: true }).check();
      await page.getByLabel('Your own reason (only if you chose another reason)').fill('I like paper better');
      await page.getByLabel('Another card (for example a library card)').check();
      await page.getByRole('button', { name: 'Hand in the application' }).click();
      await seeText(page, 'Your application for exemption from Digital Post is rejected.');
      await seeText(page, 'You did not show valid ID.');
      await noViolations(page);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Get the decision in writing (PDF)' }).click(),
      ]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
      expect(download.suggestedFilename()).toMatch(/^exemption-decision-\d+\.pdf$/);

      await page.getByRole('link', { name: 'Correct the application' }).click();
      await seeText(page, 'You are correcting your rejected application.');
      await page.getByLabel('I have language difficulties').check();
      await page.getByLabel('Passport', { exact: true }).check();
      await page.getByRole('button', { name: 'Hand in the application' }).click();
      await seeText(page, 'Your application for exemption from Digital Post is granted.');
      await noViolations(page);

      await page.getByRole('link', { name: 'Look in your letterbox at home' }).click();
      await seeText(page, 'Your tax assessment');
      await seeText(page, 'Welcome to your digital mailbox');
      expect(await page.getByText('Your student grant').count()).toBe(0);
      await noViolations(page);

      await page.goto('/exemption?lang=en&screens=full');
      await seeText(page, 'has been exempt from Digital Post since');
      await page.getByRole('button', { name: 'Contact SU-styrelsen' }).click();
      await seeText(page, 'From now on SU-styrelsen sends you letters on paper.');
      await noViolations(page);

      await page.getByRole('link', { name: 'Apply to end the exemption' }).click();
      await seeHeading(page, 'End the exemption from Digital Post');
      await noViolations(page);
      await page.getByLabel('Driving licence', { exact: true }).check();
      await page.getByRole('button', { name: 'Apply to end the exemption' }).click();
      await seeText(page, 'Your exemption has ended.');
      await seeText(page, 'receives letters from public senders in the digital mailbox');
      await noViolations(page);
      await person.close();
    },
    journeyTimeout,
  );
});
