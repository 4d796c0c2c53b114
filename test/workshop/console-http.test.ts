import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/common/passwords.ts';
import { csrfFrom, submitForm, visibleText } from '../helpers/http.ts';
import { minutes, workshopWorld } from './world.ts';

async function facilitator() {
  const world = await workshopWorld();
  return { ...world, agent: await world.facilitator() };
}

describe('the facilitator console at /workshop', () => {
  it('is for teacher accounts only', async () => {
    const world = await workshopWorld();
    const visitor = await request(world.app).get('/workshop');
    expect(visitor.status).toBe(303);
    expect(visitor.headers.location).toBe('/teacher/login');
  });

  it('starts a workshop for a class with the chosen attacks on the class clock', async () => {
    const { agent, ctx, time } = await facilitator();
    const home = await agent.get('/workshop?lang=en');
    expect(visibleText(home.text)).toContain('Start a workshop');
    const started = await submitForm(agent, '/workshop', '/workshop', {
      klass: 'DEMO',
      taxRefund: '0',
      lockedLetter: '',
      supportCall: '15',
      cardPhoto: '',
    });
    expect(started.status).toBe(303);
    const live = await agent.get(started.headers.location!);
    const text = visibleText(live.text);
    expect(text).toContain('Staged attack Tax refund letter with a look-alike login');
    expect(text).toContain('call asking for the password and a code');
    expect(text).not.toContain('Locked NemID');
    expect(text).toContain('Has reached the participants');
    expect(text).toContain('Waiting for the class clock');
    expect(text).toContain('Mette Fiktiv Hansen');

    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    expect(ctx.mailbox.arrivedLetters(mette.id).some((letter) => letter.senderName === 'SKAT Tilbagebetaling')).toBe(true);
    const scheduled = ctx.events.list({ classId: mette.classId }).filter((event) => event.type === 'workshop-attack-scheduled');
    expect(scheduled.map((event) => [event.data.kind, event.data.startsAt])).toEqual([
      ['tax-refund', time.now()],
      ['support-call', time.now() + minutes(15)],
    ]);
  });

  it('refuses a plan it cannot run and says why, changing nothing', async () => {
    const { agent, ctx } = await facilitator();
    const none = await submitForm(agent, '/workshop?lang=en', '/workshop', {
      klass: 'DEMO',
      taxRefund: '',
      lockedLetter: '',
      supportCall: '',
      cardPhoto: '',
    });
    expect(none.status).toBe(400);
    expect(visibleText(none.text)).toContain('Choose at least one attack');
    const bad = await submitForm(agent, '/workshop', '/workshop', {
      klass: 'NOPE',
      taxRefund: 'soon',
      lockedLetter: '999',
      supportCall: '',
      cardPhoto: '',
    });
    expect(bad.status).toBe(400);
    const text = visibleText(bad.text);
    expect(text).toContain('Choose one of your classes.');
    expect(text).toContain('Type a whole number of minutes from 0 to 240');
    expect(ctx.events.list({}).filter((event) => event.type === 'workshop-started')).toEqual([]);
  });

  it("shows another teacher's workshop to nobody else", async () => {
    const world = await workshopWorld();
    const teacherB = world.ctx.teachers.insert('teacher-b', await hashPassword('teacher-b-password'), world.time.now());
    const own = await world.ctx.scenarios.createClass('OWNB', 'default', 2, teacherB, 'cli');
    const id = world.ctx.workshop.workshops.start(own, teacherB, [{ kind: 'tax-refund', minutes: 0 }]);
    const agent = await world.facilitator();
    for (const path of ['', '/attacker', '/debrief', '/debrief.csv']) expect((await agent.get(`/workshop/${id}${path}`)).status).toBe(404);
    expect((await agent.get('/workshop/abc')).status).toBe(404);
  });

  it('adds attacks to a running workshop and ends it into the debrief', async () => {
    const { agent, start } = await facilitator();
    await agent.get('/workshop?lang=en');
    const id = start([{ kind: 'tax-refund', minutes: 0 }]);
    const added = await submitForm(agent, `/workshop/${id}`, `/workshop/${id}/attacks`, {
      taxRefund: '',
      lockedLetter: '5',
      supportCall: '',
      cardPhoto: '',
    });
    expect(added.status).toBe(303);
    expect(visibleText((await agent.get(`/workshop/${id}?lang=en`)).text)).toContain('letter with a 24-hour deadline');
    const ended = await submitForm(agent, `/workshop/${id}`, `/workshop/${id}/end`, {});
    expect(ended.headers.location).toBe(`/workshop/${id}/debrief`);
    const debrief = visibleText((await agent.get(`/workshop/${id}/debrief`)).text);
    expect(debrief).toContain("The class's funnel");
    const live = visibleText((await agent.get(`/workshop/${id}`)).text);
    expect(live).toContain('This workshop ended at');
    expect(live).not.toContain('Stage more attacks');
    const token = csrfFrom((await agent.get('/workshop')).text);
    const again = await agent.post(`/workshop/${id}/attacks`).type('form').send({ taxRefund: '0', _csrf: token });
    expect(again.status).toBe(400);
    expect(visibleText(again.text)).toContain('This workshop has ended');
  });
});
