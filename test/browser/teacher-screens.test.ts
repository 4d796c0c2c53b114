import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app.ts';
import { launchBrowser, newPerson, noViolations, seeHeading } from '../helpers/browser.ts';
import { testConfig } from '../helpers/context.ts';
import { teacherPassword, teacherWorld } from '../teacher/world.ts';

let browser: Browser;
let server: Server;
let teacher: BrowserContext;
let world: Awaited<ReturnType<typeof teacherWorld>>;

beforeAll(async () => {
  world = await teacherWorld();
  const fit = await world.ctx.scenarios.createClass('FIT-30', 'default', 30, world.teachers.anna, 'cli');
  // A class in the middle of a lesson: everyone active (a last-activity time in every row), some
  // needing help after wrong tries, some blocked by themselves and some by NemID support.
  const now = world.ctx.clock.now(fit.id);
  world.ctx.citizens.listInClass(fit.id).forEach((citizen, index) => {
    const event = (type: string, rule: string) =>
      world.ctx.events.record({ classId: fit.id, citizenId: citizen.id, actor: 'trainee', type, rule, data: {}, at: now });
    event('login-ok', 'R4');
    if (index % 3 === 0) [1, 2].forEach(() => event('wrong-key', 'R4'));
    if (index % 5 === 1) world.ctx.citizens.setState(citizen.id, 'blocked', 'USER', null);
    if (index % 5 === 2) world.ctx.citizens.setState(citizen.id, 'blocked', 'LOCK003', null);
  });
  server = createApp(world.ctx, testConfig()).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  browser = await launchBrowser();
  teacher = await newPerson(browser, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** What reaches past the right edge of the window, or of the box that holds the progress table. */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cuts: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width)
      cuts.push(`the page is ${document.documentElement.scrollWidth} px wide in ${width} px`);
    const table = document.querySelector('table.progress');
    if (!table) return ['no progress table'];
    const box = table.parentElement!;
    if (box.scrollWidth > box.clientWidth) cuts.push(`the table is ${box.scrollWidth} px wide in a box of ${box.clientWidth} px`);
    if (table.getBoundingClientRect().right > width) cuts.push(`the table ends at ${Math.round(table.getBoundingClientRect().right)} px`);
    return cuts;
  });
}

describe('the teacher console on a classroom screen', () => {
  it('shows the progress table of a busy class of 30 whole at 1024 and 1280 px wide, in English and Danish, without a horizontal cut', async () => {
    const page = await teacher.newPage();
    await page.goto('/teacher?lang=en&screens=full');
    await page.getByLabel('Username').fill('anna');
    await page.getByLabel('Password').fill(teacherPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await seeHeading(page, 'Teacher console');
    for (const [lang, progress] of [
      ['en', 'Progress'],
      ['da', 'Fremskridt'],
    ] as const) {
      for (const width of [1024, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`/teacher/classes/FIT-30?lang=${lang}`);
        await page.getByRole('heading', { name: progress, exact: true }).waitFor();
        expect(await page.locator('table.progress tbody tr').count()).toBe(30);
        expect(await cutOff(page), `${lang} ${width} px`).toEqual([]);
      }
    }
    await page.goto('/teacher/classes/FIT-30?lang=en&screens=full');
  });

  it('projects the class page: the lobby lists everyone, projector mode hides every password and join code, Show reveals one', async () => {
    const page = await teacher.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/teacher/classes/FIT-30?lang=en&screens=full');
    await page.getByRole('heading', { name: 'Lobby: who has joined and logged in' }).waitFor();
    expect(await page.locator('table.lobby tbody tr').count()).toBe(30);
    await noViolations(page);

    const klass = world.ctx.classes.findByCode('FIT-30')!;
    const trainees = world.ctx.citizens.listInClass(klass.id).filter((citizen) => citizen.knownPassword);
    const target = trainees[0]!;
    const switchButton = page.getByRole('button', { name: 'Projector mode' });
    expect(await switchButton.getAttribute('aria-pressed')).toBe('false');
    await switchButton.click();
    await page.getByRole('button', { name: 'Projector mode', pressed: true }).waitFor();
    const text = await page.locator('main').innerText();
    for (const citizen of trainees) expect(text).not.toContain(citizen.knownPassword!);
    expect(text).not.toContain(klass.joinCode!);
    expect(text).toContain('•••••');
    await noViolations(page);

    await page.getByRole('link', { name: `Show (password of ${target.name})` }).click();
    await page.getByRole('link', { name: `Hide (password of ${target.name})` }).waitFor();
    const shown = await page.locator('main').innerText();
    expect(shown).toContain(target.knownPassword!);
    for (const citizen of trainees.filter((other) => other.knownPassword !== target.knownPassword))
      expect(shown).not.toContain(citizen.knownPassword!);
    await noViolations(page);

    await page.getByRole('button', { name: 'Projector mode', pressed: true }).click();
    await page.getByRole('button', { name: 'Projector mode', pressed: false }).waitFor();
    expect(await page.locator('main').innerText()).toContain(klass.joinCode!);
  });
});
