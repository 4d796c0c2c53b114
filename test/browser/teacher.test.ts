import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../server/app.ts';
import { codeFromCard, launchBrowser, newPerson, seeHeading, seeText, textOf, noViolations } from '../helpers/browser.ts';
import { testConfig } from '../helpers/context.ts';
import { teacherPassword, teacherWorld } from '../teacher/world.ts';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

let browser: Browser;
let world: Awaited<ReturnType<typeof teacherWorld>>;
let server: Server;
let url: string;
let teacher: BrowserContext;

beforeAll(async () => {
  world = await teacherWorld();
  server = createApp(world.ctx, testConfig()).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  teacher = await newPerson(browser, url);
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function logInAsTeacher(page: Page, username: string): Promise<void> {
  await page.goto('/teacher?lang=en&screens=full');
  await seeHeading(page, 'Teacher login');
  await noViolations(page);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(teacherPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await seeHeading(page, 'Teacher console');
}

describe('a teacher runs a lesson in the console, without the terminal', { timeout: 180_000 }, () => {
  let console: Page;

  it('logs in, creates a class of 30 from a scenario and sees its join code', async () => {
    console = await teacher.newPage();
    await logInAsTeacher(console, 'anna');
    await noViolations(console);
    await console.getByRole('link', { name: 'Create a class' }).first().click();
    await seeHeading(console, 'Create a class');
    await noViolations(console);
    await console.getByRole('button', { name: 'Create the class' }).click();
    await seeText(console, 'Choose a scenario.');
    await noViolations(console);
    await console.getByLabel('Scenario', { exact: true }).selectOption('first-activation');
    await console.getByLabel('Number of trainees').fill('30');
    await console.getByLabel('Class code').fill('LESSON-1');
    await console.getByLabel('Class name').fill('Danish 3B');
    await console.getByLabel('Instructions for the trainees').fill('Log in with the slip on your desk.');
    await console.getByRole('button', { name: 'Create the class' }).click();
    // 30 passwords are hashed (argon2id) while the class is made: a few seconds on a busy machine.
    await console.waitForURL('**/teacher/classes/LESSON-1', { timeout: 60_000 });
    await seeHeading(console, 'Class Danish 3B (LESSON-1)');
    await seeText(console, 'Class LESSON-1 was created with 30 trainees.');
    expect(await textOf(console, 'join-code')).toMatch(/^[A-Z2-9]{6}$/);
    await noViolations(console);
  });

  it("prints every trainee's login slip and key card on one A4 page each", async () => {
    await console.getByRole('link', { name: 'Print login slips and key cards' }).click();
    await seeHeading(console, 'Login slips and key cards – LESSON-1');
    await console.getByRole('button', { name: 'Print every sheet' }).waitFor();
    await noViolations(console);
    expect(await console.locator('article.print-sheet').count()).toBe(30);
    await console.emulateMedia({ media: 'print' });
    const pdf = await console.pdf({ format: 'A4', printBackground: true });
    await console.emulateMedia({ media: 'screen' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(30);
  });

  it('lets a trainee find the class by its join code', async () => {
    const joinCode = world.ctx.classes.findByCode('LESSON-1')!.joinCode!;
    const trainee = await newPerson(browser, url);
    const page = await trainee.newPage();
    await page.goto('/join?lang=en&screens=full');
    await seeHeading(page, 'Join your class');
    await noViolations(page);
    await page.getByLabel('Join code').fill(joinCode.toLowerCase());
    await page.getByRole('button', { name: 'Show my class' }).click();
    await seeHeading(page, 'Your class: Danish 3B');
    await seeText(page, 'Log in with the slip on your desk.');
    await noViolations(page);
    await trainee.close();
  });

  it('moves the class clock and sends a letter that a trainee then finds in the mailbox', async () => {
    await console.goto('/teacher/classes/LESSON-1?lang=en&screens=full');
    await console.getByRole('button', { name: '+8 hours' }).click();
    await seeText(console, /The clock moved \+8 hours\./);
    await noViolations(console);

    await console.getByRole('link', { name: 'Send a letter to the whole class' }).click();
    await seeHeading(console, 'Send a letter to class LESSON-1');
    await noViolations(console);
    await console.getByLabel('Sender', { exact: true }).selectOption({ label: 'Fiktiv Kommune, Borgerservice' });
    await console.getByLabel('Subject').fill('Welcome to the course');
    await console.getByLabel('Text of the letter').fill('See you on Tuesday.');
    await console.getByRole('button', { name: 'Send to the whole class' }).click();
    await seeText(console, 'was delivered to 30 trainees.');

    const klass = world.ctx.classes.findByCode('LESSON-1')!;
    const first = world.ctx.citizens.listInClass(klass.id)[0]!;
    // The lobby and the progress table both link the trainee's page.
    await console.getByRole('link', { name: first.name }).first().click();
    await seeHeading(console, `Trainee ${first.name}`);
    await noViolations(console);
    const cardPage = await teacher.newPage();
    await cardPage.goto(`/teacher/trainees/${first.id}/card?lang=en&screens=full`);
    await noViolations(cardPage);

    // The teacher watches the class's progress live while the trainee logs in.
    await console.goto('/teacher/classes/LESSON-1?lang=en&screens=full');
    const live = console.getByLabel('Refresh by itself every 15 seconds');
    await live.check();
    await noViolations(console);
    const loggedInBefore = Number(/(\d+) have logged in/.exec(await textOf(console, 'progress-totals'))![1]);

    const trainee = await newPerson(browser, url);
    const page = await trainee.newPage();
    await page.goto('/login?service=post&lang=en&screens=full');
    await page.getByLabel('User ID').fill(first.nemidNumber);
    await page.getByLabel('Password').fill(world.ctx.citizens.blueprintOf(first.id).knownPassword);
    await page.getByRole('button', { name: 'Next' }).click();
    await seeHeading(page, 'Choose your own password');
    await page.getByLabel('New password', { exact: true }).fill('Kaffe2468');
    await page.getByLabel('Type the new password again').fill('Kaffe2468');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await seeHeading(page, 'Type the code from your key card');
    await page.getByLabel('Code').fill(await codeFromCard(cardPage, await textOf(page, 'key-number')));
    await page.getByRole('button', { name: 'Log in' }).click();
    await seeText(page, 'Welcome to the course');
    await trainee.close();

    // No reload by the teacher: the page refreshes itself and counts the new login.
    await console
      .getByTestId('progress-totals')
      .filter({ hasText: `${loggedInBefore + 1} have logged in` })
      .waitFor({ timeout: 30_000 });
    await noViolations(console);
    await live.uncheck();
  });

  it('resets the whole class through the confirmation page, by keyboard, and keeps an archive of the class as it was', async () => {
    await console.goto('/teacher/classes/LESSON-1?lang=en&screens=full');
    const resetLink = console.getByRole('link', { name: 'Reset the whole class (30 trainees)' });
    await resetLink.focus();
    await console.keyboard.press('Enter');
    await seeHeading(console, 'Reset class Danish 3B (LESSON-1)?');
    await seeText(console, 'All 30 trainees go back to the start of the scenario');
    await seeText(console, 'The class clock goes back to real time.');
    await noViolations(console);

    // Cancel, the next stop after Reset, goes back and resets nothing.
    await console.getByRole('button', { name: 'Reset', exact: true }).focus();
    await console.keyboard.press('Tab');
    expect(await console.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Cancel');
    await console.keyboard.press('Enter');
    await seeHeading(console, 'Class Danish 3B (LESSON-1)');
    expect(await textOf(console, 'progress-totals')).toContain('1 have logged in');

    await resetLink.focus();
    await console.keyboard.press('Enter');
    await seeHeading(console, 'Reset class Danish 3B (LESSON-1)?');
    await console.getByRole('button', { name: 'Reset', exact: true }).focus();
    await console.keyboard.press('Enter');
    await seeText(console, /The class was reset: 30 trainees in \d+ ms\./);
    await seeText(console, '30 trainees: 30 not activated');
    await noViolations(console);

    await console.getByRole('link', { name: /\(class clock\): before the reset of the whole class/ }).click();
    await console.getByRole('heading', { level: 1, name: /^Class LESSON-1 on .*, before a reset$/ }).waitFor();
    expect(await textOf(console, 'archive-totals')).toMatch(/^30 trainees: 29 not activated, .* 1 have logged in/);
    await noViolations(console);

    const first = world.ctx.citizens.listInClass(world.ctx.classes.findByCode('LESSON-1')!.id)[0]!;
    await console.goto(`/teacher/trainees/${first.id}?lang=en&screens=full`);
    await console.getByRole('link', { name: `Reset ${first.name}` }).click();
    await seeHeading(console, `Reset ${first.name}?`);
    await seeText(console, 'The other trainees and the class clock stay as they are.');
    await noViolations(console);
    await console.getByRole('link', { name: 'Cancel' }).click();
    await seeHeading(console, `Trainee ${first.name}`);
  });

  it('refuses a broken scenario upload with the field and a clear message, and opens the guide', async () => {
    await console.getByRole('link', { name: 'Scenario library' }).click();
    await seeHeading(console, 'Scenario library');
    await seeText(console, 'Activating NemID for the first time');
    await noViolations(console);
    await console.getByRole('link', { name: 'Upload a scenario' }).click();
    await seeHeading(console, 'Upload a scenario');
    await noViolations(console);
    await console.getByLabel('Scenario file').setInputFiles({
      name: 'my-lesson.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(
        'title: Mine\ndescription: Broken\nclass: { code: MINE, name: Mine }\ntrainees:\n  - { name: Ida Fiktiv Lund, state: sleeping }\n',
      ),
    });
    await console.getByRole('button', { name: 'Check and save the scenario' }).click();
    await seeText(console, 'Nothing was saved: the scenario has 1 error');
    await seeText(console, 'trainees[0].state');
    await seeText(console, 'One of: pending, active, locked, blocked, revoked.');
    await console.getByRole('link', { name: 'The scenario has errors: see the list of errors below. Nothing was saved.' }).click();
    expect(await console.evaluate(() => document.activeElement?.id)).toBe('problems');
    await noViolations(console);
    expect(world.ctx.library.names()).not.toContain('my-lesson');

    await console.getByRole('link', { name: "Teacher's guide" }).click();
    await seeHeading(console, "Teacher's guide: running a lesson in the NemID training sandbox");
    await noViolations(console);
    await console.getByRole('link', { name: 'Read it in Danish (the console switches to Danish).' }).click();
    await seeHeading(console, 'Vejledning til undervisere: sådan holder du en lektion i NemID-øvemiljøet');
    await noViolations(console);
    await console.getByRole('link', { name: 'Læs den på engelsk (konsollen skifter til engelsk).' }).click();
    await seeHeading(console, "Teacher's guide: running a lesson in the NemID training sandbox");
  });

  it('shows another teacher "page not found" for this class', async () => {
    const colleague = await newPerson(browser, url);
    const page = await colleague.newPage();
    await logInAsTeacher(page, 'bo');
    await page.goto('/teacher/classes/LESSON-1?lang=en&screens=full');
    await seeHeading(page, 'Page not found');
    await noViolations(page);
    await colleague.close();
  });
});
