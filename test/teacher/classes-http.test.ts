import { beforeAll, describe, expect, it } from 'vitest';
import { csrfFrom, submitForm, visibleText, type Agent } from '../helpers/http.ts';
import { teacherAgent, teacherWorld } from './world.ts';

let world: Awaited<ReturnType<typeof teacherWorld>>;
let anna: Agent;
let bo: Agent;

beforeAll(async () => {
  world = await teacherWorld();
  anna = await teacherAgent(world.app, 'anna');
  bo = await teacherAgent(world.app, 'bo');
});

async function createClass(agent: Agent, fields: Record<string, string>) {
  return submitForm(agent, '/teacher/classes/new?lang=en', '/teacher/classes', {
    scenario: 'first-activation',
    trainees: '30',
    code: 'DANSK-3B',
    name: 'Danish 3B',
    instructions: '',
    ...fields,
  });
}

describe('creating a class in the console', () => {
  it('creates a class of 30 fictional trainees from a scenario, with a join code', async () => {
    const response = await createClass(anna, { instructions: 'Log in with the slip on your desk.' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/teacher/classes/DANSK-3B');
    const page = visibleText((await anna.get('/teacher/classes/DANSK-3B?lang=en')).text);
    expect(page).toContain('Class DANSK-3B was created with 30 trainees.');
    const klass = world.ctx.classes.findByCode('DANSK-3B')!;
    expect(klass.teacherId).toBe(world.teachers.anna);
    expect(klass.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(page).toContain(klass.joinCode!);
    const trainees = world.ctx.citizens.listInClass(klass.id);
    expect(trainees).toHaveLength(30);
    expect(new Set(trainees.map((trainee) => trainee.nemidNumber)).size).toBe(30);
    expect(trainees.every((trainee) => trainee.name.includes('Fiktiv'))).toBe(true);
  });

  it('refuses a code already taken and a number of trainees out of range, keeping what was typed', async () => {
    const response = await createClass(anna, { code: 'DEMO', trainees: '500', name: 'Kept name' });
    expect(response.status).toBe(400);
    const text = visibleText(response.text);
    expect(text).toContain('Type a whole number of trainees from 1 to 100.');
    expect(response.text).toContain('value="Kept name"');
    const taken = await createClass(anna, { code: 'demo' });
    expect(visibleText(taken.text)).toContain('A class with this code exists already.');
    expect(
      world.ctx.classes
        .listClasses()
        .map((klass) => klass.code)
        .sort(),
    ).toEqual(['DANSK-3B', 'DEMO']);
  });

  it("shows a teacher their own classes and the shared ones, never another teacher's", async () => {
    const annasHome = visibleText((await anna.get('/teacher?lang=en')).text);
    expect(annasHome).toContain('Danish 3B (DANSK-3B)');
    expect(annasHome).toContain('Demohold (DEMO)');
    const bosHome = visibleText((await bo.get('/teacher?lang=en')).text);
    expect(bosHome).not.toContain('DANSK-3B');
    expect(bosHome).toContain('Demohold (DEMO)');
  });

  it("refuses another teacher's class, its printouts and its trainees with 404", async () => {
    const klass = world.ctx.classes.findByCode('DANSK-3B')!;
    const trainee = world.ctx.citizens.listInClass(klass.id)[0]!;
    for (const url of [
      '/teacher/classes/DANSK-3B',
      '/teacher/classes/DANSK-3B/cards',
      '/teacher/classes/DANSK-3B/cards.pdf',
      '/teacher/classes/DANSK-3B/events.csv',
      `/teacher/trainees/${trainee.id}`,
      `/teacher/trainees/${trainee.id}/card`,
    ]) {
      expect((await bo.get(url)).status, url).toBe(404);
    }
    const page = await bo.get('/teacher/classes/DEMO');
    const reset = await bo
      .post('/teacher/classes/DANSK-3B/reset')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect(reset.status).toBe(404);
  });
});
