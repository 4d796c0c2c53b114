import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/common/passwords.ts';
import type { Context } from '../../server/context.ts';
import { testApp, routeTable } from '../helpers/http.ts';
import { accessibilityViolations, launchBrowser, newPerson, seeHeading, serve, noViolations } from '../helpers/browser.ts';
import { codeForAskedKey, seededContext } from '../helpers/context.ts';
import { mitidFixture, workshopFixture } from '../workshop/sweep-fixture.ts';

/**
 * Every page of the app, read from the route table, visited in Chromium by an anonymous
 * visitor, a person practising alone, a trainee, a teacher and an issuer operator, with
 * axe (WCAG 2.1 AA) on each; the main pages also in English and German, with the guide,
 * high contrast and the largest text, and at 640 px (a 1280 px screen zoomed to 200 %)
 * without a horizontal scroll; no page shows a locale key in place of its text. A GET
 * route with an object id needs a fixture below.
 */

interface World {
  ctx: Context;
  owner: { citizenId: number; classCode: string; identifier: string; password: string };
}

const letterOf = (world: World, test: (letter: ReturnType<Context['mailbox']['arrivedLetters']>[number]) => boolean) =>
  String(world.ctx.mailbox.arrivedLetters(world.owner.citizenId).find(test)!.id);

let folderId: string | undefined;
let decisionId: string | undefined;

/** A folder of the owner's mailbox; made once. */
function ownFolder(world: World): Record<string, string> {
  if (!folderId) {
    const made = world.ctx.post.inbox.createFolder(world.owner.citizenId, 'Skat');
    if (!made.ok) throw new Error('no folder');
    folderId = String(made.folderId);
  }
  return { id: folderId };
}

/** For each GET route with parameters: an object that belongs to the owner (or to the owner's teacher). */
/** An archive of the owner's class, kept as a reset keeps it (without resetting); made once. */
function classArchive(world: World): number {
  const klass = world.ctx.classes.findByCode(world.owner.classCode)!;
  return (
    world.ctx.archives.list(klass)[0]?.id ??
    world.ctx.archives.keep({ klass, reason: 'class-reset', citizenId: null, actor: 'teacher', teacherId: klass.teacherId })!
  );
}

const fixtures: Record<string, (world: World) => Record<string, string>> = {
  '/post/letters/:id': (world) => ({ id: letterOf(world, (letter) => letter.senderKey === 'skattestyrelsen') }),
  '/post/letters/:id/answer': (world) => ({ id: letterOf(world, (letter) => letter.answerable) }),
  '/post/letters/:id/forward': (world) => ({ id: letterOf(world, (letter) => letter.direction === 'in') }),
  '/post/letters/:id/sign': (world) => ({ id: letterOf(world, (letter) => letter.kind === 'signature-request') }),
  '/post/folders/:id': (world) => ownFolder(world),
  '/post/folders/:id/delete': (world) => ownFolder(world),
  '/exemption/decisions/:id': (world) => {
    if (!decisionId) {
      const citizen = world.ctx.citizens.findById(world.owner.citizenId)!;
      const outcome = world.ctx.exemption.apply(citizen, {
        idDocument: 'none',
        reason: 'other',
        otherReason: 'a11y sweep',
        corrects: null,
      });
      if (outcome.kind !== 'decided') throw new Error('no decision');
      decisionId = String(outcome.decision.id);
    }
    return { id: decisionId };
  },
  '/teacher/classes/:code': (world) => ({ code: world.owner.classCode }),
  '/teacher/classes/:code/cards': (world) => ({ code: world.owner.classCode }),
  '/teacher/classes/:code/letters': (world) => ({ code: world.owner.classCode }),
  '/teacher/classes/:code/reset': (world) => ({ code: world.owner.classCode }),
  '/teacher/classes/:code/archives/:archive': (world) => ({ code: world.owner.classCode, archive: String(classArchive(world)) }),
  '/teacher/trainees/:id': (world) => ({ id: String(world.owner.citizenId) }),
  '/teacher/trainees/:id/reset': (world) => ({ id: String(world.owner.citizenId) }),
  '/teacher/trainees/:id/card': (world) => ({ id: String(world.owner.citizenId) }),
  '/teacher/trainees/:id/letters': (world) => ({ id: String(world.owner.citizenId) }),
  '/teacher/scenarios/:name': () => ({ name: 'default' }),
  '/issuer/citizens/:id': (world) => ({ id: String(world.owner.citizenId) }),
  '/workshop/:id': (world) => ({ id: workshopFixture(world).id }),
  '/workshop/:id/attacker': (world) => ({ id: workshopFixture(world).id }),
  '/workshop/:id/attacker/:targetId': (world) => ({ id: workshopFixture(world).id, targetId: workshopFixture(world).targetId }),
  '/workshop/:id/debrief': (world) => ({ id: workshopFixture(world).id }),
  '/nemid-secure-login.dk-verify/:token': (world) => ({ token: workshopFixture(world).token }),
  '/call/:token': (world) => ({ token: workshopFixture(world).callToken }),
  '/mitid/app/:requestId': (world) => ({ requestId: mitidFixture(world).requestId }),
  '/mitid-sikkerhed.dk-verify/:token': (world) => ({ token: mitidFixture(world).token }),
};

/** Not pages: files (PDF, CSV, downloads, the icon) and the health check. */
const notAPage = (path: string) => /\.(pdf|csv)$|\/attachments\/|\/download$|^\/healthz$|^\/favicon\.ico$/.test(path);

/** The pages a trainee, a teacher and a visitor use most: also checked in every language and display setting. */
const mainPages = (world: World) => ({
  anonymous: ['/', '/login?service=post', '/exercises', '/get-nemid', '/nemid', '/join'],
  trainee: ['/my-nemid', '/exercises', '/preferences', '/post', `/post/letters/${fixtures['/post/letters/:id']!(world).id}`, '/borger'],
  teacher: ['/teacher', `/teacher/classes/${world.owner.classCode}`],
  practising: ['/practice/welcome'],
});

/** A locale key shown as it is (`login:start.title`): its text is missing in the page's language. */
const namespaces = fs.readdirSync('locales/da').map((file) => file.replace(/\.json$/, ''));
const untranslated = new RegExp(`\\b(?:${namespaces.join('|')}):[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)+`, 'g');

function fill(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));
}

let browser: Browser;
let world: World;
let app: Awaited<ReturnType<typeof serve>>;
let people: Record<'anonymous' | 'practising' | 'trainee' | 'teacher' | 'operator', BrowserContext>;

async function logInTrainee(person: BrowserContext): Promise<void> {
  const page = await person.newPage();
  await page.goto('/login?service=mynemid&lang=en&screens=full');
  await page.getByLabel('User ID').fill(world.owner.identifier);
  await page.getByLabel('Password').fill(world.owner.password);
  await page.getByRole('button', { name: 'Next' }).click();
  await seeHeading(page, 'Type the code from your key card');
  await page.getByLabel('Code').fill(codeForAskedKey(world.ctx, world.owner.identifier).code);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await seeHeading(page, 'My NemID');
  await page.goto('/?lang=da');
  await page.close();
}

async function logInWith(
  person: BrowserContext,
  path: string,
  username: string,
  password: string,
  button: string,
  heading: RegExp,
): Promise<void> {
  const page = await person.newPage();
  await page.goto(`${path}?lang=en&screens=full`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 5_000 });
  await page.goto('/?lang=da');
  await page.close();
}

beforeAll(async () => {
  const ctx = await seededContext();
  const teacherId = ctx.teachers.insert('teacher-a', await hashPassword('teacher-a-password'), Date.now());
  await ctx.issuer.addOperator('operator-a', 'operator-a-password', Date.now());
  const klass = await ctx.scenarios.createClass('OWNED', 'default', 2, teacherId, 'cli');
  const citizen = ctx.citizens.listInClass(klass.id).find((candidate) => candidate.state === 'active')!;
  world = {
    ctx,
    owner: {
      citizenId: citizen.id,
      classCode: klass.code,
      identifier: citizen.userId ?? citizen.nemidNumber,
      password: citizen.knownPassword!,
    },
  };
  app = await serve(ctx);
  browser = await launchBrowser();
  people = {
    anonymous: await newPerson(browser, app.url),
    practising: await newPerson(browser, app.url),
    trainee: await newPerson(browser, app.url),
    teacher: await newPerson(browser, app.url),
    operator: await newPerson(browser, app.url),
  };
  const practice = await people.practising.newPage();
  await practice.goto('/?lang=en&screens=full');
  await practice.getByRole('button', { name: 'Get a practice NemID' }).click();
  await seeHeading(practice, 'Your practice NemID');
  await practice.goto('/?lang=da');
  await practice.close();
  await logInTrainee(people.trainee);
  await logInWith(people.teacher, '/teacher/login', 'teacher-a', 'teacher-a-password', 'Log in', /Teacher console/);
  await logInWith(people.operator, '/issuer/login', 'operator-a', 'operator-a-password', 'Sign in', /Issuer console/);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Visits each URL as this person (once per page it lands on) and returns axe's findings, one line each. */
async function sweep(person: BrowserContext, who: string, urls: string[]): Promise<{ problems: string[]; visited: Set<string> }> {
  const page = await person.newPage();
  const visited = new Set<string>();
  const problems: string[] = [];
  for (const url of urls) {
    const response = await page.goto(url);
    const landed = new URL(page.url());
    const key = landed.pathname + landed.search;
    if (visited.has(key)) continue;
    visited.add(key);
    if (!response || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    for (const violation of await accessibilityViolations(page)) problems.push(`${who} ${url} -> ${key}: ${violation}`);
    for (const raw of (await page.locator('body').innerText()).match(untranslated) ?? [])
      problems.push(`${who} ${url} -> ${key}: untranslated ${raw}`);
  }
  await page.close();
  return { problems, visited };
}

describe('every page of the app', () => {
  it('is checked by an accessibility check that finds a missing alt text and pale text', async () => {
    const page = await people.anonymous.newPage();
    await page.goto('/');
    await noViolations(page);
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.append(Object.assign(document.createElement('img'), { src: '/favicon.ico' }));
      const pale = Object.assign(document.createElement('p'), { textContent: 'Pale grey words' });
      pale.style.color = '#d0d0d0';
      main.append(pale);
    });
    const found = (await accessibilityViolations(page)).map((line) => line.split(':')[0]);
    expect(found).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
    await page.close();
  });

  it('has a fixture for every GET route with an object id', () => {
    const missing = routeTable(testApp(world.ctx)).filter(
      (route) => route.method === 'GET' && route.path.includes(':') && !notAPage(route.path) && !fixtures[route.path],
    );
    expect(missing).toEqual([]);
  });

  /** Who visits which routes: everyone the public pages, each role its own part (others are sent to a login). */
  const audiences: Record<keyof typeof people, (path: string) => boolean> = {
    anonymous: () => true,
    practising: (path) => !/^\/(teacher|workshop|issuer|post|borger|skat|bank|my-nemid)(\/|$)/.test(path),
    trainee: (path) => !/^\/(teacher|workshop|issuer)(\/|$)/.test(path),
    teacher: (path) => /^\/(teacher|workshop)(\/|$)|^\/$/.test(path),
    operator: (path) => /^\/issuer(\/|$)/.test(path),
  };

  for (const who of ['anonymous', 'practising', 'trainee', 'teacher', 'operator'] as const) {
    it(`passes axe for the ${who} visitor on each page of theirs, in Danish`, async () => {
      const gets = routeTable(testApp(world.ctx)).filter(
        (route) => route.method === 'GET' && !notAPage(route.path) && audiences[who](route.path),
      );
      const urls = [...new Set(gets.map((route) => fill(route.path, fixtures[route.path]?.(world) ?? {})))];
      const result = await sweep(people[who], who, urls);
      expect(result.problems).toEqual([]);
      expect(result.visited.size).toBeGreaterThan(0);
    }, 400_000);
  }

  it('passes axe on the login’s own steps: a choice of password and a key code, with and without mistakes', async () => {
    const person = await newPerson(browser, app.url);
    const page = await person.newPage();
    const problems: string[] = [];
    const check = async (step: string) => problems.push(...(await accessibilityViolations(page)).map((line) => `${step}: ${line}`));
    await page.goto('/login?lang=en&screens=full');
    await page.getByRole('button', { name: 'Next' }).click();
    await check('empty password step');
    await page.getByLabel('User ID').fill('741852963');
    await page.getByLabel('Password').fill('velkommen81');
    await page.getByRole('button', { name: 'Next' }).click();
    await seeHeading(page, 'Choose your own password');
    await check('choose a password');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await check('choose a password, nothing typed');
    await page.getByLabel('New password', { exact: true }).fill('Sol24680');
    await page.getByLabel('Type the new password again').fill('Sol24680');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await seeHeading(page, 'Type the code from your key card');
    await check('key step');
    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await check('key step after a wrong code');
    expect(problems).toEqual([]);
    await person.close();
  }, 120_000);
});

describe('the main pages', () => {
  const pagesOf = () => Object.entries(mainPages(world)) as [keyof typeof people, string[]][];

  it('pass axe in English and German too', async () => {
    const problems: string[] = [];
    for (const lang of ['en', 'de']) {
      for (const [who, urls] of pagesOf()) {
        const result = await sweep(
          people[who],
          `${who} (${lang})`,
          urls.map((url) => `${url}${url.includes('?') ? '&' : '?'}lang=${lang}&screens=full`),
        );
        problems.push(...result.problems);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('pass axe with the guide on, high contrast and the largest text', async () => {
    const problems: string[] = [];
    for (const [who, urls] of pagesOf()) {
      await people[who].addCookies([{ name: 'sandbox.prefs', value: 'text=larger&contrast=high&guide=on', url: app.url }]);
      const result = await sweep(people[who], `${who} (guided, high contrast, larger)`, urls);
      problems.push(...result.problems);
      await people[who].clearCookies({ name: 'sandbox.prefs' });
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('need no horizontal scrolling at 640 px wide, as a 1280 px screen zoomed to 200 %, also guided', async () => {
    const wide: string[] = [];
    const measure = async (page: Page, label: string) => {
      const { scroll, width, culprit } = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        // The innermost element that reaches past the edge, to say what is too wide.
        const past = [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > width + 1);
        const inner = past.filter((element) => !past.some((other) => other !== element && element.contains(other)));
        const first = inner[0];
        return {
          scroll: document.documentElement.scrollWidth,
          width,
          culprit: first ? `${first.tagName.toLowerCase()}.${first.className} "${(first.textContent ?? '').trim().slice(0, 60)}"` : '',
        };
      });
      if (scroll > width) wide.push(`${label}: ${scroll}px wide in ${width}px (${culprit})`);
    };
    for (const [who, urls] of pagesOf()) {
      const page = await people[who].newPage();
      await page.setViewportSize({ width: 640, height: 900 });
      for (const url of urls) {
        await page.goto(url);
        await measure(page, `${who} ${url}`);
      }
      await people[who].addCookies([{ name: 'sandbox.prefs', value: 'text=normal&contrast=normal&guide=on', url: app.url }]);
      for (const url of urls) {
        await page.goto(url);
        await measure(page, `${who} ${url} (guided)`);
      }
      await people[who].clearCookies({ name: 'sandbox.prefs' });
      await page.close();
    }
    expect(wide).toEqual([]);
  }, 300_000);
});
