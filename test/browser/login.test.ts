import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { codeFromCard, launchBrowser, newPerson, seeHeading, seeText, serve, textOf, noViolations } from '../helpers/browser.ts';
import { hours, seededContext } from '../helpers/context.ts';

let browser: Browser;
let ctx: Context;
let app: Awaited<ReturnType<typeof serve>>;
let teacher: BrowserContext;

beforeAll(async () => {
  ctx = await seededContext();
  await ctx.teachers.insert(
    'teacher',
    await (await import('../../server/common/passwords.ts')).hashPassword('teacher-password-1'),
    Date.now(),
  );
  app = await serve(ctx);
  browser = await launchBrowser();
  teacher = await newPerson(browser, app.url);
  const page = await teacher.newPage();
  await page.goto('/teacher/login?lang=en&screens=full');
  await page.getByLabel('Username').fill('teacher');
  await page.getByLabel('Password').fill('teacher-password-1');
  await page.getByRole('button', { name: 'Log in' }).click();
  await seeHeading(page, 'Teacher console');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The teacher hands the trainee their printed key card: the card page, opened from the console. */
async function keyCardOf(name: string): Promise<Page> {
  const page = await teacher.newPage();
  await page.goto('/teacher?lang=en&screens=full');
  await page.getByRole('link', { name: 'Demohold (DEMO)' }).click();
  await page.getByRole('table', { name: 'Trainees of class DEMO', exact: true }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('link', { name: `Key card of ${name}` }).click();
  await page.locator('.keycard').first().waitFor();
  return page;
}

async function passwordStep(page: Page, userId: string, password: string): Promise<void> {
  await page.goto('/login?service=mynemid&lang=en&screens=full');
  await page.getByLabel('User ID').fill(userId);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Next' }).click();
}

async function keyStep(page: Page, card: Page): Promise<string> {
  const key = await textOf(page, 'key-number');
  const code = await codeFromCard(card, key);
  await page.getByLabel('Code').fill(code);
  await page.getByRole('button', { name: 'Log in' }).click();
  return code;
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await seeText(page, 'You are logged out.');
}

describe('a normal login with the printed key card', () => {
  it('logs in with user ID, password and the code read off the card, and refuses that code again', async () => {
    const card = await keyCardOf('Ahmed Fiktiv Karimi');
    await noViolations(card);
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();

    await passwordStep(page, 'ahmed.karimi', 'BOG7531X');
    await seeHeading(page, 'Type the code from your key card');
    const usedCode = await keyStep(page, card);
    await seeHeading(page, 'My NemID');
    await noViolations(page);
    await seeText(page, 'Your recent logins');
    await logOut(page);

    await passwordStep(page, 'ahmed.karimi', 'Bog7531x');
    await page.getByLabel('Code').fill(usedCode);
    await page.getByRole('button', { name: 'Log in' }).click();
    await seeText(page, /which has already been used\. Each code works only once/);
    await seeText(page, '2 more wrong codes and your NemID is blocked.');
    await noViolations(page);
    await card.reload();
    await keyStep(page, card);
    await seeHeading(page, 'My NemID');
    await person.close();
  });
});

describe('the three lockouts', () => {
  it('locks for 8 hours after five wrong passwords (LOCK001) and lets the trainee in once the clock has moved 8 hours', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    for (let i = 1; i <= 4; i += 1) {
      await passwordStep(page, 'anna.schmidt', `Falsch${i}x`);
      await seeText(page, `Wrong password. You have ${5 - i} ${i === 4 ? 'try' : 'tries'} left.`);
    }
    await passwordStep(page, 'anna.schmidt', 'Falsch5x');
    await seeText(page, /locked for 8 hours .*\(LOCK001\)/);
    await noViolations(page);

    await passwordStep(page, 'anna.schmidt', 'Sommer42');
    await seeText(page, /\(LOCK001\)/);

    const anna = ctx.citizens.findByIdentifier('anna.schmidt')!;
    ctx.clock.advance(anna.classId, hours(8));
    await passwordStep(page, 'anna.schmidt', 'Sommer42');
    await seeHeading(page, 'Type the code from your key card');
    await keyStep(page, await keyCardOf('Anna Fiktiv Schmidt'));
    await seeHeading(page, 'My NemID');
    await person.close();
  });

  it('blocks after three more wrong passwords following a temporary lock (LOCK002)', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    const fatima = ctx.citizens.findByIdentifier('050644-8261')!;
    for (let i = 0; i < 5; i += 1) await passwordStep(page, '050644-8261', 'Wrong1x');
    ctx.clock.advance(fatima.classId, hours(8));
    for (let i = 0; i < 2; i += 1) {
      await passwordStep(page, '050644-8261', 'Wrong2x');
      await seeText(page, i === 0 ? 'Wrong password. You have 2 tries left.' : 'Wrong password. You have 1 try left.');
    }
    await passwordStep(page, '050644-8261', 'Wrong3x');
    await seeText(page, /blocked because the password was wrong again after a temporary lock \(LOCK002\)/);
    await passwordStep(page, '050644-8261', 'Fisk9753');
    await seeText(page, /\(LOCK002\)/);
    await noViolations(page);
    await person.close();
  });

  it('blocks after three wrong key codes (LOCK003)', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await passwordStep(page, 'mette.hansen', 'Hest2024');
    for (const code of ['111111', '222222']) {
      await page.getByLabel('Code').fill(code);
      await page.getByRole('button', { name: 'Log in' }).click();
      await seeText(page, /The code does not match key \d{4}/);
    }
    await page.getByLabel('Code').fill('333333');
    await page.getByRole('button', { name: 'Log in' }).click();
    await seeText(page, /blocked because key codes were wrong too many times \(LOCK003\)/);
    await noViolations(page);
    await passwordStep(page, 'mette.hansen', 'Hest2024');
    await seeText(page, /\(LOCK003\)/);
    await person.close();
  });
});

describe('CSRF in the browser', () => {
  it('refuses a login form whose token was removed', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/login?lang=en&screens=full');
    await page.locator('main form[action="/login"] input[name="_csrf"]').evaluate((input) => input.remove());
    await page.getByLabel('User ID').fill('jens.nielsen');
    await page.getByLabel('Password').fill('Cykel8642');
    await page.getByRole('button', { name: 'Next' }).click();
    await seeHeading(page, 'The form has expired');
    const loginEvents = ctx.events
      .list({ citizenId: ctx.citizens.findByIdentifier('jens.nielsen')!.id })
      .filter((event) => /password|key|login/.test(event.type));
    expect(loginEvents).toEqual([]);
    await person.close();
  });
});

describe('the login in Danish and German', () => {
  it('labels every field in the chosen language', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/login?lang=da');
    await page.getByLabel('Bruger-id').waitFor();
    await page.getByLabel('Adgangskode').waitFor();
    await page.getByRole('link', { name: 'Deutsch' }).click();
    // German help on Danish screens is the default for a German speaker; this trainee wants it all in German.
    await page.getByRole('link', { name: 'Alles auf Deutsch' }).click();
    await page.getByLabel('Benutzer-ID').waitFor();
    await noViolations(page);
    await person.close();
  });
});
