import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Citizen } from '../../server/citizen/types.ts';
import { translator } from '../../server/common/i18n.ts';
import { binaryBody, csrfFrom, loginAs, submitForm, visibleText, type Agent } from '../helpers/http.ts';
import { pdfPageTexts } from './pdf-text.ts';
import { teacherAgent, teacherWorld } from './world.ts';

/**
 * The teacher console with a MitID class (issue 16): the lesson mitid-first-login created
 * from the console, its print (activation letters in place of key cards, the move note on
 * a NemID holder's card), the class page following who has MitID, and resets that take an
 * activated MitID away again.
 */
let world: Awaited<ReturnType<typeof teacherWorld>>;
let anna: Agent;
const code = 'MITID-7';
const classPage = `/teacher/classes/${code}`;

const klass = () => world.ctx.classes.findByCode(code)!;
/** The class's trainees in the scenario's order: the console gives them new fictional names, each with the profile of its place (MitID in da, de, en; NemID). */
const trainee = (position: number): Citizen => world.ctx.citizens.listInClass(klass().id)[position]!;
const ida = () => trainee(0);
const peter = () => trainee(1);
const amara = () => trainee(2);
const bent = () => trainee(3);

/** One trainee's printed sheet on the print page. */
function sheetOf(html: string, name: string): string {
  const sheet = html.split('<article class="print-sheet"').find((part) => part.startsWith(` aria-label="${name}"`));
  if (!sheet) throw new Error(`No sheet for ${name}`);
  return sheet.slice(0, sheet.indexOf('</article>'));
}

function rowOf(html: string, name: string): string {
  const progress = html.slice(html.indexOf('<table class="progress'));
  const row = progress.split('<tr').find((part) => part.includes(name));
  if (!row) throw new Error(`No row for ${name}`);
  return visibleText(`<tr${row}`).trim();
}

/** A trainee gets MitID with the passport number printed on the letter (the activation's own steps). */
async function activate(passportNumber: string, userId: string): Promise<void> {
  const agent = request.agent(world.app);
  expect((await submitForm(agent, '/mitid/activate', '/mitid/activate/passport', { passport: passportNumber })).status).toBe(303);
  expect((await submitForm(agent, '/mitid/activate', '/mitid/activate/chip', {})).status).toBe(303);
  expect((await submitForm(agent, '/mitid/activate', '/mitid/activate/user-id', { userId })).status).toBe(303);
  expect(
    (await submitForm(agent, '/mitid/activate', '/mitid/activate/password', { password: 'Blomst8642', repeat: 'Blomst8642' })).headers
      .location,
  ).toBe('/mitid/activate/done');
}

const passportOnSheet = (sheet: string): string => /data-testid="passport-number">(\d+)</.exec(sheet)![1]!;

beforeAll(async () => {
  world = await teacherWorld();
  anna = await teacherAgent(world.app, 'anna');
  const created = await submitForm(anna, '/teacher/classes/new', '/teacher/classes', {
    scenario: 'mitid-first-login',
    trainees: '4',
    code,
    name: 'MitID lesson',
    instructions: '',
  });
  expect(created.status).toBe(303);
});

describe('printing a MitID class', () => {
  it("gives a MitID trainee an activation letter in place of the key card, in the trainee's language", async () => {
    const page = await anna.get(`${classPage}/cards?lang=en`);
    expect(page.status).toBe(200);
    const sheet = sheetOf(page.text, amara().name);
    const text = visibleText(sheet);
    expect(amara().lang).toBe('en');
    expect(text).toContain('TRAINING LETTER – not a real MitID letter. The person and the passport are fictional.');
    expect(text).toContain(`MitID activation letter: ${amara().name}`);
    expect(passportOnSheet(sheet)).toBe(world.ctx.activation.passportOf(amara()).number);
    expect(text).toContain('/mitid/activate');
    expect(text).toContain('5-48 characters');
    expect(text).toContain('8-64 characters');
    // No key card and no NemID login on the sheet: the NemID login does not know a MitID-only trainee.
    expect(sheet).not.toContain('class="keycard"');
    expect(text).not.toContain(amara().nemidNumber);
    // The first and second trainees' letters speak Danish and German.
    expect(visibleText(sheetOf(page.text, ida().name))).toContain('ØVEBREV – ikke et rigtigt brev om MitID.');
    expect(visibleText(sheetOf(page.text, peter().name))).toContain(`Aktivierungsbrief für MitID: ${peter().name}`);
    expect(visibleText(page.text)).toContain('Trainees who get MitID in the lesson get an activation letter in place of the key card');
  });

  it('gives the NemID holder the key card with a note how to create MitID with NemID', async () => {
    const page = await anna.get(`${classPage}/cards?lang=en`);
    const sheet = sheetOf(page.text, bent().name);
    expect(sheet).toContain('class="keycard"');
    const text = visibleText(sheet);
    expect(text).toContain('Fra NemID til MitID');
    expect(text).toContain('/mitid/get');
    expect(text).toContain(bent().userId!);
  });

  it('prints the letters in the class PDF, a page each, TRAINING on every page', async () => {
    const response = await anna.get(`${classPage}/cards.pdf?lang=en`).buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    const pages = pdfPageTexts(response.body as Buffer);
    expect(pages).toHaveLength(4);
    for (const page of pages) expect(page).toContain('TRAINING');
    const trainees = world.ctx.citizens.listInClass(klass().id);
    trainees.forEach((citizen, index) => {
      const t = translator(citizen.lang);
      if (index === 3) {
        expect(pages[index]).toContain(t('teacher:mitidLetter.moveHeading'));
        expect(pages[index]).toContain(t('keycard:rule'));
      } else {
        expect(pages[index]).toContain(t('teacher:mitidLetter.heading', { name: citizen.name }));
        expect(pages[index]).toContain(world.ctx.activation.passportOf(citizen).number);
        expect(pages[index]).not.toContain(t('keycard:rule'));
      }
    });
    const walletPdf = await anna.get(`${classPage}/cards.pdf?layout=wallet&lang=en`).buffer(true).parse(binaryBody);
    const wallet = pdfPageTexts(walletPdf.body as Buffer).join('\n');
    expect(wallet).toContain(world.ctx.activation.passportOf(amara()).number);
  });

  it("prints one trainee's letter from the trainee's page", async () => {
    const page = await anna.get(`/teacher/trainees/${peter().id}/card?lang=en`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(`Aktivierungsbrief für MitID: ${peter().name}`);
    expect(text).toContain(world.ctx.activation.passportOf(peter()).number);
    expect(page.text).not.toContain('class="keycard"');
  });

  it('prints a NemID class as before: no letter, no note', async () => {
    const page = await anna.get('/teacher/classes/DEMO/cards?lang=en');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('mitid-letter');
    expect(page.text).not.toContain('From NemID to MitID');
    expect(page.text).not.toContain('MitID activation letter');
  });
});

describe('following a MitID class', () => {
  it("shows each trainee's identity and whether MitID is activated; the letter's passport activates it", async () => {
    const before = (await anna.get(`${classPage}?lang=en`)).text;
    expect(rowOf(before, ida().name)).toContain('MitID MitID not activated yet');
    expect(rowOf(before, bent().name)).toContain('NemID');
    expect(rowOf(before, bent().name)).not.toContain('MitID');
    const printed = (await anna.get(`${classPage}/cards?lang=en`)).text;
    await activate(passportOnSheet(sheetOf(printed, ida().name)), 'ida.brandt');
    const after = (await anna.get(`${classPage}?lang=en`)).text;
    expect(rowOf(after, ida().name)).toContain('MitID activated: ida.brandt');
    // The scenario's exercise "get MitID" counts in the progress.
    expect(world.ctx.progress.ofTrainee(klass(), ida()).exercisesDone).toBe(1);
    // Activated: the print no longer carries a letter for this trainee.
    expect(sheetOf((await anna.get(`${classPage}/cards?lang=en`)).text, ida().name)).not.toContain('mitid-letter');
    // The NemID holder creates MitID with NemID: NemID and MitID.
    const agent = request.agent(world.app);
    await loginAs(agent, world.ctx, bent().userId!, world.ctx.citizens.blueprintOf(bent().id).knownPassword, 'mitid');
    expect((await submitForm(agent, '/mitid/get', '/mitid/get', {})).headers.location).toBe('/mitid/activate');
    await submitForm(agent, '/mitid/activate', '/mitid/activate/user-id', { userId: 'bent.mitid' });
    await submitForm(agent, '/mitid/activate', '/mitid/activate/password', { password: 'Lampe97531', repeat: 'Lampe97531' });
    expect(rowOf((await anna.get(`${classPage}?lang=en`)).text, bent().name)).toContain('NemID and MitID MitID activated: bent.mitid');
  });

  it('shows no identity column for a NemID class', async () => {
    const page = (await anna.get('/teacher/classes/DEMO?lang=en')).text;
    expect(page).not.toContain('data-testid="identity"');
  });

  it('a reset of the trainee takes the activated MitID away: the same letter activates it again', async () => {
    expect(world.ctx.mitid.statusOf(ida().id)).toEqual({ identity: 'mitid', mitidActivated: true });
    const confirm = await anna.get(`/teacher/trainees/${ida().id}/reset?lang=en`);
    expect(
      (
        await anna
          .post(`/teacher/trainees/${ida().id}/reset`)
          .type('form')
          .send({ _csrf: csrfFrom(confirm.text), confirm: 'yes' })
      ).status,
    ).toBe(303);
    expect(world.ctx.mitid.statusOf(ida().id)).toEqual({ identity: 'mitid', mitidActivated: false });
    expect(world.ctx.mitid.citizenOf('ida.brandt')).toBeUndefined();
    // Only this trainee: the NemID holder keeps the MitID made with NemID.
    expect(world.ctx.mitid.statusOf(bent().id)).toEqual({ identity: 'both', mitidActivated: true });
    expect(rowOf((await anna.get(`${classPage}?lang=en`)).text, ida().name)).toContain('MitID not activated yet');
    const sheet = sheetOf((await anna.get(`${classPage}/cards?lang=en`)).text, ida().name);
    await activate(passportOnSheet(sheet), 'ida.brandt');
    expect(world.ctx.mitid.statusOf(ida().id).mitidActivated).toBe(true);
  });

  it('a reset of the class returns every trainee to the scenario: no MitID activated, the NemID holder with NemID only', async () => {
    const confirm = await anna.get(`${classPage}/reset?lang=en`);
    expect(
      (
        await anna
          .post(`${classPage}/reset`)
          .type('form')
          .send({ _csrf: csrfFrom(confirm.text), confirm: 'yes' })
      ).status,
    ).toBe(303);
    const statuses = world.ctx.citizens.listInClass(klass().id).map((citizen) => world.ctx.mitid.statusOf(citizen.id));
    expect(statuses).toEqual([
      { identity: 'mitid', mitidActivated: false },
      { identity: 'mitid', mitidActivated: false },
      { identity: 'mitid', mitidActivated: false },
      { identity: 'nemid', mitidActivated: null },
    ]);
    expect(world.ctx.mitid.citizenOf('ida.brandt')).toBeUndefined();
    expect(world.ctx.mitid.citizenOf('bent.mitid')).toBeUndefined();
    const page = (await anna.get(`${classPage}/cards?lang=en`)).text;
    expect(visibleText(sheetOf(page, bent().name))).toContain('Fra NemID til MitID');
    expect(passportOnSheet(sheetOf(page, ida().name))).toBe(world.ctx.activation.passportOf(ida()).number);
  });
});
