import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../server/common/i18n.ts';
import { binaryBody, submitForm, visibleText, type Agent } from '../helpers/http.ts';
import { pdfPageTexts } from './pdf-text.ts';
import { teacherAgent, teacherWorld } from './world.ts';

let world: Awaited<ReturnType<typeof teacherWorld>>;
let anna: Agent;

beforeAll(async () => {
  world = await teacherWorld();
  anna = await teacherAgent(world.app, 'anna');
  const created = await submitForm(anna, '/teacher/classes/new', '/teacher/classes', {
    scenario: 'first-activation',
    trainees: '30',
    code: 'PRINT-30',
    name: 'Print test',
    instructions: '',
  });
  expect(created.status).toBe(303);
});

describe('printing a class', () => {
  it('prints one sheet per trainee: the login slip with the temporary password, and the key card', async () => {
    const response = await anna.get('/teacher/classes/PRINT-30/cards?lang=en');
    expect(response.status).toBe(200);
    const sheets = response.text.match(/<article class="print-sheet"/g) ?? [];
    expect(sheets).toHaveLength(30);
    const klass = world.ctx.classes.findByCode('PRINT-30')!;
    const first = world.ctx.citizens.listInClass(klass.id)[0]!;
    const text = visibleText(response.text);
    const own = translator(first.lang);
    expect(text).toContain(own('teacher:print.slipHeading', { name: first.name }));
    expect(text).toContain(`${own('teacher:print.temporaryPassword')} ${world.ctx.citizens.blueprintOf(first.id).knownPassword}`);
    expect(text).toContain(first.nemidNumber);
    const trainingLines = [
      'ØVEKORT – ikke et rigtigt NemID-nøglekort',
      'TRAINING CARD – not a real NemID key card',
      'ÜBUNGSKARTE – keine echte NemID-Schlüsselkarte',
    ];
    expect(trainingLines.map((line) => text.split(line).length - 1).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(60);
    expect(response.text).toContain('Print every sheet');
  });

  it('gives the whole class as one PDF of A4 pages, each trainee on a page of their own, TRAINING on every page', async () => {
    const response = await anna.get('/teacher/classes/PRINT-30/cards.pdf?lang=en').buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="training-print-30-cards.pdf"/);
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const pages = pdfPageTexts(pdf);
    expect(pages).toHaveLength(30);
    for (const page of pages) expect(page).toContain('TRAINING');
    const klass = world.ctx.classes.findByCode('PRINT-30')!;
    world.ctx.citizens.listInClass(klass.id).forEach((citizen, index) => {
      expect(pages[index]).toContain(translator(citizen.lang)('teacher:print.slipHeading', { name: citizen.name }));
      expect(pages[index]).toContain(world.ctx.citizens.blueprintOf(citizen.id).knownPassword);
    });
  });

  it('prints the codes of the card the trainee holds, the same codes the login asks for', async () => {
    const klass = world.ctx.classes.findByCode('PRINT-30')!;
    const citizen = world.ctx.citizens.listInClass(klass.id)[3]!;
    const card = world.ctx.keycards.activeCard(citizen.id)!;
    const [first] = world.ctx.keycards.printed(card);
    const page = (await anna.get(`/teacher/trainees/${citizen.id}/card?lang=en`)).text;
    expect(page).toMatch(new RegExp(`<td class="key">${first!.key}</td><td class="code">${first!.code}</td>`));
  });
});
