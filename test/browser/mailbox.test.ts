import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../server/cli/commands.ts';
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
import { codeForAskedKey, hours, testConfig } from '../helpers/context.ts';

let browser: Browser;
let ctx: Context;
let app: BrowserSandbox['app'];

beforeAll(async () => {
  ({ ctx, app, browser } = await openBrowserSandbox());
});

afterAll(() => closeBrowserSandbox({ browser, app }));

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

async function axeClean(page: Page): Promise<void> {
  await noViolations(page);
}

/** The three-part NemID login, starting from a service page; the code is read off the trainee's key card. */
async function logIn(
  page: Page,
  start: string,
  userId: string,
  password: string,
  labels = { userId: 'User ID', password: 'Password', next: 'Next', code: 'Code', login: 'Log in' },
): Promise<void> {
  await page.goto(start);
  await page.getByLabel(labels.userId).fill(userId);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.next }).click();
  const key = await textOf(page, 'key-number');
  const card = codeForAskedKey(ctx, userId);
  expect(card.key).toBe(key);
  await page.getByLabel(labels.code).fill(card.code);
  await page.getByRole('button', { name: labels.login }).click();
}

async function typeKeyCode(page: Page, userId: string): Promise<void> {
  const key = await textOf(page, 'key-number');
  const card = codeForAskedKey(ctx, userId);
  expect(card.key).toBe(key);
  await page.getByLabel('Code').fill(card.code);
}

// Whole journeys on a shared 2-core machine: a generous limit per journey, no timed assertions.
describe('Digital Post in the browser', { timeout: 120_000 }, () => {
  it('reads the unread tax letter, opens its PDF, answers it with an attachment and finds the answer in Sent', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await logIn(page, '/post?lang=en&screens=full', 'mette.hansen', 'Hest2024');
    await seeHeading(page, 'Inbox');
    await seeText(page, 'You have 3 unread letters.');
    await axeClean(page);

    await page.getByRole('link', { name: 'Your tax assessment for 2025 is ready' }).click();
    await seeHeading(page, 'Your tax assessment for 2025 is ready');
    await axeClean(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download aarsopgoerelse-2025.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('aarsopgoerelse-2025.pdf');
    expect(
      fs
        .readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    await page.getByRole('link', { name: 'Answer', exact: true }).click();
    await seeHeading(page, 'Answer the letter');
    await axeClean(page);
    await page.getByLabel('Your message').fill('My deduction for the journey to work is missing.');
    await page.getByLabel('Attachments (optional)').setInputFiles({ name: 'journey.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Send answer' }).click();
    await seeHeading(page, 'Sent');
    await seeText(page, 'Your answer has been sent.');
    await page.getByRole('link', { name: 'Re: Your tax assessment for 2025 is ready' }).click();
    await seeText(page, 'My deduction for the journey to work is missing.');
    await seeText(page, 'Open journey.pdf');
    await axeClean(page);

    await page.getByRole('link', { name: 'Write a new letter' }).click();
    await seeHeading(page, 'Write a new letter');
    await page.getByRole('button', { name: 'Send letter' }).click();
    await seeText(page, 'Choose the authority you are writing to.');
    await axeClean(page);
    await page.getByLabel('To', { exact: true }).selectOption({ label: 'Fiktiv Kommune, Borgerservice' });
    await page.getByLabel('Subject').fill('Moving house');
    await page.getByLabel('Your message').fill('I move on 1 December.');
    await page
      .getByLabel('Attachments (optional)')
      .setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([pdf, Buffer.alloc(2 * 1024 * 1024)]) });
    await page.getByRole('button', { name: 'Send letter' }).click();
    await seeText(page, 'A file is too large. Each attachment may be at most 2 MB. Nothing was sent.');
    await axeClean(page);
    await page.getByLabel('Attachments (optional)').setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Send letter' }).click();
    await seeText(page, 'Your letter has been sent.');
    await seeText(page, 'Moving house');
    await person.close();
  });

  it('signs the rental contract with password and key code; the signature is checked, and a tampered document is rejected', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await logIn(page, '/post?lang=en&screens=full', '685239407', 'Fisk9753');
    await page.getByRole('link', { name: 'Rental contract to sign' }).click();
    await page.getByRole('link', { name: 'Sign with NemID' }).click();
    await seeHeading(page, 'Sign with NemID');
    await seeText(page, 'Rent: 6,200 kr. a month, paid in advance on the 1st of the month.');
    await axeClean(page);
    await page.getByLabel('Password').fill('Fisk9753');
    await page.getByRole('button', { name: 'Next' }).click();
    await seeHeading(page, 'Type the code to sign');
    await axeClean(page);
    await typeKeyCode(page, '685239407');
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await seeText(page, 'You have signed the document with NemID.');
    await seeText(page, /Signed with NemID by Fatima Fiktiv Ali/);
    expect(await textOf(page, 'signature-check')).toBe('Signature checked: valid. The document is exactly the one that was signed.');
    await axeClean(page);

    const id = Number(new URL(page.url()).pathname.split('/').at(-1));
    ctx.db.prepare('UPDATE letters SET body = ? WHERE id = ?').run(JSON.stringify({ da: 'Husleje: 12.000 kr.' }), id);
    await page.reload();
    await seeText(page, 'Signature checked: NOT valid');
    await seeText(page, 'The document has been changed after it was signed.');
    await axeClean(page);
    await person.close();
  });

  it("refuses another trainee's letter and confirms a bank transfer only with the right key code", async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await logIn(page, '/bank?lang=en&screens=full', 'ahmed.karimi', 'Bog7531x');
    await seeHeading(page, 'Your online bank');
    await seeText(page, 'Salary from Fiktiv Rengøring ApS');
    await axeClean(page);
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const mettesLetter = ctx.mailbox.arrivedLetters(mette.id)[0]!;
    await page.goto(`/post/letters/${mettesLetter.id}`);
    await seeHeading(page, 'Page not found');

    await page.goto('/bank');
    const before = await textOf(page, 'balance');
    await page.getByLabel('To account').fill('1234 5678901234');
    await page.getByLabel('Amount in kroner').fill('250,00');
    await page.getByLabel('Text on the transfer (optional)').fill('Rent');
    await page.getByRole('button', { name: 'Next: confirm with NemID' }).click();
    await seeHeading(page, 'Confirm the transfer with NemID');
    await axeClean(page);
    const right = codeForAskedKey(ctx, 'ahmed.karimi').code;
    await page.getByLabel('Code').fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Confirm transfer' }).click();
    await seeText(page, /The code does not match key \d{4}\. 2 more wrong codes/);
    await axeClean(page);
    await typeKeyCode(page, 'ahmed.karimi');
    await page.getByRole('button', { name: 'Confirm transfer' }).click();
    await seeText(page, 'The transfer was confirmed with your key code and has been carried out.');
    expect(await textOf(page, 'balance')).not.toBe(before);
    await seeText(page, 'Transfer: Rent (to 1234 5678901234)');
    await axeClean(page);
    await person.close();
  });

  it('finds every service through the citizen portal and keeps its pages accessible: tax folder, folders, notifications, paper post, trash', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await logIn(page, '/borger?lang=en&screens=full', 'jens.nielsen', 'Cykel8642');
    await seeHeading(page, 'Your citizen portal');
    await axeClean(page);
    await page.getByRole('link', { name: 'Go to your tax folder' }).click();
    await seeHeading(page, 'Your tax folder');
    await axeClean(page);
    await page.getByLabel('Extra deductions in kroner').fill('lots');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await seeText(page, 'Write the amount in kroner, for example 4.500 or 4500,00.');
    await axeClean(page);
    await page.getByLabel('Extra deductions in kroner').fill('4.500');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await seeText(page, 'Your answer has been sent to Skattestyrelsen.');

    await page.getByRole('link', { name: 'Back to the citizen portal' }).click();
    await page.getByRole('link', { name: 'Go to your mailbox' }).click();
    await seeText(page, 'Receipt: your answer to the tax assessment 2025');
    await page.getByRole('link', { name: 'Manage folders' }).click();
    await page.getByLabel('Name of the new folder').fill('Housing');
    await page.getByRole('button', { name: 'Create folder' }).click();
    await seeText(page, 'The folder has been created.');
    await axeClean(page);
    await page.getByRole('link', { name: 'Folder: Housing' }).click();
    await seeHeading(page, 'Folder: Housing');
    await axeClean(page);

    await page.getByRole('link', { name: 'Notifications' }).click();
    await seeHeading(page, 'Notifications');
    await page.getByLabel('Send me an SMS when a letter arrives').check();
    await page.getByLabel('Mobile number').fill('12 34 56 78');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await seeText(page, 'Your notification settings have been saved.');
    await seeText(page, /You have a new letter from Skattestyrelsen in Digital Post/);
    await axeClean(page);

    await page.getByRole('link', { name: 'Paper post at home' }).click();
    await seeHeading(page, 'Your letterbox at home');
    await axeClean(page);
    await page.getByRole('link', { name: 'To your Digital Post (the inbox)' }).click();
    await page.getByRole('link', { name: 'Your home contents insurance has been renewed' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('link', { name: 'Deleted letters (trash)' }).click();
    await seeText(page, 'Your home contents insurance has been renewed');
    await axeClean(page);
    await page.getByRole('link', { name: 'Empty the trash' }).click();
    await seeHeading(page, 'Do you want to empty the trash?');
    await page.getByRole('button', { name: 'Yes, empty the trash' }).click();
    await seeText(page, 'The trash has been emptied.');
    await person.close();
  });

  it('searches across folders, deletes a folder (its letter back in the inbox) and empties the trash, each through its confirmation', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await logIn(page, '/post?lang=en&screens=full', 'ahmed.karimi', 'Bog7531x');
    await seeHeading(page, 'Inbox');
    const taxRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Your tax assessment for 2025 is ready' }) });
    expect(await taxRow.getByText('Has an attachment').count()).toBe(1);
    const insuranceRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Your home contents insurance has been renewed' }) });
    expect(await insuranceRow.getByTestId('paperclip').count()).toBe(0);

    await page.getByRole('link', { name: 'Manage folders' }).click();
    await page.getByLabel('Name of the new folder').fill('Flat');
    await page.getByRole('button', { name: 'Create folder' }).click();
    await seeText(page, 'The folder has been created.');
    await page.getByRole('link', { name: 'Inbox', exact: true }).click();
    await page.getByRole('link', { name: 'Rental contract to sign' }).click();
    await page.getByLabel('Move to').selectOption({ label: 'Flat' });
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await seeText(page, 'The letter has been moved.');

    await page.getByRole('link', { name: 'Inbox', exact: true }).click();
    await page.getByLabel('Search by sender or subject').fill('rental contract');
    await page.keyboard.press('Enter');
    await seeText(page, 'No letter matches your search.');
    await seeText(page, 'Also found in:');
    await axeClean(page);
    await page
      .getByRole('navigation', { name: 'Other places with letters that match the search' })
      .getByRole('link', { name: 'Folder: Flat: 1 letter' })
      .click();
    await seeHeading(page, 'Folder: Flat');
    await page.getByRole('link', { name: 'Rental contract to sign' }).waitFor();

    await page.getByRole('link', { name: 'Manage folders' }).click();
    await page.getByRole('link', { name: 'Delete the folder “Flat”' }).click();
    await seeHeading(page, 'Do you want to delete the folder “Flat”?');
    await seeText(page, 'The folder “Flat” holds 1 letter. It is not deleted: it goes back to the inbox');
    await axeClean(page);
    await page.getByRole('button', { name: 'Yes, delete the folder' }).click();
    await seeText(page, 'The folder has been deleted. Its letters are back in the inbox.');
    await axeClean(page);
    expect(await page.getByRole('link', { name: 'Folder: Flat' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Inbox', exact: true }).click();
    await page.getByRole('link', { name: 'Rental contract to sign' }).click();
    await page.getByRole('button', { name: 'Delete' }).click();

    await page.getByRole('link', { name: 'Deleted letters (trash)' }).click();
    await page.getByRole('link', { name: 'Empty the trash' }).click();
    await seeHeading(page, 'Do you want to empty the trash?');
    await seeText(page, '1 letter in the trash will be deleted for good, with its attachments.');
    await axeClean(page);
    await page.getByRole('link', { name: 'No, go back' }).click();
    await seeHeading(page, 'Deleted letters');
    await page.getByRole('link', { name: 'Empty the trash' }).click();
    await page.getByRole('button', { name: 'Yes, empty the trash' }).focus();
    await page.keyboard.press('Enter');
    await seeText(page, 'The trash has been emptied.');
    await seeText(page, 'There are no letters here.');
    await person.close();
  });

  it('shows letters arriving as the class clock moves, forwards one, marks a passed deadline, and takes a letter from the CLI (in German)', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await logIn(page, '/post?lang=de&screens=full', 'anna.schmidt', 'Sommer42', {
      userId: 'Benutzer-ID',
      password: 'Passwort',
      next: 'Weiter',
      code: 'Code',
      login: 'Anmelden',
    });
    await seeHeading(page, 'Posteingang');
    expect(await page.getByText('Wohngeld – wir brauchen Angaben').count()).toBe(0);

    const anna = ctx.citizens.findByIdentifier('anna.schmidt')!;
    ctx.clock.advance(anna.classId, hours(1));
    await page.reload();
    await page.getByRole('link', { name: 'Wohngeld – wir brauchen Angaben' }).click();
    await seeHeading(page, 'Wohngeld – wir brauchen Angaben');
    await page.getByRole('link', { name: 'Weiterleiten' }).click();
    await seeHeading(page, 'Den Brief weiterleiten');
    await page.getByLabel('Weiterleiten an').fill('niemand@');
    await page.getByRole('button', { name: 'Weiterleiten' }).click();
    await seeText(page, 'Das ist keine E-Mail-Adresse.');
    await axeClean(page);
    await page.getByLabel('Weiterleiten an').fill('mette.hansen');
    await page.getByRole('button', { name: 'Weiterleiten' }).click();
    await seeText(page, 'Der Brief wurde weitergeleitet.');

    ctx.clock.advance(anna.classId, hours(24 * 8));
    await page.getByRole('link', { name: 'Fristen' }).click();
    await seeHeading(page, 'Fristen');
    await seeText(page, 'Überfällig');
    await axeClean(page);
    await page.getByRole('link', { name: 'Posteingang', exact: true }).click();
    await seeText(page, 'Mahnung: Wohngeld – wir brauchen Angaben');

    const cli = commands(ctx, testConfig());
    await cli.run(['letter', 'send'], {
      to: 'anna.schmidt',
      from: 'su-styrelsen',
      subject: 'Ihr SU-Antrag',
      body: 'Wir haben Ihren Antrag erhalten.',
    });
    await page.reload();
    await seeText(page, 'Ihr SU-Antrag');
    const listed = JSON.parse(await cli.run(['letters', 'anna.schmidt'], { json: true }));
    expect(listed.at(-1)).toMatchObject({ sender: 'SU-styrelsen', subject: 'Ihr SU-Antrag', read: false, folder: 'inbox' });
    await axeClean(page);
    await person.close();
  });
});
