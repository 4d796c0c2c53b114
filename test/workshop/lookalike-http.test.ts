import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { csrfFrom, submitForm, visibleText } from '../helpers/http.ts';
import { chooseOwnPassword, codeOf, minutes, tablesHolding, targetOf, unusedKeys, workshopWorld } from './world.ts';

const lookAlikePath = (token: string) => `/nemid-secure-login.dk-verify/${token}`;

describe('a staged phishing letter with its look-alike login', () => {
  it('arrives in Digital Post when the class clock passes its time, linking to a path on the same host', async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'tax-refund', minutes: 10 }]);
    const mette = await world.participant('mette.hansen', 'Hest2024');
    expect(visibleText((await mette.agent.get('/post')).text)).not.toContain('4.312,50 kr. til gode');

    world.ctx.clock.advance(world.klass.id, minutes(10));
    expect(visibleText((await mette.agent.get('/post')).text)).toContain('Du har 4.312,50 kr. til gode i skat');
    const target = targetOf(world.ctx, world.teacherId, id, mette.citizenId, 'tax-refund');
    const letter = await mette.agent.get(`/post/letters/${target.letterId}`);
    expect(visibleText(letter.text)).toContain('SKAT Tilbagebetaling');
    const href = /<a href="([^"]+)">Bekræft med NemID og modtag dine penge<\/a>/.exec(letter.text)![1]!;
    expect(href).toBe(lookAlikePath(target.token));
    expect(letter.text).toContain('Anmeld som svindel');
    expect(letter.text).not.toMatch(/iscenesat|staged|workshop/i);
  });

  it('records what was typed without keeping it, and relays the code to the real login while it waits', async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'tax-refund', minutes: 0 }]);
    await chooseOwnPassword(world.ctx, 'mette.hansen', 'Solsikke2468');
    const mette = await world.participant('mette.hansen', 'Solsikke2468');
    const target = targetOf(world.ctx, world.teacherId, id, mette.citizenId, 'tax-refund');
    const path = lookAlikePath(target.token);

    const first = await mette.agent.get(path);
    expect(first.status).toBe(200);
    expect(visibleText(first.text)).toContain('SKAT – tilbagebetaling 2026');
    const typedPassword = await submitForm(mette.agent, path, path, { identifier: 'mette.hansen', password: 'Solsikke2468' });
    expect(typedPassword.status).toBe(303);

    const codePage = await mette.agent.get(path);
    const asked = /data-testid="key-number">(\d{4})</.exec(codePage.text)![1]!;
    const realChallenge = world.ctx.keycards.cardForLogin(mette.citizenId, world.time.now())!.challengeKey;
    expect(asked).toBe(realChallenge);
    const relayedCode = codeOf(world.ctx, mette.citizenId, asked);
    expect(
      (
        await mette.agent
          .post(path)
          .type('form')
          .send({ code: relayedCode, _csrf: csrfFrom(codePage.text) })
      ).status,
    ).toBe(303);

    const loginOk = world.ctx.events.latestOf(mette.citizenId, ['login-ok'], 1)[0]!;
    expect(loginOk.data.service).toBe('workshop-relay');
    const card = world.ctx.keycards.cardForLogin(mette.citizenId, world.time.now())!;
    expect(world.ctx.keycards.unusedKeys(card)).not.toContain(asked);

    const harvested = unusedKeys(world.ctx, mette.citizenId, 3);
    const pairs = Object.fromEntries(
      harvested.flatMap((entry, index) => [
        [`key${index + 1}`, entry.key],
        [`code${index + 1}`, entry.code],
      ]),
    );
    expect((await submitForm(mette.agent, path, path, pairs)).status).toBe(303);
    expect(visibleText((await mette.agent.get(path)).text)).toContain('udbetales til din NemKonto');

    const facts = world.ctx.workshop.debrief.facts(world.ctx.workshop.workshops.visibleWorkshop(world.teacherId, id)!.workshop)[0]!;
    expect(facts.at.clicked).not.toBeNull();
    expect(facts.passwordReal).toBe(true);
    expect(facts.relay?.key).toBe(asked);
    expect(facts.codesTyped).toBe(4);
    expect(facts.realCodes).toBe(4);
    expect(facts.harvested.map((entry) => entry.key)).toEqual(harvested.map((entry) => entry.key));
    expect(facts.outcome).toBe('compromised');

    expect(tablesHolding(world.ctx, ['Solsikke2468', relayedCode, ...harvested.map((entry) => entry.code)])).toEqual([]);
  });

  it('counts a wrong code like the real login does and asks again', async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'locked-letter', minutes: 0 }]);
    const mette = await world.participant('mette.hansen', 'Hest2024');
    const path = lookAlikePath(targetOf(world.ctx, world.teacherId, id, mette.citizenId, 'locked-letter').token);
    await mette.agent.get(path);
    await submitForm(mette.agent, path, path, { identifier: 'mette.hansen', password: 'Hest2024' });
    const wrong = await submitForm(mette.agent, path, path, { code: '000000' });
    expect(wrong.status).toBe(401);
    expect(visibleText(wrong.text)).toContain('2 forsøg tilbage');
    expect(world.ctx.events.latestOf(mette.citizenId, ['wrong-key'], 1)).toHaveLength(1);
  });

  it('sends a wrong password to nobody and goes straight on to the key card page', async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'tax-refund', minutes: 0 }]);
    const mette = await world.participant('mette.hansen', 'Hest2024');
    const path = lookAlikePath(targetOf(world.ctx, world.teacherId, id, mette.citizenId, 'tax-refund').token);
    await mette.agent.get(path);
    const missing = await submitForm(mette.agent, path, path, { identifier: 'mette.hansen', password: '' });
    expect(missing.status).toBe(400);
    expect(visibleText(missing.text)).toContain('Skriv din adgangskode.');
    const before = world.ctx.events.latestOf(mette.citizenId, ['wrong-password', 'password-ok'], 50).length;
    await submitForm(mette.agent, path, path, { identifier: 'mette.hansen', password: 'NotMine99' });
    expect(visibleText((await mette.agent.get(path)).text)).toContain('Bekræft dit nøglekort');
    expect(world.ctx.events.latestOf(mette.citizenId, ['wrong-password', 'password-ok'], 50)).toHaveLength(before);
    const bad = await submitForm(mette.agent, path, path, { key1: '12', code1: 'abc', key2: '', code2: '', key3: '', code3: '' });
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain('Skriv nøglenummerets 4 cifre.');
    expect(visibleText(bad.text)).toContain('Skriv kodens 6 cifre.');
  });

  it('takes a photo of the key card and keeps only the fact that one was uploaded', async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'card-photo', minutes: 0 }]);
    const mette = await world.participant('mette.hansen', 'Hest2024');
    const path = lookAlikePath(targetOf(world.ctx, world.teacherId, id, mette.citizenId, 'card-photo').token);
    await mette.agent.get(path);
    await submitForm(mette.agent, path, path, { identifier: 'mette.hansen', password: 'Hest2024' });
    const codePage = await mette.agent.get(path);
    const asked = /data-testid="key-number">(\d{4})</.exec(codePage.text)![1]!;
    await mette.agent
      .post(path)
      .type('form')
      .send({ code: codeOf(world.ctx, mette.citizenId, asked), _csrf: csrfFrom(codePage.text) });

    const photoPage = await mette.agent.get(path);
    expect(visibleText(photoPage.text)).toContain('Foto af dit nøglekort');
    const notAPhoto = await mette.agent
      .post(`${path}/photo`)
      .field('_csrf', csrfFrom(photoPage.text))
      .attach('photo', Buffer.from('just text'), 'card.txt');
    expect(notAPhoto.status).toBe(400);
    expect(visibleText(notAPhoto.text)).toContain('Vælg et foto (en JPEG- eller PNG-fil).');

    const marker = 'KEYCARD-PHOTO-MARKER-7731';
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(marker)]);
    const uploaded = await mette.agent.post(`${path}/photo`).field('_csrf', csrfFrom(photoPage.text)).attach('photo', png, 'card.png');
    expect(uploaded.status).toBe(303);
    expect(visibleText((await mette.agent.get(path)).text)).toContain('Dit nøglekort er registreret');
    expect(world.ctx.events.latestOf(mette.citizenId, ['workshop-photo-uploaded'], 5)).toHaveLength(1);
    expect(tablesHolding(world.ctx, [marker])).toEqual([]);
  });

  it("is only the participant's own: another trainee gets 404, a visitor is asked to log in", async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'tax-refund', minutes: 0 }]);
    const mette = world.ctx.citizens.findByIdentifier('mette.hansen')!;
    const path = lookAlikePath(targetOf(world.ctx, world.teacherId, id, mette.id, 'tax-refund').token);
    const ahmed = await world.participant('ahmed.karimi', 'Bog7531x');
    expect((await ahmed.agent.get(path)).status).toBe(404);
    expect((await ahmed.agent.get(lookAlikePath('A'.repeat(22)))).status).toBe(404);
    const visitor = await request(world.app).get(path);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.location).toBe('/login?service=post');
  });

  it('is not there before its letter has arrived', async () => {
    const world = await workshopWorld();
    const id = world.start([{ kind: 'tax-refund', minutes: 5 }]);
    const mette = await world.participant('mette.hansen', 'Hest2024');
    const path = lookAlikePath(targetOf(world.ctx, world.teacherId, id, mette.citizenId, 'tax-refund').token);
    expect((await mette.agent.get(path)).status).toBe(404);
  });
});
