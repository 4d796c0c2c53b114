import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Citizen } from '../../server/citizen/types.ts';
import { codeFromCard, launchBrowser, newPerson, noViolations, seeHeading, seeText, serve, textOf } from '../helpers/browser.ts';
import { teacherPassword, teacherWorld } from '../teacher/world.ts';

/**
 * Issue 16's "done when" in a browser: a teacher loads the MitID lesson and prints the
 * activation letters; a trainee activates MitID with the letter's facts and logs in to
 * Digital Post with the app (English screens); a trainee with a NemID key card creates
 * MitID with it and then logs in with MitID (German screens).
 */
let browser: Browser;
let world: Awaited<ReturnType<typeof teacherWorld>>;
let app: Awaited<ReturnType<typeof serve>>;
let url: string;
let teacher: BrowserContext;
let console: Page;
const code = 'MITID-LESSON';

/** The class's trainees in the scenario's order (MitID in da, de, en; NemID with a key card). */
const trainee = (position: number): Citizen => world.ctx.citizens.listInClass(world.ctx.classes.findByCode(code)!.id)[position]!;

beforeAll(async () => {
  world = await teacherWorld();
  app = await serve(world.ctx);
  url = app.url;
  browser = await launchBrowser();
  teacher = await newPerson(browser, url);
  console = await teacher.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The MitID login with the app, from the MitID box to Digital Post's inbox. */
async function approveInApp(
  page: Page,
  userId: string,
  texts: { userId: string; continue: string; open: string; approve: string; confirm: string },
): Promise<void> {
  await page.getByLabel(texts.userId, { exact: true }).fill(userId);
  await page.getByRole('button', { name: texts.continue }).click();
  await page.getByRole('link', { name: texts.open }).click();
  await noViolations(page);
  await page.getByRole('link', { name: texts.approve, exact: true }).click();
  await noViolations(page);
  await page.getByRole('button', { name: texts.confirm }).click();
  await page.waitForURL(/\/post$/);
}

describe('a MitID lesson in the browser', () => {
  it('the teacher loads the MitID lesson and prints the activation letters', async () => {
    await console.goto('/teacher?lang=en&screens=full');
    await console.getByLabel('Username').fill('anna');
    await console.getByLabel('Password').fill(teacherPassword);
    await console.getByRole('button', { name: 'Log in' }).click();
    await seeHeading(console, 'Teacher console');
    await console.goto('/teacher/classes/new');
    await console.getByLabel('Scenario', { exact: true }).selectOption('mitid-first-login');
    await console.getByLabel('Number of trainees').fill('4');
    await console.getByLabel('Class code').fill(code);
    await console.getByLabel('Class name').fill('MitID first time');
    await console.getByRole('button', { name: 'Create the class' }).click();
    await console.waitForURL(`**/teacher/classes/${code}`, { timeout: 60_000 });
    await seeHeading(console, `Class MitID first time (${code})`);
    await seeText(console, 'MitID not activated yet');
    await noViolations(console);

    await console.getByRole('link', { name: 'Print login slips and key cards' }).click();
    await seeHeading(console, `Login slips and key cards – ${code}`);
    await seeText(console, 'Trainees who get MitID in the lesson get an activation letter in place of the key card');
    await noViolations(console);
    // Each letter speaks its trainee's language: Danish, German, English.
    for (const [position, label] of [
      [0, 'Aktiveringsbrev til MitID'],
      [1, 'Aktivierungsbrief für MitID'],
      [2, 'MitID activation letter'],
    ] as const) {
      expect(
        await console
          .getByRole('article', { name: trainee(position).name })
          .getByRole('region', { name: label })
          .count(),
        label,
      ).toBe(1);
    }
    const amaras = console.getByRole('article', { name: trainee(2).name });
    await amaras.getByText('TRAINING LETTER – not a real MitID letter.').waitFor();
    await amaras.getByRole('heading', { name: `MitID activation letter: ${trainee(2).name}` }).waitFor();
    expect(await amaras.locator('.keycard-grid').count()).toBe(0);
    const bents = console.getByRole('article', { name: trainee(3).name });
    await bents.getByRole('heading', { name: 'Fra NemID til MitID' }).waitFor();
    expect(await bents.locator('.keycard-grid').count()).toBe(1);

    // One trainee's letter on a page of its own, from the trainee's page.
    const single = await teacher.newPage();
    await single.goto(`/teacher/trainees/${trainee(1).id}/card`);
    await seeHeading(single, 'MitID activation letter');
    await single.getByRole('heading', { name: `Aktivierungsbrief für MitID: ${trainee(1).name}` }).waitFor();
    await noViolations(single);
    await single.close();
  });

  it('a trainee activates MitID with the letter, logs in to Digital Post with the app and reads the letter (English screens)', async () => {
    const passportNumber = (
      await console
        .getByRole('article', { name: trainee(2).name })
        .getByTestId('passport-number')
        .innerText()
    ).trim();
    const person = await newPerson(browser, url);
    const page = await person.newPage();
    await page.goto('/mitid/activate?lang=en&screens=full');
    await seeHeading(page, 'Scan your passport');
    await noViolations(page);
    await page.getByLabel('Passport number').fill(passportNumber);
    await page.getByRole('button', { name: 'Continue' }).click();
    await seeHeading(page, "Read the passport's chip");
    await noViolations(page);
    await page.getByRole('button', { name: 'Hold the phone on the passport' }).click();
    await seeHeading(page, 'Choose your MitID user ID');
    await page.getByLabel('MitID user ID', { exact: true }).fill('amara.d');
    await page.getByRole('button', { name: 'Continue' }).click();
    await seeHeading(page, 'Choose your MitID password');
    await page.getByLabel('Password', { exact: true }).fill('Blomst8642');
    await page.getByLabel('Type the password again').fill('Blomst8642');
    await page.getByRole('button', { name: 'Set up the MitID app' }).click();
    await seeHeading(page, 'Your MitID is ready');
    await noViolations(page);
    await page.getByRole('link', { name: 'Log in to Digital Post with MitID' }).click();
    await seeHeading(page, 'Log on with MitID');
    await approveInApp(page, 'amara.d', {
      userId: 'User ID',
      continue: 'Continue',
      open: 'Open the request',
      approve: 'Approve',
      confirm: 'Confirm approval',
    });
    await page.getByRole('link', { name: /Welcome to MitID in Digital Post/ }).click();
    await seeText(page, 'You have now logged in to Digital Post with MitID.');
    await person.close();

    // The teacher's class page follows: MitID activated, the lesson's three exercises done.
    await console.goto(`/teacher/classes/${code}`);
    const row = console.getByRole('row', { name: new RegExp(trainee(2).name) });
    await row.getByText('MitID activated: amara.d').waitFor();
    expect(world.ctx.progress.ofTrainee(world.ctx.classes.findByCode(code)!, trainee(2)).exercisesDone).toBe(3);
  });

  it('a trainee with a NemID key card creates MitID with it, then logs in to Digital Post with MitID (German screens)', async () => {
    const holder = trainee(3);
    const cardPage = await teacher.newPage();
    await cardPage.goto(`/teacher/trainees/${holder.id}/card`);
    const person = await newPerson(browser, url);
    const page = await person.newPage();
    await page.goto('/mitid/get?lang=de&screens=full');
    await seeHeading(page, 'MitID mit Ihrer NemID bekommen');
    await noViolations(page);
    await page.getByRole('link', { name: 'Mit NemID anmelden' }).click();
    await page.getByLabel('Benutzer-ID').fill(holder.userId!);
    await page.getByLabel('Passwort', { exact: true }).fill(world.ctx.citizens.blueprintOf(holder.id).knownPassword);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await seeHeading(page, 'Geben Sie den Code von Ihrer Schlüsselkarte ein');
    await page.getByLabel('Code', { exact: true }).fill(await codeFromCard(cardPage, await textOf(page, 'key-number')));
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await seeHeading(page, 'MitID mit Ihrer NemID bekommen');
    await page.getByRole('button', { name: 'Meine MitID erstellen' }).click();
    await seeHeading(page, 'MitID-Benutzer-ID wählen');
    await noViolations(page);
    await page.getByLabel('MitID-Benutzer-ID', { exact: true }).fill('bent.mitid');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByLabel('Passwort', { exact: true }).fill('Lampe97531');
    await page.getByLabel('Passwort noch einmal eingeben').fill('Lampe97531');
    await page.getByRole('button', { name: 'MitID-App einrichten' }).click();
    await seeHeading(page, 'Ihre MitID ist bereit');
    await seeText(page, 'Sie haben weiterhin auch Ihre NemID');
    await page.getByRole('link', { name: 'Mit MitID bei Digital Post anmelden' }).click();
    await seeHeading(page, 'Mit MitID anmelden');
    await approveInApp(page, 'bent.mitid', {
      userId: 'Benutzer-ID',
      continue: 'Weiter',
      open: 'Anfrage öffnen',
      approve: 'Genehmigen',
      confirm: 'Genehmigung bestätigen',
    });
    expect(world.ctx.mitid.statusOf(holder.id)).toEqual({ identity: 'both', mitidActivated: true });
    await person.close();
    await cardPage.close();
  });
});
