import { describe, expect, it } from 'vitest';
import { csrfFrom, submitForm, visibleText } from '../helpers/http.ts';
import { chooseOwnPassword, codeOf, minutes, tablesHolding, targetOf, workshopWorld } from './world.ts';

/** Mette in a workshop with the support call ringing now, answered. */
async function callAnswered() {
  const world = await workshopWorld();
  const id = world.start([{ kind: 'support-call', minutes: 0 }]);
  const mette = await world.participant('mette.hansen', 'Hest2024');
  const path = `/call/${targetOf(world.ctx, world.teacherId, id, mette.citizenId, 'support-call').token}`;
  await submitForm(mette.agent, '/post', path, { action: 'answer' });
  return { world, id, mette, path };
}

describe('the staged support call', () => {
  it("rings on the participant's pages once the class clock passes its time, and stops when answered", async () => {
    const world = await workshopWorld();
    world.start([{ kind: 'support-call', minutes: 15 }]);
    const mette = await world.participant('mette.hansen', 'Hest2024');
    expect(visibleText((await mette.agent.get('/post')).text)).not.toContain('Din telefon ringer');

    world.ctx.clock.advance(world.klass.id, minutes(15));
    const inbox = await mette.agent.get('/post');
    expect(visibleText(inbox.text)).toContain('Din telefon ringer: +45 70 20 11 38');
    const action = /<form method="post" action="(\/call\/[^"]+)"/.exec(inbox.text)![1]!;
    const answered = await mette.agent
      .post(action)
      .type('form')
      .send({ action: 'answer', _csrf: csrfFrom(inbox.text) });
    expect(answered.headers.location).toBe(action);
    const call = visibleText((await mette.agent.get(action)).text);
    expect(call).toContain('Jonas fra NemID-support');
    expect(call).toContain('Vil du sige din NemID-adgangskode?');
    expect(visibleText((await mette.agent.get('/post')).text)).not.toContain('Din telefon ringer');
  });

  it('relays a password and a code said on the phone to the real login, keeping neither', async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'support-call', minutes: 0 }]);
    await chooseOwnPassword(world.ctx, 'mette.hansen', 'Solsikke2468');
    const mette = await world.participant('mette.hansen', 'Solsikke2468');
    const path = `/call/${targetOf(world.ctx, world.teacherId, id, mette.citizenId, 'support-call').token}`;
    await submitForm(mette.agent, '/post', path, { action: 'answer' });

    const empty = await submitForm(mette.agent, path, path, { action: 'say', said: ' ' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('Skriv det, du siger, eller læg på.');
    await submitForm(mette.agent, path, path, { action: 'say', said: 'Solsikke2468' });
    const asking = visibleText((await mette.agent.get(path)).text);
    const key = /læs koden ud for nøgle (\d{4}) op/.exec(asking)![1]!;
    expect(key).toBe(world.ctx.keycards.cardForLogin(mette.citizenId, world.time.now())!.challengeKey);

    const code = codeOf(world.ctx, mette.citizenId, key);
    await submitForm(mette.agent, path, path, { action: 'say', said: code });
    const ended = visibleText((await mette.agent.get(path)).text);
    expect(ended).toContain('Dit NemID er sikkert nu');
    expect(ended).toContain('Opkaldet er slut.');

    const { workshop } = world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
    const facts = world.ctx.workshop.debrief.facts(workshop).find((fact) => fact.citizen.id === mette.citizenId)!;
    expect(facts.at.opened).not.toBeNull();
    expect(facts.passwordReal).toBe(true);
    expect(facts.relay?.key).toBe(key);
    expect(tablesHolding(world.ctx, ['Solsikke2468', code])).toEqual([]);
  });

  it('takes a refusal and a question back as the right answer, not as a password given', async () => {
    const { world, id, mette, path } = await callAnswered();
    await submitForm(mette.agent, path, path, { action: 'say', said: 'Nej, det giver jeg ikke. Hvem er du?' });

    const call = visibleText((await mette.agent.get(path)).text);
    expect(call).toContain('(Du gav ikke din adgangskode.)');
    expect(call).not.toContain('(Du sagde en adgangskode til opringeren.)');
    expect(call).toContain('Det er kun adgangskoden, jeg skal bruge.');
    await submitForm(mette.agent, path, path, { action: 'hang-up' });

    const { workshop } = world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
    const facts = world.ctx.workshop.debrief.facts(workshop);
    const hers = facts.find((fact) => fact.citizen.id === mette.citizenId)!;
    expect(hers.at.password).toBeNull();
    expect(hers.outcome).toBe('refused');
    expect(hers.score).toBe(0);
    expect(world.ctx.workshop.debrief.funnel(facts).find((row) => row.kind === 'all')!.counts.password).toBe(0);
    const facilitator = await world.facilitator();
    const debrief = visibleText((await facilitator.get(`/workshop/${id}/debrief?lang=da`)).text);
    expect(debrief).toContain('Afviste opringeren, gav intet væk');
    expect(debrief).not.toContain('Gav noget væk');
  });

  it('tells a wrong password said on the phone from the real one', async () => {
    const { world, id, mette, path } = await callAnswered();
    await submitForm(mette.agent, path, path, { action: 'say', said: 'Forkert999' });
    expect(visibleText((await mette.agent.get(path)).text)).toContain('(Du sagde en adgangskode til opringeren.)');

    const { workshop } = world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
    const hers = world.ctx.workshop.debrief.facts(workshop).find((fact) => fact.citizen.id === mette.citizenId)!;
    expect(hers.at.password).not.toBeNull();
    expect(hers.passwordReal).toBe(false);
    expect(hers.outcome).toBe('gave-wrong');
    expect(hers.score).toBe(0);
  });

  it('lets the participant hang up and report the call, which scores', async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'support-call', minutes: 0 }]);
    const anna = await world.participant('anna.schmidt', 'Sommer42');
    const path = `/call/${targetOf(world.ctx, world.teacherId, id, anna.citizenId, 'support-call').token}`;
    await submitForm(anna.agent, '/post?lang=de&screens=full', path, { action: 'answer' });
    await submitForm(anna.agent, path, path, { action: 'hang-up' });
    expect(visibleText((await anna.agent.get(path)).text)).toContain('(Sie haben aufgelegt.)');
    await submitForm(anna.agent, path, path, { action: 'report' });
    const page = visibleText((await anna.agent.get(path)).text);
    expect(page).toContain('Sie haben den Anruf NemID gemeldet.');

    const { workshop } = world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
    const facts = world.ctx.workshop.debrief.facts(workshop).find((fact) => fact.citizen.id === anna.citizenId)!;
    expect(facts.outcome).toBe('reported');
    expect(facts.score).toBe(1);
    expect(facts.at.password).toBeNull();
  });

  it("is only the participant's own call", async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'support-call', minutes: 0 }]);
    const mette = world.ctx.citizens.findByIdentifier('mette.hansen')!;
    const path = `/call/${targetOf(world.ctx, world.teacherId, id, mette.id, 'support-call').token}`;
    const ahmed = await world.participant('ahmed.karimi', 'Bog7531x');
    expect((await ahmed.agent.get(path)).status).toBe(404);
  });
});

describe('ending a workshop', () => {
  it('calls off the attacks that have not started: the call never rings and the letter never arrives, what arrived stays', async () => {
    const world = await workshopWorld();
    const id = world.start([
      { kind: 'tax-refund', minutes: 0 },
      { kind: 'locked-letter', minutes: 10 },
      { kind: 'support-call', minutes: 15 },
    ]);
    const mette = await world.participant('mette.hansen', 'Hest2024');
    const arrived = targetOf(world.ctx, world.teacherId, id, mette.citizenId, 'tax-refund').letterId!;
    const coming = targetOf(world.ctx, world.teacherId, id, mette.citizenId, 'locked-letter').letterId!;

    world.ctx.clock.advance(world.klass.id, minutes(5));
    const { workshop } = world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
    world.ctx.workshop.workshops.end(workshop);
    world.ctx.clock.advance(world.klass.id, minutes(60));

    const inbox = await mette.agent.get('/post');
    expect(visibleText(inbox.text)).not.toContain('Din telefon ringer');
    expect(inbox.text).toContain(`href="/post/letters/${arrived}"`);
    expect((await mette.agent.get(`/post/letters/${coming}`)).status).toBe(404);
    expect(world.ctx.workshop.workshops.attacks(workshop).map((attack) => attack.kind)).toEqual(['tax-refund']);
    const ended = world.ctx.events.list({}).find((event) => event.type === 'workshop-ended')!;
    expect(ended.data).toEqual({ workshopId: id, calledOff: ['locked-letter', 'support-call'] });
  });
});
