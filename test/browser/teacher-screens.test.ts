import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app.ts';
import { launchBrowser, newPerson, seeHeading } from '../helpers/browser.ts';
import { testConfig } from '../helpers/context.ts';
import { teacherPassword, teacherWorld } from '../teacher/world.ts';

let browser: Browser;
let server: Server;
let teacher: BrowserContext;

beforeAll(async () => {
  const world = await teacherWorld();
  await world.ctx.scenarios.createClass('FIT-30', 'default', 30, world.teachers.anna, 'cli');
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
    if (document.documentElement.scrollWidth > width) cuts.push(`the page is ${document.documentElement.scrollWidth} px wide in ${width} px`);
    const table = document.querySelector('table.progress');
    if (!table) return ['no progress table'];
    const box = table.parentElement!;
    if (box.scrollWidth > box.clientWidth) cuts.push(`the table is ${box.scrollWidth} px wide in a box of ${box.clientWidth} px`);
    if (table.getBoundingClientRect().right > width) cuts.push(`the table ends at ${Math.round(table.getBoundingClientRect().right)} px`);
    return cuts;
  });
}

describe('the teacher console on a classroom screen', () => {
  it('shows the progress table of a class of 30 whole at 1024 and 1280 px wide, without a horizontal cut', async () => {
    const page = await teacher.newPage();
    await page.goto('/teacher?lang=en');
    await page.getByLabel('Username').fill('anna');
    await page.getByLabel('Password').fill(teacherPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await seeHeading(page, 'Teacher console');
    for (const width of [1024, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/teacher/classes/FIT-30');
      await page.getByRole('heading', { name: 'Progress' }).waitFor();
      expect(await page.locator('table.progress tbody tr').count()).toBe(30);
      expect(await cutOff(page), `${width} px`).toEqual([]);
    }
  });
});
