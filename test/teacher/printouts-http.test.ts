import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Citizen } from '../../server/citizen/types.ts';
import { formatTime, translator } from '../../server/common/i18n.ts';
import { qrMatrix } from '../../server/common/qr.ts';
import { formatCardNumber } from '../../server/keycard/types.ts';
import { classCardsPdf } from '../../server/teacher/class-pdf.ts';
import { binaryBody, csrfFrom, submitForm, teacherLogin, testApp, visibleText, type Agent } from '../helpers/http.ts';
import { pdfPageTexts } from './pdf-text.ts';
import { teacherPassword, teacherWorld } from './world.ts';

/**
 * Printouts for the person who holds them (issue 14 item 11): each trainee's slip and card
 * in the trainee's language, the sandbox's address with its QR code and the join code, an
 * A4 and a wallet layout, "only new cards" after a renewal, and the card the login asks for.
 */

const address = 'http://nemid.skole.test:8080';
let world: Awaited<ReturnType<typeof teacherWorld>>;
let app: ReturnType<typeof testApp>;
let anna: Agent;

beforeAll(async () => {
  world = await teacherWorld();
  app = testApp(world.ctx, { loginRateLimitPerMinute: 10_000, publicBaseUrl: address });
  anna = request.agent(app);
  await teacherLogin(anna, 'anna', teacherPassword);
  const created = await submitForm(anna, '/teacher/classes/new', '/teacher/classes', {
    scenario: 'first-activation',
    trainees: '30',
    code: 'SLIPS-30',
    name: 'Slips',
    instructions: '',
  });
  expect(created.status).toBe(303);
});

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
const klass = () => world.ctx.classes.findByCode('SLIPS-30')!;
const trainees = (): Citizen[] => world.ctx.citizens.listInClass(klass().id);

/** The PDF from the print page's form, as the teacher's browser posts it (noted as printed). */
async function printPdf(fields: Record<string, string>): Promise<string[]> {
  const page = await anna.get('/teacher/classes/SLIPS-30/cards?lang=en');
  const response = await anna
    .post('/teacher/classes/SLIPS-30/cards.pdf?lang=en')
    .type('form')
    .send({ ...fields, _csrf: csrfFrom(page.text) })
    .buffer(true)
    .parse(binaryBody);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  return pdfPageTexts(response.body as Buffer);
}

describe("printouts in the trainee's language", () => {
  it("prints each trainee's slip and card in their own language, whatever the teacher's language", async () => {
    const pages = await printPdf({ layout: 'a4' });
    expect(pages).toHaveLength(30);
    const seen = new Set<string>();
    trainees().forEach((citizen, index) => {
      const page = pages[index]!;
      seen.add(citizen.lang);
      if (citizen.lang === 'da') {
        expect(page).toContain(`Login-seddel til ${citizen.name}`);
        expect(page).toContain('Deltagerkode');
        expect(page).toContain('Nøgle');
        expect(page).not.toContain('Join code');
      } else if (citizen.lang === 'de') {
        expect(page).toContain(`Anmeldezettel für ${citizen.name}`);
        expect(page).toContain('Kurscode');
        expect(page).toContain('Schlüssel');
      } else {
        expect(page).toContain(`Login slip for ${citizen.name}`);
        expect(page).toContain('Join code');
        expect(page).not.toContain('Deltagerkode');
      }
    });
    expect([...seen].sort()).toEqual(['da', 'de', 'en']);
  });

  it("puts the sandbox's address and the class's join code on every slip, on the print page with the QR code", async () => {
    const joinCode = klass().joinCode!;
    expect(joinCode).toMatch(/^[A-Z2-9]{6}$/);
    const pages = await printPdf({ layout: 'a4' });
    for (const page of pages) {
      expect(page).toContain(address);
      expect(page).toContain(`${address}/join`);
      expect(page).toContain(joinCode);
    }
    const html = (await anna.get('/teacher/classes/SLIPS-30/cards?lang=en')).text;
    expect(html).toContain(`aria-label="QR code of ${address}"`);
    const first = trainees()[0]!;
    const sheet = visibleText(html.slice(html.indexOf(`aria-label="${first.name}"`)));
    expect(sheet).toContain(`${translator(first.lang)('teacher:pdf.joinCode')} ${joinCode}`);
    expect(sheet).toContain(address);
  });

  it('draws the QR code of the address into the PDF, one square per dark module', async () => {
    const service = world.ctx.teacherConsole.printing;
    const slips = service.slips(klass()).slice(0, 1);
    const pdf = await classCardsPdf(klass(), slips, translator('en'), { layout: 'a4', address, compress: false });
    const squares = (pdf.toString('latin1').match(/ re\n/g) ?? []).length;
    const qr = qrMatrix(address);
    let dark = 0;
    for (let row = 0; row < qr.size; row += 1) for (let column = 0; column < qr.size; column += 1) if (qr.dark(row, column)) dark += 1;
    expect(dark).toBeGreaterThan(200);
    expect(squares).toBeGreaterThanOrEqual(dark);
    const otherPdf = await classCardsPdf(klass(), slips, translator('en'), { layout: 'a4', address: `${address}/other`, compress: false });
    expect(otherPdf.toString('latin1')).not.toBe(pdf.toString('latin1'));
  });
});

describe('A4 and wallet layouts', () => {
  it('prints one A4 page per trainee, or two trainees per page in the wallet layout (85 x 54 mm pieces)', async () => {
    const a4 = await printPdf({ layout: 'a4' });
    const walletPages = await printPdf({ layout: 'wallet' });
    expect(a4).toHaveLength(30);
    expect(walletPages).toHaveLength(15);
    const people = trainees();
    walletPages.forEach((page, index) => {
      for (const citizen of people.slice(index * 2, index * 2 + 2)) {
        expect(page).toContain(citizen.name);
        expect(page).toContain(world.ctx.citizens.blueprintOf(citizen.id).knownPassword);
        expect(page).toContain(formatCardNumber(world.ctx.keycards.activeCard(citizen.id)!.cardNumber));
      }
      expect(page).toContain('TRAINING');
    });
  });

  it('offers both layouts and "only new cards" on the print page', async () => {
    const html = (await anna.get('/teacher/classes/SLIPS-30/cards?lang=en')).text;
    expect(html).toContain('<form method="post" action="/teacher/classes/SLIPS-30/cards.pdf"');
    expect(visibleText(html)).toContain('Wallet size: two trainees per A4 sheet');
    expect(visibleText(html)).toMatch(/Only new key cards, not printed before \(\d+ now\)/);
  });
});

describe('print only new cards, and the card the login asks for', () => {
  it('after a renewal prints only the renewed trainee, once the new card has arrived on the class clock', async () => {
    await printPdf({ layout: 'a4' });
    const nothing = await printPdf({ layout: 'a4', only: 'new' });
    expect(nothing).toHaveLength(1);
    expect(nothing[0]).toContain('No new key cards since the last printout.');

    const renewedTrainee = trainees()[4]!;
    const old = world.ctx.keycards.activeCard(renewedTrainee.id)!;
    const now = world.ctx.clock.now(klass().id);
    world.ctx.keycards.useFirstKeys(old, old.keyCount - 20, now);
    const renewed = world.ctx.keycards.renewIfRunningOut(old, 20, now)!;
    const own = translator(renewedTrainee.lang);

    // In the post: nothing new to print; the full printout still gives the old card and says a new one is coming.
    expect(await printPdf({ layout: 'a4', only: 'new' })).toEqual([expect.stringContaining('No new key cards')]);
    const whileInPost = (await printPdf({ layout: 'a4' }))[4]!;
    expect(whileInPost).toContain(formatCardNumber(old.cardNumber));
    expect(whileInPost).toContain(formatCardNumber(renewed.cardNumber));
    const date = formatTime(renewed.arrivesAt, renewedTrainee.lang);
    expect(oneLine(whileInPost)).toContain(own('keycard:nextOnItsWay', { number: formatCardNumber(renewed.cardNumber), date }));

    world.ctx.clock.advance(klass().id, 7 * 86_400_000);
    const onlyNew = await printPdf({ layout: 'a4', only: 'new' });
    expect(onlyNew).toHaveLength(1);
    expect(onlyNew[0]).toContain(renewedTrainee.name);
    expect(onlyNew[0]).toContain(formatCardNumber(renewed.cardNumber));
    expect(onlyNew[0]).not.toContain(formatCardNumber(old.cardNumber));
    expect(oneLine(onlyNew[0]!)).toContain(own('keycard:arrived', { date }));
    expect(oneLine(onlyNew[0]!)).not.toContain(own('keycard:onItsWay', { date }));
    for (const other of trainees().filter((citizen) => citizen.id !== renewedTrainee.id)) expect(onlyNew[0]).not.toContain(other.name);

    // Printed now: the next "only new" is empty again, and every printout was one event.
    expect(await printPdf({ layout: 'a4', only: 'new' })).toEqual([expect.stringContaining('No new key cards')]);
    const printed = world.ctx.events.list({ classId: klass().id }).filter((event) => event.type === 'cards-printed');
    expect(printed.length).toBeGreaterThanOrEqual(6);
    expect(printed.some((event) => event.data.onlyNew === true && event.data.cards === 1)).toBe(true);
  });

  it("refuses to print without the form's CSRF token and notes nothing as printed", async () => {
    const before = trainees().map((citizen) => world.ctx.keycards.activeCard(citizen.id)?.printedAt);
    const response = await anna.post('/teacher/classes/SLIPS-30/cards.pdf').type('form').send({ layout: 'a4' });
    expect(response.status).toBe(403);
    expect(trainees().map((citizen) => world.ctx.keycards.activeCard(citizen.id)?.printedAt)).toEqual(before);
  });
});
