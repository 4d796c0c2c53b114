import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../server/common/errors.ts';
import { submitForm, teacherLogin, visibleText, type Agent } from '../helpers/http.ts';
import { teacherAgent, teacherWorld } from './world.ts';

let world: Awaited<ReturnType<typeof teacherWorld>>;
let anna: Agent;

beforeAll(async () => {
  world = await teacherWorld();
  anna = await teacherAgent(world.app, 'anna');
});

describe('teacher accounts', () => {
  it('lets a teacher create an account for a colleague, who logs in and sees the shared classes only', async () => {
    const response = await submitForm(anna, '/teacher/accounts', '/teacher/accounts', {
      username: 'carl',
      password: 'carl-password-1',
      repeat: 'carl-password-1',
    });
    expect(response.status).toBe(303);
    const page = visibleText((await anna.get('/teacher/accounts?lang=en')).text);
    expect(page).toContain('The account carl was created.');
    expect(page).toMatch(/carl .* anna/);
    const carl = request.agent(world.app);
    await teacherLogin(carl, 'carl', 'carl-password-1');
    expect(visibleText((await carl.get('/teacher?lang=en')).text)).toContain('Demohold (DEMO)');
    expect(world.ctx.events.list({}).some((event) => event.type === 'teacher-added' && event.data.username === 'carl')).toBe(true);
  });

  it('refuses a taken username, a short password and two different passwords, creating nothing', async () => {
    const before = world.ctx.teachers.list().length;
    const response = await submitForm(anna, '/teacher/accounts?lang=en', '/teacher/accounts', {
      username: 'ANNA',
      password: 'short',
      repeat: 'other',
    });
    expect(response.status).toBe(400);
    const text = visibleText(response.text);
    expect(text).toContain('A teacher with this username exists already.');
    expect(text).toContain('A teacher password has 10 to 200 characters.');
    expect(text).toContain('The two passwords are not the same.');
    expect(world.ctx.teachers.list()).toHaveLength(before);
  });

  it('creates accounts from the command line with the same rules, in English', async () => {
    const teachers = world.ctx.teacherConsole.teachers;
    await teachers.add('dora', 'dora-password-1');
    await expect(teachers.add('x', 'dora-password-1')).rejects.toThrow(
      new UsageError('A username has 3-40 letters, digits, dots, dashes or underscores.'),
    );
    expect(world.ctx.teachers.list().find((account) => account.username === 'dora')?.createdBy).toBeNull();
  });

  it('keeps the console behind the teacher login and starts a new session at login', async () => {
    const stranger = request.agent(world.app);
    const refused = await stranger.get('/teacher/classes/DEMO');
    expect(refused.status).toBe(303);
    expect(refused.headers.location).toBe('/teacher/login');
    const wrong = await submitForm(stranger, '/teacher/login?lang=en', '/teacher/login', {
      username: 'anna',
      password: 'not-her-password',
    });
    expect(wrong.status).toBe(401);
    expect(visibleText(wrong.text)).toContain('The username or the password is wrong.');
    const before = (await stranger.get('/teacher/login')).headers['set-cookie'];
    const ok = await submitForm(stranger, '/teacher/login', '/teacher/login', { username: 'anna', password: 'classroom-key-2026' });
    expect(ok.status).toBe(303);
    expect(String(ok.headers['set-cookie'])).toMatch(/sandbox\.sid=/);
    expect(String(ok.headers['set-cookie'])).not.toBe(String(before));
  });
});

describe('the join page', () => {
  it("shows a trainee their class, the teacher's instructions and the story when they type the join code", async () => {
    await submitForm(anna, '/teacher/classes/new', '/teacher/classes', {
      scenario: 'locked-out',
      trainees: '3',
      code: 'JOIN-1',
      name: 'Danish 2A',
      instructions: 'Try to log in.\n\nThen wait for me.',
    });
    const klass = world.ctx.classes.findByCode('JOIN-1')!;
    const trainee = request.agent(world.app);
    const typed = `${klass.joinCode!.slice(0, 3).toLowerCase()} ${klass.joinCode!.slice(3)}`;
    const response = await submitForm(trainee, '/join?lang=en&screens=full', '/join', { joinCode: typed });
    expect(response.status).toBe(200);
    const text = visibleText(response.text);
    expect(text).toContain('Your class: Danish 2A');
    expect(text).toContain('Try to log in.');
    expect(text).toContain('Then wait for me.');
    expect(text).toContain("Today's story: Locked out – LOCK001");
  });

  it('says clearly when a join code is malformed or belongs to no class', async () => {
    const trainee = request.agent(world.app);
    const malformed = await submitForm(trainee, '/join?lang=en', '/join', { joinCode: 'AB' });
    expect(malformed.status).toBe(400);
    expect(visibleText(malformed.text)).toContain('A join code has 6 letters and digits. Check what you typed.');
    const unknown = await submitForm(trainee, '/join?lang=en', '/join', { joinCode: 'ZZZZZZ' });
    expect(unknown.status).toBe(404);
    expect(visibleText(unknown.text)).toContain('No class has this join code.');
  });
});
