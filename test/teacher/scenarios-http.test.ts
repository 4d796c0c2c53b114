import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csrfFrom, visibleText, type Agent } from '../helpers/http.ts';
import { teacherAgent, teacherWorld } from './world.ts';

let world: Awaited<ReturnType<typeof teacherWorld>>;
let anna: Agent;

beforeAll(async () => {
  world = await teacherWorld();
  anna = await teacherAgent(world.app, 'anna');
});

const valid = `title: { da: Min lektion, en: My lesson, de: Meine Stunde }
description: { da: To kursister, en: Two trainees, de: Zwei Teilnehmende }
goals:
  - { da: Log på, en: Log in, de: Anmelden }
class: { code: MINE, name: Min lektion }
trainees:
  - { name: Ida Fiktiv Lund, state: active }
  - { name: Ole Fiktiv Holm, state: pending, lang: en }
`;

const broken = `title: Broken
description: A scenario with mistakes
class: { code: BROKEN, name: Broken }
trainees:
  - { name: Ok Fiktiv Person, state: active }
  - { name: Bad Fiktiv Person, state: sleeping }
`;

/** Uploads a scenario file from the upload form, as a browser sends it (multipart, with the CSRF token). */
async function upload(agent: Agent, fields: { name?: string; text?: string }, file?: { name: string; text: string }, lang = 'en') {
  const form = await agent.get(`/teacher/scenarios/new?lang=${lang}`);
  let request = agent
    .post('/teacher/scenarios')
    .field('_csrf', csrfFrom(form.text))
    .field('name', fields.name ?? '')
    .field('text', fields.text ?? '');
  if (file) request = request.attach('file', Buffer.from(file.text), { filename: file.name, contentType: 'application/yaml' });
  return request;
}

describe('the scenario library', () => {
  it('lists every shipped scenario with its description and learning goals in the page language', async () => {
    const page = visibleText((await anna.get('/teacher/scenarios?lang=en')).text);
    for (const title of [
      'Activating NemID for the first time',
      'Everyday login and mail',
      'Locked out – LOCK001',
      'A lost key card',
      'The key card is running out',
      'NemID from the bank – not activated for public services',
      'A letter with a deadline',
      'Exemption from Digital Post',
      'A fake letter – phishing',
    ])
      expect(page).toContain(title);
    expect(page).toContain('Learning goals');
    expect(page).toContain('Know that LOCK001 ends by itself after 8 hours');
  });

  it('refuses a broken scenario file with the field and what was expected, and saves nothing', async () => {
    const response = await upload(anna, {}, { name: 'broken.yaml', text: broken });
    expect(response.status).toBe(400);
    const text = visibleText(response.text);
    expect(text).toContain('Nothing was saved: the scenario has 1 error');
    expect(text).toMatch(/trainees\[1\]\.state/);
    expect(text).toContain('The scenario has errors: see the list of errors below. Nothing was saved.');
    expect(fs.readdirSync(world.uploadDir)).toEqual([]);
    expect(world.ctx.library.names()).not.toContain('broken');
  });

  it('refuses a letter from a sender the scenario does not know, before anything is saved', async () => {
    const withLetter = `${valid}letters:\n  - { sender: nobody-knows-me, subject: Hi, body: Hello }\n`;
    const response = await upload(anna, { name: 'unknown-sender', text: withLetter });
    expect(response.status).toBe(400);
    expect(visibleText(response.text)).toMatch(/10 letters\[0\]\.sender nobody-knows-me One of the senders: skattestyrelsen/);
    expect(fs.readdirSync(world.uploadDir)).toEqual([]);
  });

  it('saves a valid file to the upload folder, named after the file, and lists it', async () => {
    const response = await upload(anna, {}, { name: 'My Lesson.yaml', text: valid });
    expect(response.status).toBe(303);
    expect(fs.readFileSync(path.join(world.uploadDir, 'my-lesson.yaml'), 'utf8')).toBe(valid);
    const page = visibleText((await anna.get('/teacher/scenarios?lang=en')).text);
    expect(page).toContain('The scenario my-lesson was checked and saved.');
    expect(page).toContain('My lesson');
    const taken = await upload(anna, { name: 'my-lesson', text: valid });
    expect(visibleText(taken.text)).toContain('A scenario with this name exists already.');
  });

  it('edits a shipped scenario into the upload folder, leaving the shipped file as it was', async () => {
    const shipped = fs.readFileSync('seed/scenarios/locked-out.yaml', 'utf8');
    const form = await anna.get('/teacher/scenarios/locked-out?lang=en');
    expect(form.text).toContain('Locked out – LOCK001');
    const edited = shipped.replace('name: Spærret ude', 'name: Spærret ude (redigeret)');
    const saved = await anna.post('/teacher/scenarios/locked-out').field('_csrf', csrfFrom(form.text)).field('text', edited);
    expect(saved.status).toBe(303);
    expect(fs.readFileSync('seed/scenarios/locked-out.yaml', 'utf8')).toBe(shipped);
    expect(world.ctx.library.read('locked-out').class.name).toBe('Spærret ude (redigeret)');
    const refused = await anna.post('/teacher/scenarios/locked-out').field('_csrf', csrfFrom(form.text)).field('text', broken);
    expect(refused.status).toBe(400);
    expect(world.ctx.library.read('locked-out').class.name).toBe('Spærret ude (redigeret)');
  });

  it('downloads a scenario file as it is', async () => {
    const response = await anna.get('/teacher/scenarios/first-activation/download');
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="first-activation.yaml"');
    expect(response.text).toBe(fs.readFileSync('seed/scenarios/first-activation.yaml', 'utf8'));
    expect((await anna.get('/teacher/scenarios/no-such-thing/download')).status).toBe(404);
  });

  it('creates a class from an uploaded scenario', async () => {
    const form = await anna.get('/teacher/classes/new');
    expect(form.text).toContain('value="my-lesson"');
    const response = await anna
      .post('/teacher/classes')
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        scenario: 'my-lesson',
        trainees: '4',
        code: 'MINE-1',
        name: 'Mine',
        instructions: '',
      });
    expect(response.status).toBe(303);
    const klass = world.ctx.classes.findByCode('MINE-1')!;
    expect(world.ctx.citizens.listInClass(klass.id).map((citizen) => citizen.state)).toEqual(['active', 'pending', 'active', 'pending']);
  });
});

const misspelt = `title: Stavefejl
description: En kursist med en stavefejl
class: { code: STAVE, name: Stavefejl }
trainees:
  - { name: Ida Fiktiv Lund, state: active }
  - name: Ole Fiktiv Holm
    state: activ
`;

const notYaml = `title: Stavefejl
description: Et kolon for meget
class:
\tcode: STAVE
trainees: []
`;

describe('scenario errors a teacher can act on (issue 14 item 10)', () => {
  it('names the trainee, the line, what was typed and what would fit, with a near miss, in Danish', async () => {
    const response = await upload(anna, { name: 'stavefejl', text: misspelt }, undefined, 'da');
    expect(response.status).toBe(400);
    const text = visibleText(response.text);
    expect(text).toContain('Intet blev gemt: scenariet har 1 fejl');
    expect(text).toContain('Linje Hvor Det skrevne Det, der passer');
    expect(text).toContain(
      '7 Kursist 2, Ole Fiktiv Holm: trainees[1].state activ En af: pending, active, locked, blocked, revoked. Mente du ‘active’?',
    );
    expect(fs.readdirSync(world.uploadDir)).not.toContain('stavefejl.yaml');
  });

  it('says the same in English', async () => {
    const text = visibleText((await upload(anna, { name: 'stavefejl', text: misspelt })).text);
    expect(text).toContain(
      '7 Trainee 2, Ole Fiktiv Holm: trainees[1].state activ One of: pending, active, locked, blocked, revoked. Did you mean ‘active’?',
    );
  });

  it('explains a YAML syntax error in plain words with its line, in Danish and English', async () => {
    const danish = visibleText((await upload(anna, { name: 'stavefejl', text: notYaml }, undefined, 'da')).text);
    expect(danish).toContain('4 (hele filen) Linjen er rykket ind med tabulator. Brug mellemrum til indrykning.');
    const english = visibleText((await upload(anna, { name: 'stavefejl', text: notYaml })).text);
    expect(english).toContain('4 (the whole file) This line is indented with a tab. Use spaces to indent.');
  });

  it('points the error banner at the list of errors, which is below it', async () => {
    const html = (await upload(anna, { name: 'stavefejl', text: misspelt })).text;
    const banner = html.indexOf('class="error-summary"');
    const list = html.indexOf('id="problems"');
    expect(banner).toBeGreaterThan(-1);
    expect(list).toBeGreaterThan(banner);
    expect(html.slice(banner, list)).toContain('href="#problems"');
  });
});
