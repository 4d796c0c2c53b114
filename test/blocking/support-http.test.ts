import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { FakeTime, seededContext } from '../helpers/context.ts';
import { loginAs, submitForm, testApp, visibleText } from '../helpers/http.ts';
import { citizenOf, eventsOf, printedCardNumber } from './helpers.ts';

async function setup(time = new FakeTime()) {
  const ctx = await seededContext({ time });
  const app = testApp(ctx, { loginRateLimitPerMinute: 10_000 });
  return { ctx, app, agent: request.agent(app) };
}

const mette = { name: 'Mette Fiktiv Hansen', cpr: '120345-6789', identifier: 'mette.hansen' };

describe('the phone line to NemID support (R14)', () => {
  it('greets as the hour in Denmark asks: godmorgen before 10, goddag until 18, godaften after', async () => {
    const greetings: string[] = [];
    for (const utcHour of [7, 14, 19]) {
      const { agent } = await setup(new FakeTime(Date.UTC(2026, 11, 7, utcHour, 20)));
      greetings.push(visibleText((await agent.get('/nemid/phone?lang=da')).text).match(/NemID-support, (\w+)\./)?.[1] ?? '');
    }
    expect(greetings).toEqual(['godmorgen', 'goddag', 'godaften']);
  });

  it('plays the call: identify, say the reason, and NemID is blocked at once, ending the open login', async () => {
    const { ctx, app, agent } = await setup();
    const loggedIn = request.agent(app);
    await loginAs(loggedIn, ctx, 'mette.hansen', 'Hest2024');

    const start = await agent.get('/nemid/phone?lang=en&screens=full');
    expect(visibleText(start.text)).toContain('Support: NemID support, hello. Before I can help');
    const identified = await submitForm(agent, '/nemid/phone', '/nemid/phone/identify', mette);
    expect(identified.status).toBe(303);
    const reason = await submitForm(agent, '/nemid/phone', '/nemid/phone/reason', { reason: 'lost-card' });
    expect(reason.status).toBe(303);

    const call = visibleText((await agent.get('/nemid/phone')).text);
    expect(call).toContain('You: My name is Mette Fiktiv Hansen, my CPR number is 120345-6789');
    expect(call).toContain('You: I have lost my key card. Please block my NemID.');
    expect(call).toContain('Support: I have blocked your NemID now.');
    expect(call).toContain('Yes, please send me a new key card');
    expect(citizenOf(ctx, 'mette.hansen')).toMatchObject({ state: 'blocked', lockCode: 'USER' });
    expect((await loggedIn.get('/my-nemid')).status).toBe(303);

    await submitForm(agent, '/nemid/phone', '/nemid/phone/help', { what: 'card' });
    expect(visibleText((await agent.get('/nemid/phone')).text)).toContain('I have sent a new key card by post.');
    expect(ctx.keycards.cardOnItsWay(citizenOf(ctx, 'mette.hansen').id)?.reason).toBe('replacement');
    expect(
      eventsOf(ctx, 'mette.hansen')
        .filter((event) => event.rule === 'R14')
        .map((event) => event.type),
    ).toEqual(['support-identified', 'blocked']);
  });

  it('says that the call ended when the caller hangs up ("Læg på"), before or during the call', async () => {
    const { agent } = await setup();
    const early = await submitForm(agent, '/nemid/phone?lang=da', '/nemid/phone/hang-up', {});
    expect(early.headers.location).toBe('/nemid/phone?notCalled=1');
    expect(visibleText((await agent.get(early.headers.location!)).text)).toContain(
      'Du har lagt på, før du sagde noget, så der skete ingenting.',
    );

    await submitForm(agent, '/nemid/phone', '/nemid/phone/identify', mette);
    const during = await submitForm(agent, '/nemid/phone', '/nemid/phone/hang-up', {});
    expect(during.headers.location).toBe('/nemid/phone?hungUp=1');
    const after = visibleText((await agent.get(during.headers.location!)).text);
    expect(after).toContain('Du har lagt på, og samtalen er slut.');
    expect(after).not.toContain('Tak, Mette Fiktiv Hansen');
    expect(visibleText((await agent.get('/nemid/phone')).text)).not.toContain('Du har lagt på');
  });

  it('refuses a wrong identification without saying which part was wrong, and ends the call after three tries', async () => {
    const { ctx, agent } = await setup();
    for (const wrong of [
      { ...mette, name: 'Mette Hansen' },
      { ...mette, cpr: '120345-6780' },
    ]) {
      const response = await submitForm(agent, '/nemid/phone?lang=en&screens=full', '/nemid/phone/identify', wrong);
      expect(response.status).toBe(401);
      const text = visibleText(response.text);
      expect(text).toContain('I cannot confirm who you are from what you told me.');
      expect(text).not.toMatch(/name is wrong|CPR number is wrong/i);
    }
    const third = await submitForm(agent, '/nemid/phone', '/nemid/phone/identify', { ...mette, identifier: 'someone.else' });
    expect(visibleText(third.text)).toContain('so I cannot help you on the phone');
    expect(third.text).toContain('Call again');
    expect(citizenOf(ctx, 'mette.hansen').state).toBe('active');
    const afterEnd = await submitForm(agent, '/nemid/phone', '/nemid/phone/identify', mette);
    expect(afterEnd.headers.location).toBe('/nemid/phone');
    expect(citizenOf(ctx, 'mette.hansen').state).toBe('active');
  });

  it('names a missing field next to it and plays nothing of the call', async () => {
    const { agent } = await setup();
    const response = await submitForm(agent, '/nemid/phone?lang=en&screens=full', '/nemid/phone/identify', {
      name: '',
      cpr: '12',
      identifier: '',
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('id="cpr-error"');
    expect(visibleText(response.text)).toContain('A CPR number has 10 digits');
  });

  it('sends a temporary password by post for a LOCK003, the support route out of it', async () => {
    const { ctx, agent } = await setup();
    await submitForm(agent, '/nemid/phone?lang=en&screens=full', '/nemid/phone/identify', {
      name: 'Piotr Fiktiv Nowak',
      cpr: '1402537346',
      identifier: '574128396',
    });
    await submitForm(agent, '/nemid/phone', '/nemid/phone/reason', { reason: 'unblock' });
    const call = visibleText((await agent.get('/nemid/phone')).text);
    expect(call).toContain('Your NemID is blocked because a wrong key code was typed too many times.');
    expect(call).not.toContain('LOCK003');
    await submitForm(agent, '/nemid/phone', '/nemid/phone/help', { what: 'temporary-password' });
    expect(visibleText((await agent.get('/nemid/phone')).text)).toContain('I have sent a temporary password by post.');
    expect(eventsOf(ctx, 'piotr.nowak').map((event) => event.type)).toContain('temporary-password-issued');
  });
});

describe('the desk at Borgerservice or the bank', () => {
  it('wants photo ID, then hands over a temporary password and a new card at once', async () => {
    const { ctx, agent } = await setup();
    ctx.selfService.block(citizenOf(ctx, 'mette.hansen').id, 'lost-card');
    const noId = await submitForm(agent, '/nemid/desk?lang=en&screens=full', '/nemid/desk', { ...mette, place: 'bank' });
    expect(noId.status).toBe(400);
    expect(visibleText(noId.text)).toContain('The case worker needs to see photo ID');

    const handed = await submitForm(agent, '/nemid/desk', '/nemid/desk', { ...mette, place: 'borgerservice', photoId: 'yes' });
    expect(handed.status).toBe(200);
    const password = /data-testid="temporary-password">([^<]+)</.exec(handed.text)![1]!;
    expect(visibleText(handed.text)).toContain('Borgerservice hands you a letter');
    expect(handed.text).toContain('data-testid="card-number"');
    expect(await ctx.login.checkPassword('mette.hansen', password)).toMatchObject({ kind: 'choose-password' });
  });
});

describe('the letterbox at home for paper post from NemID', () => {
  it('shows the temporary password to the person who ordered it once the letter has arrived, and to nobody else', async () => {
    const time = new FakeTime();
    const ctx = await seededContext({ time });
    const app = testApp(ctx, { loginRateLimitPerMinute: 10_000 });
    const agent = request.agent(app);
    await submitForm(agent, '/nemid/temporary-password?lang=en&screens=full', '/nemid/temporary-password', {
      identifier: 'mette.hansen',
      cardNumber: printedCardNumber(ctx, 'mette.hansen'),
    });
    const waiting = visibleText((await agent.get('/letterbox')).text);
    expect(waiting).toContain('The letterbox of Mette Fiktiv Hansen.');
    expect(waiting).toContain('On its way to you by post Din midlertidige NemID-adgangskode: arrives');
    expect(waiting).toContain('Your teacher lets the time pass for the whole class.');
    expect(waiting).not.toContain('midlertidige adgangskode til dit NemID');

    const stranger = request.agent(app);
    const wrong = await submitForm(stranger, '/letterbox?lang=en&screens=full', '/letterbox', {
      name: 'Mette Fiktiv Hansen',
      cpr: '120345-6789',
      identifier: 'ahmed.karimi',
    });
    expect(wrong.status).toBe(401);
    expect(visibleText(wrong.text)).toContain('These details do not fit one person.');

    time.advance(5 * 86_400_000);
    const proved = await submitForm(stranger, '/letterbox', '/letterbox', {
      name: 'Mette Fiktiv Hansen',
      cpr: '120345-6789',
      identifier: '418203557',
    });
    expect(proved.headers.location).toBe('/letterbox');
    const arrived = visibleText((await stranger.get('/letterbox')).text);
    // Mette reads Danish: the letter is in Danish only.
    const password = /Her er den midlertidige adgangskode .*?\): (\w+) Log på/.exec(arrived)![1]!;
    expect(await ctx.login.checkPassword('mette.hansen', password)).toMatchObject({ kind: 'choose-password' });
  });
});
