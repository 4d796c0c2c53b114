import { describe, expect, it } from 'vitest';
import { visibleText } from '../helpers/http.ts';
import { codeOf, targetOf, unusedKeys, workshopWorld } from './world.ts';

/**
 * A class where each participant does something different with a staged letter and a
 * staged call, driven through the workshop's own services as the pages do.
 */
async function debriefWorld() {
  const world = await workshopWorld();
  const { ctx } = world;
  const id = world.start([
    { kind: 'tax-refund', minutes: 0 },
    { kind: 'support-call', minutes: 0 },
  ]);
  const who = (identifier: string) => ctx.citizens.findByIdentifier(identifier)!.id;
  const letter = (identifier: string) => targetOf(ctx, world.teacherId, id, who(identifier), 'tax-refund');
  const call = (identifier: string) => targetOf(ctx, world.teacherId, id, who(identifier), 'support-call');
  const { lookAlike, calls, reports } = ctx.workshop;

  // Mette opens the letter and gives everything away; the relay logs the attacker in.
  ctx.post.inbox.open(who('mette.hansen'), letter('mette.hansen').letterId!);
  const metteSite = lookAlike.target(letter('mette.hansen').token, who('mette.hansen'));
  lookAlike.followLink(metteSite);
  await lookAlike.typePassword(metteSite, 'mette.hansen', 'Hest2024');
  const asked = ctx.keycards.cardForLogin(who('mette.hansen'), ctx.clock.now(world.klass.id))!.challengeKey!;
  lookAlike.typeCode(metteSite, codeOf(ctx, who('mette.hansen'), asked));
  lookAlike.typeCodes(metteSite, unusedKeys(ctx, who('mette.hansen'), 3));

  // Ahmed opens the letter and reports it as fraud.
  ctx.post.inbox.open(who('ahmed.karimi'), letter('ahmed.karimi').letterId!);
  reports.reportLetter(who('ahmed.karimi'), letter('ahmed.karimi').letterId!);

  // Anna follows the link and stops there.
  lookAlike.followLink(lookAlike.target(letter('anna.schmidt').token, who('anna.schmidt')));

  // Jens answers the call, says a password that is not his, and hangs up; Fatima declines it.
  const jensCall = calls.target(call('jens.nielsen').token, who('jens.nielsen'));
  await calls.act(jensCall, 'answer', '');
  await calls.act(jensCall, 'say', 'Gaet1234');
  await calls.act(jensCall, 'hang-up', '');
  await calls.act(calls.target(call('685239407').token, who('685239407')), 'decline', '');
  return { ...world, id };
}

describe('the debrief', () => {
  it("counts the class's funnel per attack and in all", async () => {
    const { ctx, teacherId, id } = await debriefWorld();
    const { workshop } = ctx.workshop.workshops.visibleWorkshop(teacherId, id)!;
    const funnel = ctx.workshop.debrief.funnel(ctx.workshop.debrief.facts(workshop));
    expect(funnel.map((row) => [row.kind, row.staged, row.counts])).toEqual([
      ['tax-refund', 10, { received: 10, opened: 2, clicked: 2, password: 1, codes: 1, photo: 0, reported: 1, blocked: 0 }],
      ['support-call', 10, { received: 10, opened: 1, clicked: 0, password: 1, codes: 0, photo: 0, reported: 0, blocked: 0 }],
      ['all', 20, { received: 20, opened: 3, clicked: 2, password: 2, codes: 1, photo: 0, reported: 1, blocked: 0 }],
    ]);
  });

  it('gives no verdict before an action: not logged in yet, not opened yet, and counts who logged in', async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'tax-refund', minutes: 0 }]);
    const mette = await world.participant('mette.hansen', 'Hest2024');
    const anna = world.ctx.citizens.findByIdentifier('anna.schmidt')!.id;
    const { workshop } = world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
    const facts = world.ctx.workshop.debrief.facts(workshop);
    expect(facts.find((fact) => fact.citizen.id === mette.citizenId)!.outcome).toBe('not-opened');
    expect(facts.find((fact) => fact.citizen.id === anna)!.outcome).toBe('not-logged-in');
    const all = world.ctx.workshop.debrief.funnel(facts).find((row) => row.kind === 'all')!;
    expect([all.counts.received, all.loggedIn]).toEqual([10, 1]);

    const facilitator = await world.facilitator();
    const page = visibleText((await facilitator.get(`/workshop/${id}?lang=en`)).text);
    expect(page).toContain('Not logged in yet');
    expect(page).toContain('Not opened yet');
    expect(page).not.toContain('Gave nothing away');
    const debrief = (await facilitator.get(`/workshop/${id}/debrief?lang=en`)).text;
    expect(visibleText(/<tr data-step="loggedIn">[\s\S]*?<\/tr>/.exec(debrief)![0]).trim()).toBe('Participant has logged in 1 1');
  });

  it('counts one block as the answer to the attacks met before it, not to every attack of the workshop', async () => {
    const world = await workshopWorld();
    const { ctx } = world;
    const id = world.start([
      { kind: 'tax-refund', minutes: 0 },
      { kind: 'support-call', minutes: 0 },
      { kind: 'tax-refund', minutes: 60 },
    ]);
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!.id;
    const { workshop } = ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!;
    const letterTarget = targetOf(ctx, world.teacherId, id, mette, 'tax-refund');
    ctx.post.inbox.open(mette, letterTarget.letterId!);
    expect(ctx.blocking.blockByOwner(mette, 'third-party', { actor: 'trainee', channel: 'self-service' }).ok).toBe(true);

    const hers = ctx.workshop.debrief.facts(workshop).filter((fact) => fact.citizen.id === mette);
    const opened = hers.find((fact) => fact.target.id === letterTarget.id)!;
    expect(opened.at.blocked).not.toBeNull();
    expect(opened.outcome).toBe('reported');
    expect(opened.score).toBe(1);
    const call = hers.find((fact) => fact.attack.kind === 'support-call')!;
    expect(call.at.blocked).toBeNull();
    expect(call.score).toBe(0);
    const later = hers.find((fact) => fact.attack.kind === 'tax-refund' && fact.target.id !== letterTarget.id)!;
    expect(later.at.blocked).toBeNull();
    expect(
      ctx.workshop.debrief.participants(workshop, ctx.workshop.debrief.facts(workshop)).find((one) => one.citizen.id === mette)!.score,
    ).toBe(1);
  });

  it("shows each participant's timeline with the rule each step breaks, and the funnel, to the facilitator", async () => {
    const { id, facilitator: signIn } = await debriefWorld();
    const facilitator = await signIn();
    const page = await facilitator.get(`/workshop/${id}/debrief?lang=en`);
    expect(page.status).toBe(200);
    const rows = /<tr data-step="(\w+)">([\s\S]*?)<\/tr>/g;
    const counts = Object.fromEntries(
      [...page.text.matchAll(rows)].map((match) => [match[1], [...match[2]!.matchAll(/<td>(\d+)<\/td>/g)].map((cell) => Number(cell[1]))]),
    );
    expect(counts.password).toEqual([1, 1, 2]);
    expect(counts.reported).toEqual([1, 0, 1]);
    const text = visibleText(page.text);
    expect(text).toContain('Gave the password (the real one) – R5: Never hand NemID to anyone');
    expect(text).toContain('Gave key codes (4 codes, 4 real) – R5: Never copy the key card');
    expect(text).toContain('Reported it – R14: Tell the issuer at once');
    expect(text).toContain('The attacker logged in with the relayed code');
    expect(text).toContain('Gave the password (not the real one)');
    expect(text).toContain('Did not answer the call');
    expect(page.text).toContain('href="#rule-neverHandOver"');
    expect(page.text).toContain('id="rule-neverHandOver"');
  });

  it('exports one CSV row per participant and attack', async () => {
    const { id, facilitator: signIn } = await debriefWorld();
    const facilitator = await signIn();
    await facilitator.get('/workshop?lang=en');
    const csv = await facilitator.get(`/workshop/${id}/debrief.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="workshop-${id}-demo.csv"`);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Name,NemID number,Attack,Received,Opened,Followed the link,Gave the password,Gave key codes,Uploaded a card photo,Reported,Blocked NemID,Password real,Codes given,Real codes,Attacker logged in,Outcome,Score',
    );
    expect(lines).toHaveLength(21);
    const mette = lines.find((line) => line.startsWith('Mette Fiktiv Hansen,418203557,Tax refund letter'))!.split(',');
    expect(mette.slice(11)).toEqual(['yes', '4', '4', 'yes', 'Gave something away', '-1']);
    const ahmed = lines.find((line) => line.startsWith('Ahmed Fiktiv Karimi,527190384,Tax refund letter'))!.split(',');
    expect(ahmed.slice(15)).toEqual(['Reported it', '1']);
  });
});
