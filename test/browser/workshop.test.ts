import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Context } from '../../server/context.ts';
import { launchBrowser, newPerson, seeHeading, seeText, serve, textOf, noViolations } from '../helpers/browser.ts';
import { seededContext } from '../helpers/context.ts';
import { addFacilitator, facilitatorAtWorkshop, nemidAttackNames, startsAfter } from '../helpers/workshop-browser.ts';
import { codeOf, unusedKeys } from '../workshop/world.ts';

let browser: Browser;
let ctx: Context;
let app: Awaited<ReturnType<typeof serve>>;
let facilitator: Page;
let workshopPath: string;

const idOf = (identifier: string) => ctx.citizens.findByIdentifier(identifier)!.id;

/** A participant in their own browser, logged in to Digital Post with the key card in hand. */
async function participant(identifier: string, password: string, lang: 'da' | 'en' | 'de' = 'en'): Promise<Page> {
  const page = await (await newPerson(browser, app.url)).newPage();
  await page.goto(`/login?service=post&lang=${lang}&screens=full`);
  const labels = {
    da: ['Bruger-id', 'Adgangskode', 'Næste', 'Kode', 'Log på'],
    en: ['User ID', 'Password', 'Next', 'Code', 'Log in'],
    de: ['Benutzer-ID', 'Passwort', 'Weiter', 'Code', 'Anmelden'],
  }[lang];
  await page.getByLabel(labels[0]!, { exact: true }).fill(identifier);
  await page.getByLabel(labels[1]!, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels[2]!, exact: true }).click();
  await page.getByTestId('key-number').waitFor();
  await page.getByLabel(labels[3]!, { exact: true }).fill(codeOf(ctx, idOf(identifier), await textOf(page, 'key-number')));
  await page.getByRole('button', { name: labels[4]!, exact: true }).click();
  await page.getByTestId('unread-summary').waitFor();
  return page;
}

/** Opens a letter from the inbox by its title, as a person does. */
async function openLetter(page: Page, subject: string): Promise<void> {
  await page.getByRole('link', { name: subject }).first().click();
  await seeHeading(page, subject);
  await noViolations(page);
}

/** On the look-alike: user ID, password, then the code the page asks (relayed to the real login). */
async function fallForLogin(
  page: Page,
  identifier: string,
  password: string,
  labels = { id: 'User ID', password: 'Password', next: 'Next', code: 'Code', confirm: 'Confirm' },
): Promise<string> {
  expect(page.url()).toMatch(/\/nemid-secure-login\.dk-verify\/[A-Za-z0-9_-]{22}$/);
  expect(new URL(page.url()).host).toBe(new URL(app.url).host);
  await noViolations(page);
  await page.getByLabel(labels.id, { exact: true }).fill(identifier);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.next }).click();
  await page.getByTestId('key-number').waitFor();
  await noViolations(page);
  const key = await textOf(page, 'key-number');
  await page.getByLabel(labels.code, { exact: true }).fill(codeOf(ctx, idOf(identifier), key));
  await page.getByRole('button', { name: labels.confirm }).click();
  return key;
}

beforeAll(async () => {
  ctx = await seededContext();
  await addFacilitator(ctx);
  app = await serve(ctx);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Each step visits several pages, each checked with axe: more than the default 30 s on a busy machine. */
const stepTimeout = 120_000;

/**
 * One workshop told as a story, in order: each step starts from what the steps before it
 * left (the workshop started, who fell for what), so the steps run one after the other and
 * a step after a failed one stops at once, naming the step that failed, instead of failing
 * for a reason of its own.
 */
describe.sequential('the security workshop in the browser', { timeout: stepTimeout }, () => {
  let failedStep: string | undefined;
  beforeEach(() => {
    if (failedStep) throw new Error(`This step builds on "${failedStep}", which failed`);
  });
  afterEach((context) => {
    if (context.task.result?.state === 'fail') failedStep ??= context.task.name;
  });

  it('a facilitator starts a workshop for a class with every staged attack, now on the class clock', async () => {
    facilitator = await facilitatorAtWorkshop(browser, app.url, 'DEMO');
    for (const name of nemidAttackNames) await startsAfter(facilitator, name).fill('0');
    await facilitator.getByRole('button', { name: 'Start the workshop' }).click();
    await seeHeading(facilitator, 'Workshop 1 – Demohold');
    workshopPath = new URL(facilitator.url()).pathname;
    expect(await facilitator.getByText('Staged attack', { exact: true }).count()).toBeGreaterThanOrEqual(4);
    await noViolations(facilitator);
  });

  it('tax refund: Mette falls for it, and the relayed code logs the attacker in', async () => {
    const mette = await participant('mette.hansen', 'Hest2024');
    await openLetter(mette, 'You have a tax refund of DKK 4,312.50 waiting');
    expect(await mette.getByText(/staged|workshop/i).count()).toBe(0);
    await mette.getByRole('link', { name: 'Confirm with NemID and receive your refund' }).click();
    await fallForLogin(mette, 'mette.hansen', 'Hest2024');
    await seeHeading(mette, 'Confirm your key card');
    await noViolations(mette);
    const keys = unusedKeys(ctx, idOf('mette.hansen'), 3);
    for (const [index, entry] of keys.entries()) {
      await mette.getByLabel(`Key number ${index + 1}`).fill(entry.key);
      await mette.getByLabel(`Code ${index + 1}`).fill(entry.code);
    }
    await mette.getByRole('button', { name: 'Confirm' }).click();
    await seeText(mette, 'The refund of DKK 4,312.50 will be paid to your NemKonto');
    await noViolations(mette);
  });

  it('tax refund: Ahmed reports it as fraud', async () => {
    const ahmed = await participant('ahmed.karimi', 'Bog7531x');
    await openLetter(ahmed, 'You have a tax refund of DKK 4,312.50 waiting');
    await ahmed.getByRole('button', { name: 'Report as fraud' }).click();
    await seeHeading(ahmed, 'Thank you for reporting');
    await noViolations(ahmed);
  });

  it('locked letter: Anna falls for it, in German', async () => {
    const anna = await participant('anna.schmidt', 'Sommer42', 'de');
    await openLetter(anna, 'Ihre NemID wurde gesperrt – handeln Sie innerhalb von 24 Stunden');
    await anna.getByRole('link', { name: 'Meine NemID jetzt entsperren' }).click();
    await fallForLogin(anna, 'anna.schmidt', 'Sommer42', {
      id: 'Benutzer-ID',
      password: 'Passwort',
      next: 'Weiter',
      code: 'Code',
      confirm: 'Bestätigen',
    });
    await seeHeading(anna, 'Bestätigen Sie Ihre Schlüsselkarte');
    const keys = unusedKeys(ctx, idOf('anna.schmidt'), 3);
    for (const [index, entry] of keys.entries()) {
      await anna.getByLabel(`Schlüsselnummer ${index + 1}`).fill(entry.key);
      await anna.getByLabel(`Code ${index + 1}`).fill(index === 2 ? '000000' : entry.code);
    }
    await anna.getByRole('button', { name: 'Bestätigen' }).click();
    await seeText(anna, 'Ihre NemID ist entsperrt und funktioniert wie zuvor.');
    await noViolations(anna);
  });

  it("locked letter: Jens blocks his NemID at once on the issuer's self-service site (R14)", async () => {
    const jens = await participant('jens.nielsen', 'Cykel8642');
    await openLetter(jens, 'Your NemID has been locked – act within 24 hours');
    await jens.goto('/nemid');
    await jens.getByLabel('User ID', { exact: true }).fill('jens.nielsen');
    await jens.getByLabel('Password', { exact: true }).fill('Cykel8642');
    await jens.getByRole('button', { name: 'Sign in' }).click();
    await jens.getByLabel('I think someone else knows my password or has my key card').check();
    await jens.getByRole('button', { name: 'Block NemID now' }).click();
    await seeText(jens, 'Your NemID is blocked now.');
    await noViolations(jens);
  });

  it('support call: Fatima gives her password and a code on the phone', async () => {
    const fatima = await participant('685239407', 'Fisk9753');
    await seeText(fatima, 'Your phone is ringing:');
    await noViolations(fatima);
    await fatima.getByRole('button', { name: 'Answer' }).click();
    await seeHeading(fatima, 'Phone call');
    await seeText(fatima, 'Could you tell me your NemID password, please?');
    await noViolations(fatima);
    await fatima.getByLabel('What you say').fill('Fisk9753');
    await fatima.getByRole('button', { name: 'Say it' }).click();
    const asked = /next to key (\d{4})/.exec(await fatima.getByText(/read me the code next to key/).innerText())![1]!;
    await fatima.getByLabel('What you say').fill(codeOf(ctx, idOf('685239407'), asked));
    await fatima.getByRole('button', { name: 'Say it' }).click();
    await seeText(fatima, 'The call has ended.');
    await noViolations(fatima);
  });

  it('support call: Mette hangs up and reports the call', async () => {
    const mette = await participant('mette.hansen', 'Hest2024');
    await mette.getByRole('button', { name: 'Answer' }).click();
    await seeHeading(mette, 'Phone call');
    await mette.getByRole('button', { name: 'Hang up' }).click();
    await seeText(mette, '(You hung up.)');
    await mette.getByRole('button', { name: 'Report this call to NemID as fraud' }).click();
    await seeText(mette, 'You reported the call to NemID.');
    await noViolations(mette);
  });

  it('card photo: Ahmed uploads a photo of his key card', async () => {
    const ahmed = await participant('ahmed.karimi', 'Bog7531x');
    await openLetter(ahmed, 'New security check: register your key card');
    await ahmed.getByRole('link', { name: 'Register my key card' }).click();
    await fallForLogin(ahmed, 'ahmed.karimi', 'Bog7531x');
    await seeHeading(ahmed, 'Register your key card');
    await noViolations(ahmed);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('a photo of a key card')]);
    await ahmed.getByLabel('Photo of your key card').setInputFiles({ name: 'keycard.png', mimeType: 'image/png', buffer: png });
    await ahmed.getByRole('button', { name: 'Upload and register' }).click();
    await seeText(ahmed, 'Your key card is registered.');
    await noViolations(ahmed);
  });

  it('card photo: Fatima reports it as fraud', async () => {
    const fatima = await participant('685239407', 'Fisk9753');
    await openLetter(fatima, 'New security check: register your key card');
    await fatima.getByRole('button', { name: 'Report as fraud' }).click();
    await seeHeading(fatima, 'Thank you for reporting');
  });

  it("the facilitator shows the relay reaching Mette's mailbox and a replay of the code failing", async () => {
    await facilitator.goto(`${workshopPath}/attacker`);
    await seeHeading(facilitator, "The attacker's view – workshop 1");
    await noViolations(facilitator);
    const mette = facilitator.locator('section', {
      has: facilitator.getByRole('heading', { name: /Mette Fiktiv Hansen – Staged attack Tax refund/ }),
    });
    await expect(mette.getByText(/was relayed to the real login/).count()).resolves.toBe(1);
    const key = /key (\d{4})/.exec(await mette.getByText(/was relayed to the real login/).innerText())![1]!;

    await mette.getByRole('link', { name: "Open the attacker's session in Mette Fiktiv Hansen's Digital Post" }).click();
    await seeHeading(facilitator, "The attacker's session in Mette Fiktiv Hansen's Digital Post");
    await seeText(facilitator, 'Your tax assessment for 2025 is ready');
    await noViolations(facilitator);
    await facilitator.goBack();

    await facilitator
      .getByRole('button', { name: `Replay the captured code for key ${key} against Mette Fiktiv Hansen's login now` })
      .click();
    await seeText(facilitator, `The captured code for key ${key} was refused: key ${key} is used`);
    await noViolations(facilitator);
  });

  it('a participant takes the quiz on the rules, in Danish, and reads why', async () => {
    const mette = await participant('mette.hansen', 'Hest2024', 'da');
    await mette.goto('/workshop/quiz');
    await seeHeading(mette, 'Quiz: reglerne for NemID');
    await noViolations(mette);
    await mette.getByRole('button', { name: 'Tjek mine svar' }).click();
    await seeText(mette, 'Vælg et svar.');
    await noViolations(mette);
    for (const answer of [
      'Bruger ikke linket; anmelder brevet, og går selv ind på udstederens egen side, hvis jeg er i tvivl.',
      'Lægger på; support beder aldrig om adgangskoden. Ringer selv til udstederen, hvis jeg er bekymret.',
      'Nej. Det rigtige login beder om én kode, til det nøglenummer det viser.',
      'Ja, hvis telefonen har en pinkode.',
      'Spærrer mit NemID med det samme, i telefonen eller på udstederens selvbetjening, og siger det til udstederen.',
      'Ingen steder: skriv aldrig adgangskoden ned.',
    ])
      await mette.getByLabel(answer).check();
    await mette.getByRole('button', { name: 'Tjek mine svar' }).click();
    await seeText(mette, 'Du havde 5 af 6 rigtige.');
    await seeText(mette, 'Et foto rummer alle kortets koder.');
    await noViolations(mette);
  });

  it("the debrief counts the class's funnel and links each step to its rule", async () => {
    await facilitator.goto(workshopPath);
    await noViolations(facilitator);
    await facilitator.getByRole('button', { name: 'End and show the debrief' }).click();
    await seeHeading(facilitator, 'Debrief: workshop 1 – Demohold');
    await seeText(facilitator, 'Quiz: 5 of 6 right.');
    await noViolations(facilitator);
    const funnel = facilitator.getByTestId('funnel');
    const counts = async (step: string) => (await funnel.locator(`tr[data-step="${step}"] td`).allInnerTexts()).slice(0, -1).map(Number);
    // Columns: tax refund, locked letter, support call, card photo, all attacks.
    expect(await counts('received')).toEqual([10, 10, 10, 10, 40]);
    // Mette, Ahmed, Anna, Jens and Fatima logged in during the workshop; the other five did not.
    expect(await counts('loggedIn')).toEqual([5, 5, 5, 5, 20]);
    expect(await counts('opened')).toEqual([2, 2, 2, 2, 8]);
    expect(await counts('clicked')).toEqual([1, 1, 0, 1, 3]);
    expect(await counts('password')).toEqual([1, 1, 1, 1, 4]);
    expect(await counts('codes')).toEqual([1, 1, 1, 1, 4]);
    expect(await counts('photo')).toEqual([0, 0, 0, 1, 1]);
    expect(await counts('reported')).toEqual([1, 0, 1, 1, 3]);
    // Jens blocked after opening only the locked letter: his block answers that attack alone.
    expect(await counts('blocked')).toEqual([0, 1, 0, 0, 1]);
    await facilitator.getByRole('link', { name: 'R5: Never hand NemID to anyone' }).first().click();
    await expect(facilitator.locator('#rule-neverHandOver').innerText()).resolves.toBe('Never hand NemID to anyone');
    const csv = await facilitator.request.get(`${workshopPath}/debrief.csv`);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\r\n').filter(Boolean)).toHaveLength(41);
  });
});
