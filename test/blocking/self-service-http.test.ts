import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { FakeTime, codeForAskedKey, seededContext } from '../helpers/context.ts';
import { loginAs, submitForm, testApp, visibleText } from '../helpers/http.ts';
import { formatCardNumber } from '../../server/keycard/types.ts';
import { citizenOf, day, lettersOf, printedCardNumber, temporaryPasswordFromPost } from './helpers.ts';

async function setup(time?: FakeTime) {
  const ctx = await seededContext({ time });
  const app = testApp(ctx, { loginRateLimitPerMinute: 10_000 });
  return { ctx, app, agent: request.agent(app) };
}

async function signIn(agent: ReturnType<typeof request.agent>, identifier: string, password: string) {
  return submitForm(agent, '/nemid?lang=en&screens=full', '/nemid/sign-in', { identifier, password });
}

describe('self-service at /nemid (R14)', () => {
  it('signs in with user ID and password only, and blocks NemID: the open login ends and the login is refused', async () => {
    const { ctx, app, agent } = await setup();
    const loggedIn = request.agent(app);
    await loginAs(loggedIn, ctx, 'mette.hansen', 'Hest2024');
    expect((await loggedIn.get('/my-nemid')).status).toBe(200);

    const signedIn = await signIn(agent, 'mette.hansen', 'Hest2024');
    expect(signedIn.status).toBe(303);
    const account = await agent.get('/nemid');
    expect(visibleText(account.text)).toContain('Signed in to self-service as Mette Fiktiv Hansen');
    expect(visibleText(account.text)).toContain('Keys left on the card 147');

    const blocked = await submitForm(agent, '/nemid', '/nemid/block', { reason: 'lost-card' });
    expect(blocked.headers.location).toBe('/nemid?done=blocked');
    const after = await agent.get(blocked.headers.location!);
    expect(visibleText(after.text)).toContain('Your NemID is blocked now. Every open login has ended.');
    expect(visibleText(after.text)).toContain('Order a new key card');

    expect((await loggedIn.get('/my-nemid')).headers.location).toBe('/login?service=mynemid');
    const refused = await submitForm(request.agent(app), '/login?lang=en&screens=full', '/login', {
      identifier: 'mette.hansen',
      password: 'Hest2024',
    });
    expect(visibleText(refused.text)).toContain('You have blocked your NemID.');
    expect(lettersOf(ctx, 'mette.hansen').map((letter) => letter.subject)).toContain('Dit NemID er spærret');
  });

  it("says the same for a wrong password and an unknown user ID, and refuses a LOCK002 with the login's message", async () => {
    const { agent } = await setup();
    const wrong = await signIn(agent, 'mette.hansen', 'Nope12345');
    const unknown = await signIn(agent, 'nobody.here', 'Hest2024');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(visibleText(wrong.text)).toContain('The user ID or the password is wrong.');
    expect(visibleText(unknown.text)).toContain('The user ID or the password is wrong.');
    const locked = await signIn(agent, 'lars.berg', 'Stol2468');
    expect(locked.status).toBe(403);
    expect(visibleText(locked.text)).toContain('(LOCK002). Contact NemID support');
  });

  it('asks for a reason before blocking, and blocks nothing without one', async () => {
    const { ctx, agent } = await setup();
    await signIn(agent, 'mette.hansen', 'Hest2024');
    const response = await submitForm(agent, '/nemid', '/nemid/block', { reason: 'because' });
    expect(response.status).toBe(400);
    expect(visibleText(response.text)).toContain('Choose a reason.');
    expect(citizenOf(ctx, 'mette.hansen').state).toBe('active');
  });

  it('orders extra cards up to the limit, and a replacement after a lost card', async () => {
    const time = new FakeTime();
    const { ctx, agent } = await setup(time);
    await signIn(agent, 'mette.hansen', 'Hest2024');
    for (let n = 0; n < 3; n += 1) {
      expect((await submitForm(agent, '/nemid', '/nemid/card', {})).headers.location).toBe('/nemid?done=card');
      const onItsWay = await submitForm(agent, '/nemid', '/nemid/card', {});
      expect(visibleText(onItsWay.text)).toContain('A new key card is already on its way by post.');
      time.advance(7 * day); // the card arrives (and the idle session expires)
      await loginAs(request.agent(testApp(ctx)), ctx, 'mette.hansen', 'Hest2024'); // takes the new card into use
      await signIn(agent, 'mette.hansen', 'Hest2024');
    }
    const page = await agent.get('/nemid');
    expect(visibleText(page.text)).toContain('You can order 0 more extra key cards');
    const fourth = await submitForm(agent, '/nemid', '/nemid/card', {});
    expect(fourth.status).toBe(409);
    expect(visibleText(fourth.text)).toContain('as many extra key cards as NemID allows');

    await submitForm(agent, '/nemid', '/nemid/block', { reason: 'lost-card' });
    expect((await submitForm(agent, '/nemid', '/nemid/card', {})).headers.location).toBe('/nemid?done=card');
    const mette = citizenOf(ctx, 'mette.hansen');
    expect(ctx.keycards.cardOnItsWay(mette.id)?.reason).toBe('replacement');
  });

  it('changes the password with a code from the key card, and tells the owner by letter', async () => {
    const { ctx, agent } = await setup();
    await signIn(agent, 'mette.hansen', 'Hest2024');
    const form = await agent.get('/nemid/password');
    const { key, code } = codeForAskedKey(ctx, 'mette.hansen');
    expect(form.text).toContain(`data-testid="key-number">${key}<`);
    const wrong = await submitForm(agent, '/nemid/password', '/nemid/password', {
      password: 'Kaffe2468',
      repeat: 'Kaffe2468',
      code: '000000',
    });
    expect(wrong.status).toBe(400);
    expect(visibleText(wrong.text)).toContain('2 more wrong codes and your NemID is blocked.');
    const changed = await submitForm(agent, '/nemid/password', '/nemid/password', { password: 'Kaffe2468', repeat: 'Kaffe2468', code });
    expect(changed.headers.location).toBe('/nemid?done=password');
    expect((await ctx.login.checkPassword('mette.hansen', 'Kaffe2468')).kind).toBe('key');
    expect((await ctx.login.checkPassword('mette.hansen', 'Hest2024')).kind).toBe('wrong');
    expect(lettersOf(ctx, 'mette.hansen').map((letter) => letter.subject)).toContain('Din NemID-adgangskode er skiftet');
  });
});

describe('ordering a temporary password over HTTP', () => {
  it('refuses a wrong card number without saying which part was wrong, then blocks at once on the right one', async () => {
    const { ctx, agent } = await setup();
    const wrong = await submitForm(agent, '/nemid/temporary-password?lang=en&screens=full', '/nemid/temporary-password', {
      identifier: 'mette.hansen',
      cardNumber: '1-111-111-111',
    });
    expect(wrong.status).toBe(400);
    expect(visibleText(wrong.text)).toContain('We could not find a NemID with that user ID and key card number.');
    expect(citizenOf(ctx, 'mette.hansen').state).toBe('active');

    const ordered = await submitForm(agent, '/nemid/temporary-password', '/nemid/temporary-password', {
      identifier: 'mette.hansen',
      cardNumber: printedCardNumber(ctx, 'mette.hansen'),
    });
    expect(ordered.status).toBe(200);
    expect(visibleText(ordered.text)).toContain('Your temporary password is on its way by post.');
    expect(citizenOf(ctx, 'mette.hansen')).toMatchObject({ state: 'blocked', lockCode: 'USER' });
  });

  it('reached by "Glemt adgangskode?" from a login, leads back to that login, also after a refused card number', async () => {
    const { agent } = await setup();
    const login = await agent.get('/login?service=post&lang=da');
    const forgotten = /<a href="([^"]+)">Glemt adgangskode\?<\/a>/.exec(login.text)?.[1];
    expect(forgotten).toBe('/nemid/temporary-password?from=post');
    const page = await agent.get(forgotten!);
    expect(page.text).toContain('<a href="/login?service=post">Tilbage til login</a>');
    expect(page.text).not.toContain('Tilbage til NemID-selvbetjening</a>');
    const refused = await submitForm(agent, forgotten!, '/nemid/temporary-password', {
      identifier: 'mette.hansen',
      cardNumber: '1-111-111-111',
      from: 'post',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<a href="/login?service=post">Tilbage til login</a>');

    const fromSelfService = await agent.get('/nemid/temporary-password');
    expect(fromSelfService.text).toContain('<a href="/nemid">Tilbage til NemID-selvbetjening</a>');
    const unknownService = await agent.get('/nemid/temporary-password?from=https://example.invalid');
    expect(unknownService.text).toContain('<a href="/nemid">Tilbage til NemID-selvbetjening</a>');
  });
});

describe('a temporary password after a lost key card (issue 18)', () => {
  async function lostCardAndNewOne() {
    const time = new FakeTime();
    const { ctx, app, agent } = await setup(time);
    const lostNumber = printedCardNumber(ctx, 'mette.hansen');
    await signIn(agent, 'mette.hansen', 'Hest2024');
    await submitForm(agent, '/nemid', '/nemid/block', { reason: 'lost-card' });
    await submitForm(agent, '/nemid', '/nemid/card', {});
    const mette = citizenOf(ctx, 'mette.hansen');
    const newCard = ctx.keycards.cardOnItsWay(mette.id)!;
    return { time, ctx, app, lostNumber, newNumber: formatCardNumber(newCard.cardNumber), newCard };
  }
  const order = (app: Parameters<typeof request.agent>[0], cardNumber: string) =>
    submitForm(request.agent(app), '/nemid/temporary-password?lang=en&screens=full', '/nemid/temporary-password', {
      identifier: 'mette.hansen',
      cardNumber,
    });

  it("refuses the lost card's number and says to use the new card's number when it has come, or to call support", async () => {
    const { ctx, app, lostNumber } = await lostCardAndNewOne();
    const refused = await order(app, lostNumber);
    expect(refused.status).toBe(409);
    const text = visibleText(refused.text);
    expect(text).toContain('That key card was reported lost and is blocked');
    expect(text).toContain('order a temporary password with the number of the new card once it has come');
    expect(refused.text).toContain('href="/nemid/phone"');
    expect(ctx.temporaryPasswords.arrivesAt(citizenOf(ctx, 'mette.hansen').id)).toBeNull();
  });

  it("refuses the new card's number while the card is still in the post, with the day it arrives", async () => {
    const { ctx, app, newNumber } = await lostCardAndNewOne();
    const refused = await order(app, newNumber);
    expect(refused.status).toBe(409);
    expect(visibleText(refused.text)).toContain('Your new key card has not come yet. It arrives');
    expect(ctx.temporaryPasswords.arrivesAt(citizenOf(ctx, 'mette.hansen').id)).toBeNull();
  });

  it("orders it with the new card's number once the card has come, and the temporary password then opens NemID with the new card", async () => {
    const { time, ctx, app, newNumber, newCard } = await lostCardAndNewOne();
    time.ms = newCard.arrivesAt;
    const ordered = await order(app, newNumber);
    expect(ordered.status).toBe(200);
    expect(visibleText(ordered.text)).toContain('Your temporary password is on its way by post.');
    time.advance(7 * day);
    const password = temporaryPasswordFromPost(ctx, 'mette.hansen')!;
    expect(password).toBeTruthy();
    const opened = await ctx.login.checkPassword('mette.hansen', password);
    expect(opened.kind).toBe('choose-password');
    expect(ctx.keycards.cardForLogin(citizenOf(ctx, 'mette.hansen').id, ctx.clock.now(citizenOf(ctx, 'mette.hansen').classId))?.id).toBe(
      newCard.id,
    );
  });

  it('with no new card on its way, sends the holder of a lost card to NemID support', async () => {
    const { ctx, app, agent } = await setup();
    const lostNumber = printedCardNumber(ctx, 'mette.hansen');
    await signIn(agent, 'mette.hansen', 'Hest2024');
    await submitForm(agent, '/nemid', '/nemid/block', { reason: 'lost-card' });
    const refused = await order(app, lostNumber);
    expect(visibleText(refused.text)).toContain('Call NemID support, or go to Borgerservice or your bank with photo ID');
  });
});
