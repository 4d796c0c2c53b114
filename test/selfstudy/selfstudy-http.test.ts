import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { codeForAskedKey, seededContext } from '../helpers/context.ts';
import { csrfFrom, submitForm, testApp, visibleText } from '../helpers/http.ts';

async function practising() {
  const ctx = await seededContext();
  const app = testApp(ctx);
  const agent = request.agent(app);
  const started = await submitForm(agent, '/', '/practice', {});
  expect(started.status).toBe(303);
  expect(started.headers.location).toBe('/practice/welcome');
  const welcome = await agent.get('/practice/welcome?lang=en&screens=full');
  const nemidNumber = /data-testid="nemid-number">(\d{9})</.exec(welcome.text)![1]!;
  const temporary = /data-testid="temporary-password">([^<]+)</.exec(welcome.text)![1]!;
  return { ctx, app, agent, welcome, nemidNumber, temporary };
}

describe('practising alone', () => {
  it('hands over a welcome letter with a NemID number, a temporary password and a key card', async () => {
    const { ctx, agent, welcome, nemidNumber } = await practising();
    expect(visibleText(welcome.text)).toContain('Welcome to NemID');
    expect(visibleText(welcome.text)).toContain('fictional');
    const citizen = ctx.citizens.findByIdentifier(nemidNumber)!;
    expect(citizen.state).toBe('pending');
    expect(ctx.classes.findById(citizen.classId)!.kind).toBe('selfstudy');
    const card = await agent.get('/practice/card?lang=en&screens=full');
    expect(card.status).toBe(200);
    expect(card.text.match(/<td class="key">/g)).toHaveLength(148);
    expect(visibleText(card.text)).toContain('TRAINING CARD');
  });

  it('shows the card the login asks for: "arrives <date>" for a renewed card in the post, "came by post" once it has arrived', async () => {
    const { ctx, agent, nemidNumber } = await practising();
    const citizen = ctx.citizens.findByIdentifier(nemidNumber)!;
    const old = ctx.keycards.activeCard(citizen.id)!;
    const now = ctx.clock.now(citizen.classId);
    ctx.keycards.useFirstKeys(old, old.keyCount - 20, now);
    const renewed = ctx.keycards.renewIfRunningOut(old, 20, now)!;
    const number = (digits: string) => `${digits.slice(0, 1)}-${digits.slice(1, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;

    const inPost = await agent.get('/practice/card?lang=da');
    expect(/data-testid="card-number">([\d-]+)</.exec(inPost.text)![1]).toBe(number(old.cardNumber));
    expect(visibleText(inPost.text)).toMatch(
      new RegExp(`Et nyt nøglekort \\(${number(renewed.cardNumber)}\\) er sendt med posten og kommer \\d`),
    );
    expect(inPost.text.match(/<td class="key/g)).toHaveLength(148);

    ctx.clock.advance(citizen.classId, 7 * 86_400_000);
    const arrived = await agent.get('/practice/card?lang=da');
    expect(/data-testid="card-number">([\d-]+)</.exec(arrived.text)![1]).toBe(number(renewed.cardNumber));
    expect(visibleText(arrived.text)).toMatch(/Nyt nøglekort, kom med posten \d/);
    expect(visibleText(arrived.text)).not.toContain('kommer');
    expect(arrived.text.match(/<td class="key">/g)).toHaveLength(148);
  });

  it('shows the welcome letter and the card only to the browser that owns them', async () => {
    const { app } = await practising();
    const stranger = request.agent(app);
    for (const url of ['/practice/welcome', '/practice/card']) {
      const response = await stranger.get(url);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/#practice');
    }
    const forged = await request(app)
      .get('/practice/card')
      .set('Cookie', `sandbox.practice=${'a'.repeat(64)}`);
    expect(forged.status).toBe(303);
  });

  it('puts the identity back to the start after it was activated', async () => {
    const { ctx, agent, nemidNumber, temporary } = await practising();
    await submitForm(agent, '/login', '/login', { identifier: nemidNumber, password: temporary });
    await submitForm(agent, '/login/new-password', '/login/new-password', { password: 'Lampe5151', repeat: 'Lampe5151', userId: '' });
    await submitForm(agent, '/login/key', '/login/key', { code: codeForAskedKey(ctx, nemidNumber).code });
    expect(ctx.citizens.findByIdentifier(nemidNumber)!.state).toBe('active');

    const welcome = await agent.get('/practice/welcome?lang=en&screens=full');
    expect(visibleText(welcome.text)).toContain('You have already chosen your own password');
    const reset = await agent
      .post('/practice/reset')
      .type('form')
      .send({ _csrf: csrfFrom(welcome.text) });
    expect(reset.status, reset.text.slice(0, 3000)).toBe(303);
    expect(reset.headers.location).toBe('/practice/welcome?reset=1');
    expect(ctx.citizens.findByIdentifier(nemidNumber)!.state).toBe('pending');
    expect((await ctx.login.checkPassword(nemidNumber, temporary)).kind).toBe('choose-password');
    expect((await agent.get('/my-nemid')).status).toBe(303);
  });

  it('asks before "Reset my practice NemID" on a page that says what is lost; only its button resets', async () => {
    const { ctx, agent, welcome, nemidNumber, temporary } = await practising();
    expect(welcome.text).toContain('<a class="button secondary" href="/practice/reset">Reset my practice NemID</a>');
    await submitForm(agent, '/login', '/login', { identifier: nemidNumber, password: temporary });
    await submitForm(agent, '/login/new-password', '/login/new-password', { password: 'Lampe5151', repeat: 'Lampe5151', userId: '' });
    await submitForm(agent, '/login/key', '/login/key', { code: codeForAskedKey(ctx, nemidNumber).code });
    const confirm = await agent.get('/practice/reset?lang=en&screens=full');
    expect(confirm.status).toBe(200);
    const text = visibleText(confirm.text);
    expect(text).toContain('Do you want to reset your practice NemID?');
    expect(text).toContain('the password and the user ID you chose yourself: you log in with the temporary password again');
    expect(text).toContain('your letters, answers and folders in Digital Post');
    expect(text).toContain('This cannot be undone.');
    expect(confirm.text).toContain('<a href="/practice/welcome">No, go back</a>');
    expect(ctx.citizens.findByIdentifier(nemidNumber)!.state).toBe('active');
    const reset = await submitForm(agent, '/practice/reset', '/practice/reset', {});
    expect(reset.headers.location).toBe('/practice/welcome?reset=1');
    expect(ctx.citizens.findByIdentifier(nemidNumber)!.state).toBe('pending');
    expect((await request(testApp(ctx)).get('/practice/reset')).headers.location).toBe('/#practice');
  });
});
