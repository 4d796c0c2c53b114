import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, submitForm, visibleText, type Agent } from '../helpers/http.ts';
import { teacherAgent, teacherWorld } from './world.ts';

let world: Awaited<ReturnType<typeof teacherWorld>>;
let anna: Agent;
let bo: Agent;

beforeAll(async () => {
  world = await teacherWorld();
  anna = await teacherAgent(world.app, 'anna');
  bo = await teacherAgent(world.app, 'bo');
  await submitForm(anna, '/teacher/classes/new', '/teacher/classes', {
    scenario: 'everyday-login-and-mail',
    trainees: '5',
    code: 'MAIL-5',
    name: 'Mail',
    instructions: '',
  });
});

describe('a letter from the teacher, in the story', () => {
  it("delivers a letter from the municipality to every trainee of the class, seen in a trainee's mailbox", async () => {
    const response = await submitForm(anna, '/teacher/classes/DEMO/letters?lang=en', '/teacher/classes/DEMO/letters', {
      sender: 'kommune',
      senderName: '',
      subject: 'Meeting on Thursday',
      body: 'Come to Borgerservice at 10.',
      answerable: 'on',
    });
    expect(response.status).toBe(303);
    expect(visibleText((await anna.get('/teacher/classes/DEMO?lang=en')).text)).toContain('was delivered to 10 trainees.');
    const trainee = request.agent(world.app);
    await loginAs(trainee, world.ctx, 'mette.hansen', 'Hest2024', 'post');
    const inbox = visibleText((await trainee.get('/post?lang=en')).text);
    expect(inbox).toContain('Meeting on Thursday');
    expect(inbox).toContain('Fiktiv Kommune, Borgerservice');
    const delivered = world.ctx.events.latestOf(world.ctx.citizens.findByIdentifier('mette.hansen')!.id, ['letter-delivered'], 1)[0]!;
    expect(delivered).toMatchObject({ actor: 'teacher', rule: 'R8' });
  });

  it('delivers a letter from any sender to one trainee only', async () => {
    const klass = world.ctx.classes.findByCode('MAIL-5')!;
    const [first, second] = world.ctx.citizens.listInClass(klass.id);
    const unreadOf = (id: number) => world.ctx.mailbox.arrivedLetters(id).filter((letter) => letter.readAt === null).length;
    const before = unreadOf(second!.id);
    const response = await submitForm(anna, `/teacher/trainees/${first!.id}/letters`, `/teacher/trainees/${first!.id}/letters`, {
      sender: 'other',
      senderName: 'Fiktiv Boligforening',
      subject: 'Your rent',
      body: 'The rent goes up.',
    });
    expect(response.status).toBe(303);
    const letters = world.ctx.mailbox.arrivedLetters(first!.id).filter((letter) => letter.senderName === 'Fiktiv Boligforening');
    expect(letters).toHaveLength(1);
    expect(unreadOf(second!.id)).toBe(before);
    const page = visibleText((await anna.get(`/teacher/trainees/${first!.id}?lang=en`)).text);
    expect(page).toContain('Letter delivered to the digital mailbox');
  });

  it('refuses a letter without a subject or with another sender left unnamed, sending nothing', async () => {
    const klass = world.ctx.classes.findByCode('MAIL-5')!;
    const first = world.ctx.citizens.listInClass(klass.id)[0]!;
    const count = world.ctx.mailbox.arrivedLetters(first.id).length;
    const response = await submitForm(anna, '/teacher/classes/MAIL-5/letters?lang=en', '/teacher/classes/MAIL-5/letters', {
      sender: 'other',
      senderName: '',
      subject: '',
      body: 'Text',
    });
    expect(response.status).toBe(400);
    const text = visibleText(response.text);
    expect(text).toContain('Type the name of the other sender (at least 2 characters).');
    expect(text).toContain('Type a subject.');
    expect(response.text).toContain('>Text</textarea>');
    expect(world.ctx.mailbox.arrivedLetters(first.id).length).toBe(count);
  });

  it("does not let another teacher write to this teacher's class or trainees", async () => {
    const klass = world.ctx.classes.findByCode('MAIL-5')!;
    const first = world.ctx.citizens.listInClass(klass.id)[0]!;
    expect((await bo.get('/teacher/classes/MAIL-5/letters')).status).toBe(404);
    expect((await bo.get(`/teacher/trainees/${first.id}/letters`)).status).toBe(404);
    const forged = await submitForm(bo, '/teacher/classes/DEMO/letters', '/teacher/classes/MAIL-5/letters', {
      sender: 'kommune',
      subject: 'x',
      body: 'y',
    });
    expect(forged.status).toBe(404);
  });
});

describe('the teacher playing the issuer', () => {
  it("blocks a trainee's NemID for one of the issuer's reasons: the login is refused and the session ends, then unblocks it", async () => {
    const ahmed = world.ctx.citizens.findByIdentifier('ahmed.karimi')!;
    const trainee = request.agent(world.app);
    await loginAs(trainee, world.ctx, 'ahmed.karimi', 'Bog7531x');
    expect((await trainee.get('/my-nemid')).status).toBe(200);

    const blocked = await submitForm(anna, `/teacher/trainees/${ahmed.id}`, `/teacher/trainees/${ahmed.id}/block`, {
      reason: 'third-party',
    });
    expect(blocked.status).toBe(303);
    expect(world.ctx.citizens.findById(ahmed.id)).toMatchObject({ state: 'blocked', lockCode: 'ISSUER' });
    expect((await trainee.get('/my-nemid')).status).toBe(303);
    let page = visibleText((await anna.get(`/teacher/trainees/${ahmed.id}?lang=en`)).text);
    expect(page).toContain('The issuer blocked the NemID of Ahmed Fiktiv Karimi.');
    expect(page).toMatch(/NemID blocked R15 by the issuer/);
    expect(page).toContain('State Blocked by NemID support');
    expect(page).not.toContain('(ISSUER)');

    const unblocked = await submitForm(anna, `/teacher/trainees/${ahmed.id}`, `/teacher/trainees/${ahmed.id}/unblock`, {});
    expect(unblocked.status).toBe(303);
    expect(world.ctx.citizens.findById(ahmed.id)!.state).toBe('active');
    page = visibleText((await anna.get(`/teacher/trainees/${ahmed.id}?lang=en`)).text);
    expect(page).toContain('The issuer unblocked the NemID of Ahmed Fiktiv Karimi.');
  });

  it("refuses a block without one of the issuer's reasons, changing nothing", async () => {
    const fatima = world.ctx.citizens.findByIdentifier('685239407')!;
    await submitForm(anna, `/teacher/trainees/${fatima.id}`, `/teacher/trainees/${fatima.id}/block`, { reason: 'because' });
    expect(world.ctx.citizens.findById(fatima.id)!.state).toBe('active');
    expect(visibleText((await anna.get(`/teacher/trainees/${fatima.id}?lang=en`)).text)).toContain(
      "Choose one of the issuer's reasons for the block.",
    );
  });
});
