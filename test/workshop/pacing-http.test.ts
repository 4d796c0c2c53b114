import { describe, expect, it } from 'vitest';
import { submitForm, visibleText as pageText } from '../helpers/http.ts';
import { minutes, workshopWorld } from './world.ts';

/** What a person reads on the page (EJS writes a quotation mark as &#34;). */
const visibleText = (html: string): string => pageText(html).replace(/&#34;/g, '"');

/** A facilitator signed in, reading English. */
async function facilitator() {
  const world = await workshopWorld();
  const agent = await world.facilitator();
  await agent.get('/workshop?lang=en');
  return { ...world, agent };
}

/** The id of the workshop's attack of this kind. */
function attackId(world: Awaited<ReturnType<typeof facilitator>>, id: number, kind: string): number {
  const { workshop } = world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
  return world.ctx.workshop.workshops.attacks(workshop).find((attack) => attack.kind === kind)!.id;
}

/** What the cell of an attack's launch column says. */
function launchCell(html: string, kind: string): string {
  return visibleText(new RegExp(`<td data-testid="launch-${kind}">([\\s\\S]*?)</td>`).exec(html)![1]!).trim();
}

/** Which staged attacks have reached the participants by now on the class clock. */
function arrivedKinds(world: Awaited<ReturnType<typeof facilitator>>, id: number): string[] {
  const { workshop } = world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
  const now = world.ctx.clock.now(world.klass.id);
  return world.ctx.workshop.workshops
    .attacks(workshop)
    .filter((attack) => attack.startsAt <= now)
    .map((attack) => attack.kind);
}

describe('pacing a workshop from its page', () => {
  it("links each class from the console's home and class page to its workshop, or to starting one", async () => {
    const world = await facilitator();
    for (const page of ['/teacher', '/teacher/classes/DEMO']) {
      const before = await world.agent.get(page);
      expect(before.text).toContain('href="/workshop?klass=DEMO"');
      expect(visibleText(before.text)).toContain('Security workshop: Start a workshop');
    }
    const form = await world.agent.get('/workshop?klass=DEMO');
    expect(form.text).toContain('<option value="DEMO" selected>');

    const id = world.start([{ kind: 'tax-refund', minutes: 0 }]);
    for (const page of ['/teacher', '/teacher/classes/DEMO']) {
      const after = await world.agent.get(page);
      expect(after.text).toContain(`<a href="/workshop/${id}">Workshop ${id} (running)</a>`);
      expect(after.text).not.toContain('href="/workshop?klass=DEMO"');
    }
  });

  it('moves the class clock 15 minutes with +15 min, as the class page does, and says which attack arrived', async () => {
    const world = await facilitator();
    const id = world.start([
      { kind: 'tax-refund', minutes: 0 },
      { kind: 'locked-letter', minutes: 10 },
      { kind: 'card-photo', minutes: 40 },
    ]);
    const before = world.ctx.clock.now(world.klass.id);
    const moved = await submitForm(world.agent, `/workshop/${id}`, `/workshop/${id}/clock`, { step: '15m' });
    expect(moved.status).toBe(303);
    expect(moved.headers.location).toBe(`/workshop/${id}`);
    expect(world.ctx.clock.now(world.klass.id) - before).toBe(minutes(15));
    const event = world.ctx.events.list({ classId: world.klass.id }).find((candidate) => candidate.type === 'clock-advanced')!;
    expect(event).toMatchObject({ actor: 'teacher', data: { ms: minutes(15), step: '15m', teacherId: world.teacherId } });

    const text = visibleText((await world.agent.get(`/workshop/${id}`)).text);
    expect(text).toContain('The class clock moved +15 min');
    expect(text).toContain('Arrived now: "Your NemID is locked" letter with a 24-hour deadline.');
    expect(text).not.toContain('Arrived now: Letter asking for a photo');
    expect(arrivedKinds(world, id)).toEqual(['tax-refund', 'locked-letter']);

    const next = await submitForm(world.agent, `/workshop/${id}`, `/workshop/${id}/clock`, { step: '5m' });
    expect(next.status).toBe(303);
    expect(visibleText((await world.agent.get(`/workshop/${id}`)).text)).toContain(
      'No staged attack arrived; the next one is Letter asking for a photo of the key card',
    );
  });

  it('refuses a clock step it does not offer, moving nothing', async () => {
    const world = await facilitator();
    const id = world.start([{ kind: 'tax-refund', minutes: 0 }]);
    const before = world.ctx.clock.now(world.klass.id);
    const refused = await submitForm(world.agent, `/workshop/${id}`, `/workshop/${id}/clock`, { step: '4wd' });
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('Choose one of the clock buttons.');
    expect(world.ctx.clock.now(world.klass.id)).toBe(before);
  });

  it("launches a waiting letter now: it is in the participant's inbox at once, and the button gives way to its launch time", async () => {
    const world = await facilitator();
    const id = world.start([
      { kind: 'locked-letter', minutes: 30 },
      { kind: 'support-call', minutes: 60 },
    ]);
    const mette = await world.participant('mette.hansen', 'Hest2024');
    expect(visibleText((await mette.agent.get('/post')).text)).not.toContain('Dit NemID er spærret');
    const page = await world.agent.get(`/workshop/${id}`);
    expect(launchCell(page.text, 'locked-letter')).toContain('Launch this attack now');

    const now = world.ctx.clock.now(world.klass.id);
    const launched = await submitForm(
      world.agent,
      `/workshop/${id}`,
      `/workshop/${id}/attacks/${attackId(world, id, 'locked-letter')}/launch`,
      {},
    );
    expect(launched.status).toBe(303);
    expect(visibleText((await mette.agent.get('/post')).text)).toContain('Dit NemID er spærret – reagér inden 24 timer');
    expect(world.ctx.clock.now(world.klass.id)).toBe(now);

    const after = await world.agent.get(`/workshop/${id}`);
    expect(visibleText(after.text)).toContain('"Your NemID is locked" letter with a 24-hour deadline: launched at');
    expect(launchCell(after.text, 'locked-letter')).toMatch(/^Launched at \d+ \w+ 2026, \d\d:\d\d$/);
    expect(launchCell(after.text, 'support-call')).toContain('Launch this attack now');
    const event = world.ctx.events.list({ classId: world.klass.id }).find((candidate) => candidate.type === 'workshop-attack-launched')!;
    expect(event).toMatchObject({
      actor: 'teacher',
      at: now,
      data: { kind: 'locked-letter', scheduledFor: now + minutes(30), startsAt: now, teacherId: world.teacherId },
    });

    // The letter that was waiting for its time is gone: it does not arrive a second time.
    world.ctx.clock.advance(world.klass.id, minutes(45));
    expect(
      world.ctx.mailbox.arrivedLetters(mette.citizenId).filter((letter) => letter.senderName === 'NemID Sikkerhedscenter'),
    ).toHaveLength(1);
  });

  it("launches a waiting call now: the phone rings on the participant's pages at once", async () => {
    const world = await facilitator();
    const id = world.start([{ kind: 'support-call', minutes: 60 }]);
    const mette = await world.participant('mette.hansen', 'Hest2024');
    expect(visibleText((await mette.agent.get('/post')).text)).not.toContain('Din telefon ringer');
    await submitForm(world.agent, `/workshop/${id}`, `/workshop/${id}/attacks/${attackId(world, id, 'support-call')}/launch`, {});
    expect(visibleText((await mette.agent.get('/post')).text)).toContain('Din telefon ringer: +45 70 20 11 38');

    const again = await submitForm(
      world.agent,
      `/workshop/${id}`,
      `/workshop/${id}/attacks/${attackId(world, id, 'support-call')}/launch`,
      {},
    );
    expect(again.status).toBe(303);
    expect(visibleText((await world.agent.get(`/workshop/${id}`)).text)).toContain('it had already reached the participants');
    expect(world.ctx.events.list({ classId: world.klass.id }).filter((event) => event.type === 'workshop-attack-launched')).toHaveLength(1);
  });

  it('launches only an attack of the workshop in the address', async () => {
    const world = await facilitator();
    const first = world.start([{ kind: 'tax-refund', minutes: 30 }]);
    const second = world.start([{ kind: 'card-photo', minutes: 30 }]);
    const refused = await submitForm(
      world.agent,
      `/workshop/${first}`,
      `/workshop/${first}/attacks/${attackId(world, second, 'card-photo')}/launch`,
      {},
    );
    expect(refused.status).toBe(404);
    expect(arrivedKinds(world, second)).toEqual([]);
  });

  it("spreads the suggested plan so that +1 h from the start brings two attacks at most, in the catalogue's order", async () => {
    const world = await facilitator();
    const form = (await world.agent.get('/workshop')).text;
    const suggested = Object.fromEntries(
      ['taxRefund', 'lockedLetter', 'supportCall', 'cardPhoto'].map((field) => [
        field,
        new RegExp(`name="${field}" type="text" value="(\\d+)"`).exec(form)![1]!,
      ]),
    );
    const started = await submitForm(world.agent, '/workshop', '/workshop', { klass: 'DEMO', ...suggested });
    const id = Number(started.headers.location!.split('/').pop());
    const { workshop } = world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
    const times = world.ctx.workshop.workshops.attacks(workshop).map((attack) => [attack.kind, attack.startsAt - workshop.startedAt]);
    expect(times).toEqual([
      ['tax-refund', 0],
      ['locked-letter', minutes(40)],
      ['support-call', minutes(80)],
      ['card-photo', minutes(120)],
    ]);

    await submitForm(world.agent, `/workshop/${id}`, `/workshop/${id}/clock`, { step: '1h' });
    expect(arrivedKinds(world, id)).toEqual(['tax-refund', 'locked-letter']);
    expect(visibleText((await world.agent.get(`/workshop/${id}`)).text)).toContain(
      'Arrived now: "Your NemID is locked" letter with a 24-hour deadline.',
    );
    // The next hour brings the other two, and no hour three: they are 40 minutes apart.
    await submitForm(world.agent, `/workshop/${id}`, `/workshop/${id}/clock`, { step: '1h' });
    expect(arrivedKinds(world, id)).toEqual(['tax-refund', 'locked-letter', 'support-call', 'card-photo']);
    expect(visibleText((await world.agent.get(`/workshop/${id}`)).text)).toContain(
      'Arrived now: A "support" call asking for the password and a code and Letter asking for a photo of the key card.',
    );
  });
});
