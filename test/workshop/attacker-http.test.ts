import { describe, expect, it } from 'vitest';
import { csrfFrom, submitForm, visibleText } from '../helpers/http.ts';
import { codeOf, targetOf, workshopWorld } from './world.ts';

/** A workshop where Mette falls for the tax-refund look-alike and the relay logs the attacker in; the facilitator watches. */
async function relayedWorld() {
  const world = await workshopWorld();
  const id = world.start([{ kind: 'tax-refund', minutes: 0 }]);
  const mette = await world.participant('mette.hansen', 'Hest2024');
  const target = targetOf(world.ctx, world.teacherId, id, mette.citizenId, 'tax-refund');
  const path = `/nemid-secure-login.dk-verify/${target.token}`;
  await mette.agent.get(path);
  await submitForm(mette.agent, path, path, { identifier: 'mette.hansen', password: 'Hest2024' });
  const codePage = await mette.agent.get(path);
  const key = /data-testid="key-number">(\d{4})</.exec(codePage.text)![1]!;
  await mette.agent
    .post(path)
    .type('form')
    .send({ code: codeOf(world.ctx, mette.citizenId, key), _csrf: csrfFrom(codePage.text) });
  const facilitator = await world.facilitator();
  await facilitator.get('/workshop?lang=en');
  return { ...world, id, mette, target, key, facilitator };
}

describe("the attacker's view", () => {
  it("shows the relayed login reaching the participant's Digital Post", async () => {
    const { id, target, key, facilitator } = await relayedWorld();
    const view = visibleText((await facilitator.get(`/workshop/${id}/attacker`)).text);
    expect(view).toContain('Mette Fiktiv Hansen');
    expect(view).toContain('The real password');
    expect(view).toContain(`The code for key ${key} was relayed to the real login`);
    const session = visibleText((await facilitator.get(`/workshop/${id}/attacker/${target.id}`)).text);
    expect(session).toContain(`with the relayed code for key ${key}. This is what the attacker sees:`);
    expect(session).toContain('Your tax assessment for 2025 is ready');
    expect(session).toContain('You have a tax refund of DKK 4,312.50 waiting');
  });

  it('replays the captured code once, and the real login refuses it because the key is used', async () => {
    const { ctx, klass, id, mette, target, key, facilitator } = await relayedWorld();
    const page = await facilitator.get(`/workshop/${id}/attacker`);
    expect(visibleText(page.text)).toContain(`Replay the captured code for key ${key} against Mette Fiktiv Hansen's login now`);
    const replayed = await facilitator
      .post(`/workshop/${id}/replay`)
      .type('form')
      .send({ target: String(target.id), _csrf: csrfFrom(page.text) });
    expect(replayed.status).toBe(303);

    const after = visibleText((await facilitator.get(`/workshop/${id}/attacker`)).text);
    const asked = ctx.keycards.cardForLogin(mette.citizenId, ctx.clock.now(klass.id))!.challengeKey!;
    expect(asked).not.toBe(key);
    expect(after).toContain(`the login now asks key ${asked}. The captured code for key ${key} was refused: key ${key} is used`);
    expect(after).not.toContain('Replay the captured code');
    const wrongKey = ctx.events.latestOf(mette.citizenId, ['wrong-key'], 1)[0]!;
    expect(wrongKey.data).toMatchObject({ askedKey: asked, typedCodeOf: key });

    const twice = await facilitator
      .post(`/workshop/${id}/replay`)
      .type('form')
      .send({ target: String(target.id), _csrf: csrfFrom(page.text) });
    expect(twice.status).toBe(303);
    expect(ctx.events.latestOf(mette.citizenId, ['workshop-replayed'], 5)).toHaveLength(1);
  });

  it("ends the attacker's session when the participant blocks NemID (R13, R14)", async () => {
    const { ctx, id, mette, target, facilitator } = await relayedWorld();
    expect(ctx.blocking.blockByOwner(mette.citizenId, 'third-party', { actor: 'trainee', channel: 'self-service' }).ok).toBe(true);
    const session = await facilitator.get(`/workshop/${id}/attacker/${target.id}`);
    expect(visibleText(session.text)).toContain('The session has ended: the participant blocked NemID');
    const { workshop } = ctx.workshop.workshops.visibleWorkshop(ctx.teachers.findByUsername('facilitator')!.id, id)!;
    const facts = ctx.workshop.debrief.facts(workshop)[0]!;
    expect(facts.outcome).toBe('compromised-reported');
    expect(facts.score).toBe(0);
  });

  it('says so when there is nothing to show', async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'tax-refund', minutes: 0 }]);
    const facilitator = await world.facilitator();
    const target = targetOf(world.ctx, world.teacherId, id, world.ctx.citizens.findByIdentifier('mette.hansen')!.id, 'tax-refund');
    expect(visibleText((await facilitator.get(`/workshop/${id}/attacker?lang=en`)).text)).toContain('Nothing captured yet.');
    expect(visibleText((await facilitator.get(`/workshop/${id}/attacker/${target.id}`)).text)).toContain(
      'The attacker has no session here',
    );
    expect((await facilitator.get(`/workshop/${id}/attacker/999999`)).status).toBe(404);
  });
});
