import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AttackKind } from '../../server/workshop/types.ts';
import { csrfFrom, submitForm, visibleText, type Agent } from '../helpers/http.ts';
import { minutes, targetOf, workshopWorld } from './world.ts';

/** The workshop world with class MITWS (scenario mitid-workshop: NemID and the MitID app) beside DEMO. */
async function mitidWorld() {
  const world = await workshopWorld();
  await world.ctx.scenarios.load('mitid-workshop', { actor: 'system' });
  const klass = world.ctx.classes.findByCode('MITWS')!;
  const idOf = (userId: string) => world.ctx.mitid.citizenOf(userId)!;
  return {
    ...world,
    klass,
    idOf,
    start: (plan: { kind: AttackKind; minutes: number }[]) => world.ctx.workshop.workshops.start(klass, world.teacherId, plan),
    /** A participant logged in to Digital Post with the MitID app, in their own browser (the pages in Danish). */
    participant: async (userId: string): Promise<Agent> => {
      const agent = request.agent(world.app);
      await submitForm(agent, '/login/mitid?service=post', '/login/mitid', { userId, service: 'post' });
      const approved = await submitForm(agent, '/login/mitid/app?device=confirm', '/login/mitid/app', { decision: 'approve' });
      if (approved.headers.location !== '/post') throw new Error(`MitID login of ${userId} answered ${approved.status}`);
      return agent;
    },
  };
}

/** The request waiting in the participant's app (the first link on "My MitID app"). */
async function waitingRequest(agent: Agent): Promise<string> {
  const app = await agent.get('/mitid/app');
  const match = /href="(\/mitid\/app\/\d+)"/.exec(app.text);
  if (!match) throw new Error('No request waits in the app');
  return match[1]!;
}

/** Approves (swipe, then confirm) or rejects the waiting request in the participant's own app. */
async function decide(agent: Agent, decision: 'approve' | 'reject'): Promise<string> {
  const page = await waitingRequest(agent);
  const answer = await submitForm(agent, `${page}?device=confirm`, page, { decision });
  expect(answer.headers.location).toBe(`/mitid/app?done=${decision === 'approve' ? 'approved' : 'rejected'}`);
  return page;
}

const mitidEvents = (world: Awaited<ReturnType<typeof mitidWorld>>, type: string) =>
  world.ctx.events.list({ classId: world.klass.id }).filter((event) => event.type === type);

describe("the workshop's MitID attacks", () => {
  it('puts a request to log on to the bank in the app of each MitID participant, and only theirs, once its time has come', async () => {
    const world = await mitidWorld();
    const id = world.start([{ kind: 'mitid-push', minutes: 15 }]);
    const demo = world.ctx.workshop.workshops.start(world.ctx.classes.findByCode('DEMO')!, world.teacherId, [
      { kind: 'mitid-push', minutes: 0 },
    ]);
    expect(world.ctx.workshop.debrief.facts(world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, demo)!.workshop)).toHaveLength(0);

    const aksel = await world.participant('aksel.mitid');
    expect(visibleText((await aksel.get('/post')).text)).toContain('Min MitID app');
    expect(visibleText((await aksel.get('/mitid/app')).text)).toContain('Ingen anmodninger i MitID app.');

    world.ctx.clock.advance(world.klass.id, minutes(15));
    const inbox = visibleText((await aksel.get('/post')).text);
    expect(inbox).toContain('Min MitID app (1 venter)');
    const app = visibleText((await aksel.get('/mitid/app')).text);
    expect(app).toContain('Din netbank beder dig godkende med MitID.');
    const facts = world.ctx.workshop.debrief.facts(world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!.workshop);
    expect(facts.map((fact) => fact.citizen.name).sort()).toEqual(['Aksel Fiktiv Dam', 'Bodil Fiktiv Krogh', 'Carsten Fiktiv Bech']);
  });

  it('counts who approved, who rejected and who did nothing, each approval an attacker in, each event with its rule', async () => {
    const world = await mitidWorld();
    const id = world.start([{ kind: 'mitid-push', minutes: 0 }]);
    const aksel = await world.participant('aksel.mitid');
    const bodil = await world.participant('bodil.mitid');
    await world.participant('carsten.mitid');
    await decide(aksel, 'reject');
    await decide(bodil, 'approve');
    expect(visibleText((await bodil.get('/mitid/app?done=approved')).text)).toContain('Du godkendte anmodningen.');

    expect(mitidEvents(world, 'workshop-mitid-rejected').map((event) => [event.citizenId, event.rule])).toEqual([
      [world.idOf('aksel.mitid'), 'M10'],
    ]);
    expect(mitidEvents(world, 'workshop-mitid-approved').map((event) => [event.citizenId, event.rule, event.data.attackerIn])).toEqual([
      [world.idOf('bodil.mitid'), 'M10', true],
    ]);

    const facilitator = await world.facilitator();
    await facilitator.get('/workshop?lang=en');
    const debrief = await facilitator.get(`/workshop/${id}/debrief`);
    const table = /<table data-testid="mitid-counts">[\s\S]*?<\/table>/.exec(debrief.text)![0];
    expect(table).toMatch(/data-decision="approved">1</);
    expect(table).toMatch(/data-decision="rejected">1</);
    expect(table).toMatch(/data-decision="none">1</);
    expect(table).toContain('href="#rule-M10"');
    expect(debrief.text).toContain('id="rule-M10"');
    expect(visibleText(debrief.text)).toContain('Sources in docs/mitid.md: [S48], [S20].');
    expect(visibleText(debrief.text)).toContain('Approved the request: the attacker is logged on to Your online bank');

    const csv = (await facilitator.get(`/workshop/${id}/debrief.csv`)).text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv[0]).toMatch(/,Outcome,Score,MitID request,MitID rule$/);
    expect(csv.find((line) => line.startsWith('Bodil Fiktiv Krogh'))).toMatch(/,Approved,M10$/);
    expect(csv.find((line) => line.startsWith('Aksel Fiktiv Dam'))).toMatch(/,"Rejected the request, gave nothing away",0,Rejected,M10$/);
    expect(csv.find((line) => line.startsWith('Carsten Fiktiv Bech'))).toMatch(/,Did nothing,M10$/);

    const bodilTarget = targetOf(world.ctx, world.teacherId, id, world.idOf('bodil.mitid'), 'mitid-push');
    const session = await facilitator.get(`/workshop/${id}/attacker/${bodilTarget.id}`);
    expect(session.text).toContain('data-testid="session-open"');
    const akselTarget = targetOf(world.ctx, world.teacherId, id, world.idOf('aksel.mitid'), 'mitid-push');
    expect((await facilitator.get(`/workshop/${id}/attacker/${akselTarget.id}`)).text).toContain('data-testid="session-none"');
  });

  it('sends another request with each push the facilitator adds, and counts an approval of any of them', async () => {
    const world = await mitidWorld();
    const id = world.start([{ kind: 'mitid-push', minutes: 0 }]);
    const aksel = await world.participant('aksel.mitid');
    await decide(aksel, 'reject');
    world.ctx.workshop.workshops.addAttacks(world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!.workshop, [
      { kind: 'mitid-push', minutes: 0 },
    ]);
    expect(visibleText((await aksel.get('/post')).text)).toContain('Min MitID app (1 venter)');
    await decide(aksel, 'approve');
    const { workshop } = world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
    const [row] = world.ctx.workshop.debrief.mitidCounts(world.ctx.workshop.debrief.facts(workshop));
    expect(row!.received).toBe(6);
    expect(row!.counts).toEqual({ approved: 1, rejected: 1, none: 4 });
  });

  it("opens no other participant's request, and an answered one cannot be approved again", async () => {
    const world = await mitidWorld();
    world.start([{ kind: 'mitid-push', minutes: 0 }]);
    const aksel = await world.participant('aksel.mitid');
    const bodil = await world.participant('bodil.mitid');
    const hers = await waitingRequest(bodil);
    expect((await aksel.get(hers)).status).toBe(404);
    const page = await decide(bodil, 'reject');
    const again = await bodil
      .post(page)
      .type('form')
      .send({ decision: 'approve', _csrf: csrfFrom((await bodil.get('/mitid/app')).text) });
    expect(again.status).toBe(409);
    expect(visibleText(again.text)).toContain('En besvaret anmodning kan ikke godkendes igen.');
    expect(mitidEvents(world, 'mitid-approved')).toHaveLength(2); // the two logins, not the answered request
  });

  it('has the MitID caller ask to "just approve the request I sent you": the request is the bank\'s, approving breaks M11', async () => {
    const world = await mitidWorld();
    const id = world.start([{ kind: 'mitid-call', minutes: 0 }]);
    const aksel = await world.participant('aksel.mitid');
    const bodil = await world.participant('bodil.mitid');
    const inbox = visibleText((await aksel.get('/post')).text);
    expect(inbox).toContain('Din telefon ringer: +45 70 20 44 17 – &#34;Netbanken Sikkerhed&#34;');

    const callOf = (userId: string) => `/call/${targetOf(world.ctx, world.teacherId, id, world.idOf(userId), 'mitid-call').token}`;
    expect(visibleText((await aksel.get('/mitid/app')).text)).toContain('Ingen anmodninger i MitID app.');
    await submitForm(aksel, '/post', callOf('aksel.mitid'), { action: 'answer' });
    const call = visibleText((await aksel.get(callOf('aksel.mitid'))).text);
    expect(call).toContain('Godkend bare den anmodning, jeg har sendt dig');
    expect(visibleText((await aksel.get('/mitid/app')).text)).toContain('Din netbank beder dig godkende med MitID.');
    await submitForm(aksel, callOf('aksel.mitid'), callOf('aksel.mitid'), { action: 'say', said: 'Nej, jeg ringer selv til banken' });
    expect(visibleText((await aksel.get(callOf('aksel.mitid'))).text)).toContain('det haster');
    await decide(aksel, 'approve');
    expect(visibleText((await aksel.get(callOf('aksel.mitid'))).text)).toContain('(Du godkendte anmodningen i din MitID app.)');

    await submitForm(bodil, '/post', callOf('bodil.mitid'), { action: 'answer' });
    await decide(bodil, 'reject');
    expect(visibleText((await bodil.get(callOf('bodil.mitid'))).text)).toContain('(Du afviste anmodningen i din MitID app.)');

    expect(mitidEvents(world, 'workshop-mitid-approved').map((event) => event.rule)).toEqual(['M11']);
    const { workshop } = world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
    const facts = world.ctx.workshop.debrief.facts(workshop);
    expect(Object.fromEntries(facts.map((fact) => [fact.citizen.name, fact.outcome]))).toEqual({
      'Aksel Fiktiv Dam': 'compromised',
      'Bodil Fiktiv Krogh': 'rejected',
      'Carsten Fiktiv Bech': 'not-logged-in',
    });
  });

  it('relays the user ID typed on the look-alike to the real Digital Post login: the live approval lets the attacker in, its replay fails', async () => {
    const world = await mitidWorld();
    const id = world.start([{ kind: 'mitid-letter', minutes: 0 }]);
    const aksel = await world.participant('aksel.mitid');
    const target = targetOf(world.ctx, world.teacherId, id, world.idOf('aksel.mitid'), 'mitid-letter');
    const inbox = await aksel.get('/post');
    expect(visibleText(inbox.text)).toContain('Dit MitID skal bekræftes');
    const letterHref = /href="(\/post\/letters\/\d+)"[^>]*>[^<]*Dit MitID skal bekræftes/.exec(inbox.text)?.[1];
    const opened = await aksel.get(letterHref ?? `/post/letters/${target.letterId}`);
    const site = `/mitid-sikkerhed.dk-verify/${target.token}`;
    expect(opened.text).toContain(`href="${site}"`);

    const form = await aksel.get(site);
    expect(visibleText(form.text)).toContain('MitID Sikkerhed – bekræft dit MitID');
    const empty = await aksel
      .post(site)
      .type('form')
      .send({ userId: ' ', _csrf: csrfFrom(form.text) });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('Skriv dit MitID bruger-id.');
    const wrong = await aksel
      .post(site)
      .type('form')
      .send({ userId: 'bodil.mitid', _csrf: csrfFrom(form.text) });
    expect(wrong.status).toBe(401);
    expect(visibleText(wrong.text)).toContain("Bruger-id'et blev ikke genkendt.");
    expect(wrong.text).toContain('value="bodil.mitid"');
    expect(visibleText((await aksel.get('/mitid/app')).text)).toContain('Ingen anmodninger i MitID app.');

    expect(
      (
        await aksel
          .post(site)
          .type('form')
          .send({ userId: 'AKSEL.mitid', _csrf: csrfFrom(form.text) })
      ).headers.location,
    ).toBe(site);
    expect(visibleText((await aksel.get(site)).text)).toContain('Godkend i din MitID app');
    // The app names the service whose real login the attacker started: not the look-alike's "MitID Sikkerhed".
    expect(visibleText((await aksel.get('/mitid/app')).text)).toContain('Digital Post beder dig godkende med MitID.');
    const page = await decide(aksel, 'approve');
    expect(visibleText((await aksel.get(site)).text)).toContain('Dit MitID er bekræftet');
    const approved = mitidEvents(world, 'workshop-mitid-approved');
    expect(approved.map((event) => [event.rule, event.data.service])).toEqual([['M12', 'post']]);
    expect(mitidEvents(world, 'workshop-mitid-user-id-typed').map((event) => [event.rule, event.data.real])).toEqual([
      ['M13', false],
      ['M13', true],
    ]);

    const facilitator = await world.facilitator();
    await facilitator.get('/workshop?lang=en');
    const attacker = await facilitator.get(`/workshop/${id}/attacker`);
    expect(visibleText(attacker.text)).toContain('logged on to Digital Post');
    await facilitator
      .post(`/workshop/${id}/replay`)
      .type('form')
      .send({ target: String(target.id), _csrf: csrfFrom(attacker.text) });
    const replayed = mitidEvents(world, 'workshop-replayed');
    expect(replayed.map((event) => [event.rule, event.data.outcome])).toEqual([['M2', 'gone']]);
    expect(visibleText((await facilitator.get(`/workshop/${id}/attacker`)).text)).toContain('refused. A MitID request is decided once');
    expect(
      (
        await aksel
          .post(page)
          .type('form')
          .send({ decision: 'approve', _csrf: csrfFrom((await aksel.get('/mitid/app')).text) })
      ).status,
    ).toBe(409);
    expect(mitidEvents(world, 'workshop-mitid-approved')).toHaveLength(1);
  });
});
