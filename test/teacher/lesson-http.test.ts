import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { hours } from '../helpers/context.ts';
import { csrfFrom, loginAs, submitForm, visibleText, type Agent } from '../helpers/http.ts';
import { teacherAgent, teacherWorld } from './world.ts';

let world: Awaited<ReturnType<typeof teacherWorld>>;
let anna: Agent;

beforeAll(async () => {
  world = await teacherWorld();
  anna = await teacherAgent(world.app, 'anna');
});

async function post(agent: Agent, page: string, action: string, fields: Record<string, string> = {}) {
  return submitForm(agent, page, action, fields);
}

describe('the class clock in the console', () => {
  it('shows the time on the class clock and moves it by 8 hours, ending the temporary locks that fell due', async () => {
    const demo = world.ctx.classes.findByCode('DEMO')!;
    const karen = world.ctx.citizens.findByIdentifier('karen.olsen')!;
    const before = world.ctx.clock.now(demo.id);
    let page = visibleText((await anna.get('/teacher/classes/DEMO?lang=en')).text);
    expect(page).toMatch(/Karen Fiktiv Olsen .* Locked for a few hours after wrong passwords/);
    expect(page).not.toContain('Locked (LOCK001)');

    const moved = await post(anna, '/teacher/classes/DEMO', '/teacher/classes/DEMO/clock', { step: '8h' });
    expect(moved.status).toBe(303);
    expect(world.ctx.clock.now(demo.id) - before).toBe(hours(8));
    expect(world.ctx.citizens.findById(karen.id)!.state).toBe('active');
    expect(world.ctx.events.latestOf(karen.id, ['lock-expired'], 1)).toHaveLength(1);
    page = visibleText((await anna.get('/teacher/classes/DEMO?lang=en')).text);
    expect(page).toContain('The clock moved +8 hours.');
    expect(page).toMatch(/Karen Fiktiv Olsen karen\.olsen Skov3579 Active/);
  });

  it('moves +4 working days over a weekend (Thursday to Wednesday) and +1 hour and +1 day exactly', async () => {
    world.time.ms = Date.UTC(2026, 10, 26, 9, 0, 0); // a Thursday
    const demo = world.ctx.classes.findByCode('DEMO')!;
    const steps: [string, number][] = [
      ['1h', hours(1)],
      ['1d', hours(24)],
    ];
    for (const [step, ms] of steps) {
      const before = world.ctx.clock.now(demo.id);
      await post(anna, '/teacher/classes/DEMO', '/teacher/classes/DEMO/clock', { step });
      expect(world.ctx.clock.now(demo.id) - before).toBe(ms);
    }
    const friday = world.ctx.clock.now(demo.id);
    expect(new Date(friday).getUTCDay()).toBe(5);
    await post(anna, '/teacher/classes/DEMO', '/teacher/classes/DEMO/clock', { step: '4wd' });
    expect(new Date(world.ctx.clock.now(demo.id)).getUTCDay()).toBe(4);
    expect(world.ctx.clock.now(demo.id) - friday).toBe(hours(24 * 6));
  });

  it('refuses a clock step that is not one of the buttons, and moves nothing', async () => {
    const demo = world.ctx.classes.findByCode('DEMO')!;
    const before = world.ctx.clock.now(demo.id);
    const response = await post(anna, '/teacher/classes/DEMO?lang=en', '/teacher/classes/DEMO/clock', { step: '-8h' });
    expect(response.status).toBe(400);
    expect(visibleText(response.text)).toContain('Choose one of the clock buttons.');
    expect(world.ctx.clock.now(demo.id)).toBe(before);
  });
});

describe('resetting from the console', () => {
  it("resets a whole class of 30 in one step, shows the time it took, ends the trainees' sessions and puts the clock back", async () => {
    await post(anna, '/teacher/classes/new', '/teacher/classes', {
      scenario: 'everyday-login-and-mail',
      trainees: '30',
      code: 'RESET-30',
      name: 'Reset',
      instructions: '',
    });
    const klass = world.ctx.classes.findByCode('RESET-30')!;
    const [first] = world.ctx.citizens.listInClass(klass.id);
    const trainee = request.agent(world.app);
    await loginAs(trainee, world.ctx, first!.userId ?? first!.nemidNumber, first!.knownPassword!);
    expect((await trainee.get('/my-nemid')).status).toBe(200);
    const keysBefore = world.ctx.keycards.keysLeft(world.ctx.keycards.activeCard(first!.id)!);
    await post(anna, '/teacher/classes/RESET-30', '/teacher/classes/RESET-30/clock', { step: '1d' });

    const reset = await post(anna, '/teacher/classes/RESET-30/reset', '/teacher/classes/RESET-30/reset', { confirm: 'yes' });
    expect(reset.status).toBe(303);
    const page = visibleText((await anna.get('/teacher/classes/RESET-30?lang=en')).text);
    expect(page).toMatch(/The class was reset: 30 trainees in \d+ ms\./);
    expect(world.ctx.classes.clockOffset(klass.id)).toBe(0);
    expect(world.ctx.keycards.keysLeft(world.ctx.keycards.activeCard(first!.id)!)).toBe(keysBefore + 1);
    expect((await trainee.get('/my-nemid')).status).toBe(303);
    expect(world.ctx.citizens.listInClass(klass.id).map((citizen) => citizen.id)).toContain(first!.id);
  });

  it('resets one trainee alone, leaving the others and the clock as they are', async () => {
    const demo = world.ctx.classes.findByCode('DEMO')!;
    const lars = world.ctx.citizens.findByIdentifier('lars.berg')!;
    await post(anna, '/teacher/classes/DEMO', '/teacher/classes/DEMO/clock', { step: '1h' });
    const offset = world.ctx.classes.clockOffset(demo.id);
    const page = await anna.get(`/teacher/trainees/${lars.id}?lang=en`);
    const response = await anna
      .post(`/teacher/trainees/${lars.id}/reset`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), confirm: 'yes' });
    expect(response.status).toBe(303);
    expect(visibleText((await anna.get(`/teacher/trainees/${lars.id}?lang=en`)).text)).toMatch(/Lars Fiktiv Berg was reset in \d+ ms\./);
    expect(world.ctx.classes.clockOffset(demo.id)).toBe(offset);
  });
});

describe('progress', () => {
  it('shows who logged in, used keys, typed wrong and did an exercise, from the event log, and exports it as CSV', async () => {
    const trainee = request.agent(world.app);
    await submitForm(trainee, '/login', '/login', { identifier: 'anna.schmidt', password: 'Wrong1234', service: 'mynemid' });
    await submitForm(trainee, '/login', '/login', { identifier: 'anna.schmidt', password: 'Wrong1234', service: 'mynemid' });
    await loginAs(trainee, world.ctx, 'anna.schmidt', 'Sommer42');
    const anna2 = world.ctx.citizens.findByIdentifier('anna.schmidt')!;
    const page = visibleText((await anna.get(`/teacher/trainees/${anna2.id}?lang=en`)).text);
    expect(page).toContain('Logins 1');
    expect(page).toContain('Keys used 1');
    expect(page).toContain('2 wrong passwords, 0 wrong codes');
    expect(page).toContain('Exercises done 1');
    expect(page).toMatch(/Wrong user ID or password R4 by the trainee/);
    expect(page).toMatch(/Logged in R2 by the trainee/);

    const csv = await anna.get('/teacher/classes/DEMO/progress.csv?lang=en');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Name,NemID number,User ID,State,Lock code,Logins,Keys used,Keys left,Wrong passwords,Wrong codes,Locks,Unread letters,Exercises done,May need help,Last activity',
    );
    expect(lines).toHaveLength(11);
    expect(lines.find((line) => line.startsWith('Anna Fiktiv Schmidt,'))).toMatch(
      /^Anna Fiktiv Schmidt,639401275,anna.schmidt,Active,,1,1,147,2,0,0,\d+,1,no,\d{4}-/,
    );

    const events = await anna.get('/teacher/classes/DEMO/events.csv?lang=en');
    expect(events.text).toContain('Anna Fiktiv Schmidt,639401275,the trainee,login-ok,Logged in,R2,');
  });
});
