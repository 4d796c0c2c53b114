import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { launchBrowser, newPerson, seeHeading, seeText, serve, noViolations } from '../helpers/browser.ts';
import { codeForAskedKey, seededContext } from '../helpers/context.ts';

let browser: Browser;
let ctx: Context;
let app: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  ctx = await seededContext();
  app = await serve(ctx);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The text of the label of the element that has the focus. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return element?.labels?.[0]?.textContent?.trim() ?? `(${element?.tagName ?? 'nothing'})`;
  });

async function passwordStep(page: Page, userId: string, password: string, service = 'mynemid'): Promise<void> {
  await page.goto(`/login?service=${service}&lang=en&screens=full`);
  await page.getByLabel('User ID').fill(userId);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Next' }).click();
}

async function logIn(page: Page, userId: string, password: string, service = 'mynemid'): Promise<void> {
  await passwordStep(page, userId, password, service);
  await seeHeading(page, 'Type the code from your key card');
  await page.getByLabel('Code').fill(codeForAskedKey(ctx, userId).code);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

/** Words split over two lines although they would fit a line of their own ("Skattestyrel|sen"). */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // The block the word's line runs in: the nearest ancestor that is not an inline box.
      let box = node.parentElement!;
      while (getComputedStyle(box).display === 'inline' && box.parentElement) box = box.parentElement;
      const style = getComputedStyle(box);
      const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      for (const match of (node.textContent ?? '').matchAll(/[\p{L}\p{N}]{2,}/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index!);
        range.setEnd(node, match.index! + match[0].length);
        const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
        const lines = new Set(rects.map((rect) => Math.round(rect.top))).size;
        const width = rects.reduce((sum, rect) => sum + rect.width, 0);
        if (lines > 1 && width <= room) broken.push(`"${match[0]}" in ${box.tagName.toLowerCase()}.${box.className}`);
      }
    }
    return broken;
  });
}

describe('the login, step by step', () => {
  it('focuses the first field of every step, and every step passes axe', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/login?service=mynemid&lang=en&screens=full');
    expect(await focusedLabel(page)).toBe('User ID');
    await noViolations(page);
    await page.getByLabel('User ID').fill('741852963');
    await page.getByLabel('Password').fill('velkommen81');
    await page.getByRole('button', { name: 'Next' }).click();
    await seeHeading(page, 'Choose your own password');
    expect(await focusedLabel(page)).toBe('New password');
    await noViolations(page);
    await page.getByLabel('New password', { exact: true }).fill('Solskin77');
    await page.getByLabel('Type the new password again').fill('Solskin77');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await seeHeading(page, 'Type the code from your key card');
    expect(await focusedLabel(page)).toBe('Code');
    await noViolations(page);
    await person.close();
  });

  it('says how many tries are left after a wrong password, and focuses the password again', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await passwordStep(page, 'jens.nielsen', 'Forkert1x');
    await seeText(page, 'Wrong password. You have 4 tries left.');
    expect(await focusedLabel(page)).toBe('Password');
    await page.getByLabel('Password').fill('Forkert2x');
    await page.getByRole('button', { name: 'Next' }).click();
    await seeText(page, 'Wrong password. You have 3 tries left.');
    await noViolations(page);
    await person.close();
  });

  it('"Cancel" at the key step ends the attempt and returns to the front page, not logged in', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await passwordStep(page, 'mette.hansen', 'Hest2024', 'post');
    await seeHeading(page, 'Type the code from your key card');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await seeText(page, 'The login was cancelled. You are not logged in.');
    expect(new URL(page.url()).pathname).toBe('/');
    await noViolations(page);
    await page.goto('/post');
    await seeHeading(page, 'Log in with NemID');
    await person.close();
  });

  it('"Forgot your password?" leads to the temporary password by post, whose form works', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.goto('/login?service=mynemid&lang=en&screens=full');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await seeHeading(page, 'Order a temporary password');
    await noViolations(page);
    const anna = ctx.citizens.findByIdentifier('anna.schmidt')!;
    await page.getByLabel('User ID').fill('anna.schmidt');
    await page.getByLabel('Key card number').fill(ctx.keycards.activeCard(anna.id)!.cardNumber);
    await page.getByRole('button', { name: 'Order temporary password' }).click();
    await seeText(page, /Your temporary password is on its way by post\. It arrives/);
    await person.close();
  });

  it('goes back after a finished login to the service, not to "start again"', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await logIn(page, 'ahmed.karimi', 'BOG7531X');
    await seeHeading(page, 'My NemID');
    await page.goBack();
    await seeHeading(page, 'My NemID');
    expect(await page.getByText('Start the login again').count()).toBe(0);
    await page.goBack();
    await seeText(page, 'You are already logged in.');
    expect(await page.getByText('Start again from the first step').count()).toBe(0);
    await person.close();
  });

  it('shows "Log af" on one line, on the header\'s first row, at 1280 px in every language, guide on or off', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await logIn(page, 'mette.hansen', 'Hest2024');
    await seeHeading(page, 'My NemID');
    const problems: string[] = [];
    for (const prefs of [
      'text=normal&contrast=normal&guide=on',
      'text=normal&contrast=normal&guide=off',
      'text=large&contrast=high&guide=on',
    ]) {
      await person.addCookies([{ name: 'sandbox.prefs', value: prefs, url: app.url }]);
      for (const lang of ['da', 'en', 'de']) {
        await page.goto(`/my-nemid?lang=${lang}&screens=full`);
        const shape = await page.evaluate(() => {
          const button = document.querySelector('.logout button') as HTMLElement;
          const style = getComputedStyle(button);
          const oneLine =
            parseFloat(style.lineHeight) +
            parseFloat(style.paddingTop) +
            parseFloat(style.paddingBottom) +
            parseFloat(style.borderTopWidth) +
            parseFloat(style.borderBottomWidth);
          const box = button.getBoundingClientRect();
          const brand = document.querySelector('.brand')!.getBoundingClientRect();
          return {
            text: button.innerText,
            height: box.height,
            oneLine,
            sameRowAsBrand: brand.top + brand.height / 2 > box.top && brand.top + brand.height / 2 < box.bottom,
          };
        });
        if (shape.height > shape.oneLine + 1)
          problems.push(`${prefs} ${lang}: "${shape.text}" is ${shape.height} px high, one line is ${shape.oneLine} px`);
        if (!shape.sameRowAsBrand) problems.push(`${prefs} ${lang}: "${shape.text}" is not on the header's first row`);
      }
    }
    expect(problems).toEqual([]);
    await person.close();
  });

  it('breaks no word mid-word with the guide on, at 1280 and 1024 px, with normal and the largest text', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    await logIn(page, 'mette.hansen', 'Hest2024');
    await seeHeading(page, 'My NemID');
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const letter = ctx.mailbox.arrivedLetters(mette.id)[0]!;
    const problems: string[] = [];
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      for (const text of ['normal', 'larger']) {
        await person.addCookies([{ name: 'sandbox.prefs', value: `text=${text}&contrast=normal&guide=on`, url: app.url }]);
        for (const lang of ['da', 'de']) {
          for (const url of [
            '/my-nemid',
            '/exercises',
            '/post',
            `/post/letters/${letter.id}`,
            '/post/notifications',
            '/borger',
            '/skat',
            '/get-nemid',
          ]) {
            await page.goto(`${url}?lang=${lang}&screens=full`);
            for (const word of await brokenWords(page)) problems.push(`${width} px, ${text}, ${lang} ${url}: ${word}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    await person.close();
  }, 300_000);
});
