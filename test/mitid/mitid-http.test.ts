import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { FakeTime, testContext } from '../helpers/context.ts';
import { csrfFrom, submitForm, testApp, visibleText, type Agent } from '../helpers/http.ts';

async function world() {
  const time = new FakeTime();
  const ctx = testContext({ time });
  await ctx.scenarios.load('mitid-login', { actor: 'system' });
  return { ctx, time, agent: request.agent(testApp(ctx)) };
}

/** The user ID step: the browser is sent on to the authenticator's step. */
async function userIdStep(agent: Agent, userId: string, service = 'post') {
  return submitForm(agent, `/login/mitid?service=${service}`, '/login/mitid', { userId, service });
}

/** A form post on the current page of the app step (the device's buttons). */
async function onAppPage(agent: Agent, fields: Record<string, string>, page = '/login/mitid/app') {
  const html = (await agent.get(page)).text;
  return agent
    .post('/login/mitid/app')
    .type('form')
    .send({ ...fields, _csrf: csrfFrom(html) });
}

const citizenOf = (ctx: Context, userId: string) => ctx.citizens.findById(ctx.mitid.citizenOf(userId)!)!;

describe('the MitID login with the app', () => {
  it('offers MitID beside NemID on the login page, and NemID on the MitID page', async () => {
    const { agent } = await world();
    const nemid = await agent.get('/login?service=post');
    expect(nemid.text).toContain('href="/login/mitid?service=post"');
    const mitid = await agent.get('/login/mitid?service=post');
    expect(visibleText(mitid.text)).toContain('Log på Digital Post');
    expect(mitid.text).toContain('href="/login?service=post"');
  });

  it('shows a notification naming the service, and logs in to it after the approval', async () => {
    const { ctx, agent } = await world();
    expect((await userIdStep(agent, 'Sofie.Lund')).headers.location).toBe('/login/mitid/app');
    const page = await agent.get('/login/mitid/app');
    expect(page.text).toMatch(/aria-live="polite"/);
    expect(visibleText(page.text)).toContain('Digital Post beder dig godkende med MitID.');
    const opened = await agent.get('/login/mitid/app?device=confirm');
    expect(visibleText(opened.text)).toContain('Du godkender, at du logger på Digital Post.');
    const approved = await onAppPage(agent, { decision: 'approve' }, '/login/mitid/app?device=confirm');
    expect(approved.status).toBe(303);
    expect(approved.headers.location).toBe('/post');
    const inbox = await agent.get('/post');
    expect(inbox.status).toBe(200);
    expect(visibleText(inbox.text)).toContain('Indbakke');
    const sofie = citizenOf(ctx, 'sofie.lund');
    expect(ctx.events.latestOf(sofie.id, ['login-ok'], 1)[0]).toMatchObject({
      rule: 'R2',
      data: { service: 'post', via: 'mitid', authenticator: 'app' },
    });
  });

  it('does not log in when the trainee rejects, and a rejected request cannot be approved after', async () => {
    const { agent } = await world();
    await userIdStep(agent, 'sofie.lund');
    const rejected = await onAppPage(agent, { decision: 'reject' }, '/login/mitid/app?device=open');
    expect(rejected.status).toBe(403);
    expect(visibleText(rejected.text)).toContain('Du afviste anmodningen i MitID app. Du er ikke logget på.');
    expect((await agent.get('/post')).headers.location).toBe('/login?service=post');
    expect(
      (
        await agent
          .post('/login/mitid/app')
          .type('form')
          .send({ decision: 'approve', _csrf: csrfFrom(rejected.text) })
      ).status,
    ).toBe(409);
  });

  it('times the request out on the class clock, and a new request can be sent', async () => {
    const { ctx, agent, time } = await world();
    await userIdStep(agent, 'sofie.lund');
    const page = await agent.get('/login/mitid/app');
    time.advance(300_000);
    const late = await agent
      .post('/login/mitid/app')
      .type('form')
      .send({ decision: 'approve', _csrf: csrfFrom(page.text) });
    expect(late.status).toBe(409);
    expect(visibleText(late.text)).toContain('Anmodningen i MitID app er udløbet.');
    expect(ctx.events.latestOf(citizenOf(ctx, 'sofie.lund').id, ['mitid-request-expired'], 1)).toHaveLength(1);
    const again = await agent
      .post('/login/mitid/app/again')
      .type('form')
      .send({ _csrf: csrfFrom(late.text) });
    expect(again.headers.location).toBe('/login/mitid/app');
    expect((await onAppPage(agent, { decision: 'approve' })).headers.location).toBe('/post');
  });

  it('says so for an unknown user ID or an empty one, keeping what was typed', async () => {
    const { agent } = await world();
    const unknown = await userIdStep(agent, 'nobody.here');
    expect(unknown.status).toBe(401);
    expect(visibleText(unknown.text)).toContain('Vi kender ikke det bruger-id. Tjek det, og prøv igen.');
    expect(unknown.text).toContain('value="nobody.here"');
    const empty = await userIdStep(agent, '  ');
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('Skriv dit bruger-id.');
  });

  it('keeps a MitID-only trainee out of NemID, and lets a holder of both choose either', async () => {
    const { ctx, agent } = await world();
    const sofie = citizenOf(ctx, 'sofie.lund');
    const nemid = await submitForm(agent, '/login?service=post', '/login', {
      identifier: sofie.nemidNumber,
      password: 'Cykel2468',
      service: 'post',
    });
    expect(nemid.status).toBe(401);
    expect(
      (await submitForm(agent, '/login?service=post', '/login', { identifier: 'karen.holm', password: 'Kage2023', service: 'post' }))
        .headers.location,
    ).toBe('/login/key');
    const other = request.agent(testApp(ctx));
    await userIdStep(other, 'karen.mitid');
    expect((await onAppPage(other, { decision: 'approve' })).headers.location).toBe('/post');
  });
});

describe('the MitID login with the code display', () => {
  async function codeStep(agent: Agent) {
    expect((await userIdStep(agent, 'jonas.weber', 'tax')).headers.location).toBe('/login/mitid/code');
    const page = await agent.get('/login/mitid/code');
    const pressed = await agent
      .post('/login/mitid/code/show')
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect(pressed.headers.location).toBe('/login/mitid/code');
    const shown = await agent.get('/login/mitid/code');
    const code = /data-testid="device-code">(\d{6})</.exec(shown.text)![1]!;
    return { code, csrf: csrfFrom(shown.text) };
  }

  it('takes the code shown on the device, then the password, and logs in to the service', async () => {
    const { agent } = await world();
    const { code, csrf } = await codeStep(agent);
    const typed = await agent
      .post('/login/mitid/code')
      .type('form')
      .send({ code: `${code.slice(0, 3)} ${code.slice(3)}`, _csrf: csrf });
    expect(typed.headers.location).toBe('/login/mitid/password');
    const wrong = await submitForm(agent, '/login/mitid/password', '/login/mitid/password', { password: 'skov97531' });
    expect(wrong.status).toBe(401);
    const right = await submitForm(agent, '/login/mitid/password', '/login/mitid/password', { password: 'Skov97531' });
    expect(right.headers.location).toBe('/skat');
  });

  it('refuses a wrong code, a code of the wrong form and a used code, and blocks after the third wrong one', async () => {
    const { ctx, agent } = await world();
    const { code, csrf } = await codeStep(agent);
    const wrongCode = code === '123456' ? '654321' : '123456';
    const badForm = await agent.post('/login/mitid/code').type('form').send({ code: '12ab', _csrf: csrf });
    expect(badForm.status).toBe(400);
    expect(visibleText(badForm.text)).toContain('Koden har 6 cifre.');
    expect(badForm.text).toContain('value="12ab"');
    const first = await agent.post('/login/mitid/code').type('form').send({ code: wrongCode, _csrf: csrf });
    expect(first.status).toBe(401);
    expect(visibleText(first.text)).toContain('Du har 2 forsøg tilbage');
    await agent.post('/login/mitid/code').type('form').send({ code: wrongCode, _csrf: csrf });
    const third = await agent.post('/login/mitid/code').type('form').send({ code: wrongCode, _csrf: csrf });
    expect(third.status).toBe(423);
    expect(visibleText(third.text)).toContain('Din kodeviser er midlertidigt spærret');
    const jonas = citizenOf(ctx, 'jonas.weber');
    expect(ctx.events.latestOf(jonas.id, ['mitid-code-display-suspended'], 1)[0]?.rule).toBe('M5');
  });

  it('does not take the same code twice', async () => {
    const { agent } = await world();
    const { code, csrf } = await codeStep(agent);
    await agent.post('/login/mitid/code').type('form').send({ code, _csrf: csrf });
    await submitForm(agent, '/login/mitid/password', '/login/mitid/password', { password: 'Skov97531' });
    await agent
      .post('/logout')
      .type('form')
      .send({ _csrf: csrfFrom((await agent.get('/skat')).text) });
    await userIdStep(agent, 'jonas.weber', 'tax');
    const again = await submitForm(agent, '/login/mitid/code', '/login/mitid/code', { code });
    expect(again.status).toBe(401);
    expect(visibleText(again.text)).toContain('Koden er allerede brugt.');
  });

  it('lets a trainee with both devices change the identification method', async () => {
    const { agent } = await world();
    expect((await userIdStep(agent, 'grace.owusu')).headers.location).toBe('/login/mitid/app');
    const chosen = await submitForm(agent, '/login/mitid/choose', '/login/mitid/choose', { authenticator: 'code-display' });
    expect(chosen.headers.location).toBe('/login/mitid/code');
    expect((await agent.get('/login/mitid/app')).status).toBe(409);
  });
});

describe('the services after a MitID login', () => {
  async function loggedIn(agent: Agent, userId: string, service = 'bank') {
    await userIdStep(agent, userId, service);
    return onAppPage(agent, { decision: 'approve' });
  }

  it('lets every service in with the same citizen: Digital Post, the tax folder, the portal and the bank', async () => {
    const { agent } = await world();
    expect((await loggedIn(agent, 'sofie.lund', 'tax')).headers.location).toBe('/skat');
    for (const page of ['/post', '/skat', '/borger', '/bank']) expect((await agent.get(page)).status, page).toBe(200);
  });

  it('confirms a bank transfer with an approval in the app that shows the transfer, not a key code', async () => {
    const { ctx, agent } = await world();
    await loggedIn(agent, 'sofie.lund');
    const started = await submitForm(agent, '/bank', '/bank/transfer', { toAccount: '1234 5678901234', amount: '250,00', text: 'Husleje' });
    expect(started.headers.location).toBe('/bank/transfer/confirm');
    const page = await agent.get('/bank/transfer/confirm?device=open');
    expect(visibleText(page.text)).toContain('Godkend hos Din netbank');
    expect(visibleText(page.text)).toContain('Overfør 250,00 kr. til konto 1234 5678901234');
    expect(page.text).not.toContain('data-testid="key-number"');
    const approved = await agent
      .post('/bank/transfer/confirm')
      .type('form')
      .send({ decision: 'approve', _csrf: csrfFrom(page.text) });
    expect(approved.headers.location).toBe('/bank?done=transferred');
    const sofie = citizenOf(ctx, 'sofie.lund');
    expect(ctx.events.latestOf(sofie.id, ['mitid-approved'], 1)[0]).toMatchObject({
      rule: 'M2',
      data: { service: 'bank', action: 'APPROVE' },
    });
  });

  it('transfers nothing when the trainee rejects the transfer in the app', async () => {
    const { agent } = await world();
    await loggedIn(agent, 'sofie.lund');
    await submitForm(agent, '/bank', '/bank/transfer', { toAccount: '1234 5678901234', amount: '250,00', text: 'Husleje' });
    const page = await agent.get('/bank/transfer/confirm?device=open');
    const rejected = await agent
      .post('/bank/transfer/confirm')
      .type('form')
      .send({ decision: 'reject', _csrf: csrfFrom(page.text) });
    expect(rejected.status).toBe(403);
    expect(visibleText(rejected.text)).toContain('Du afviste anmodningen i MitID app. Der er ikke sket noget.');
  });

  it('confirms a transfer with a code from the code display after a code-display login', async () => {
    const { agent } = await world();
    await userIdStep(agent, 'jonas.weber', 'bank');
    const codePage = await agent.get('/login/mitid/code');
    await agent
      .post('/login/mitid/code/show')
      .type('form')
      .send({ _csrf: csrfFrom(codePage.text) });
    const code = /data-testid="device-code">(\d{6})</.exec((await agent.get('/login/mitid/code')).text)![1]!;
    await submitForm(agent, '/login/mitid/code', '/login/mitid/code', { code });
    expect((await submitForm(agent, '/login/mitid/password', '/login/mitid/password', { password: 'Skov97531' })).headers.location).toBe(
      '/bank',
    );
    await submitForm(agent, '/bank', '/bank/transfer', { toAccount: '1234 5678901234', amount: '100,00', text: '' });
    const confirm = await agent.get('/bank/transfer/confirm');
    await agent
      .post('/bank/transfer/confirm/code-display')
      .type('form')
      .send({ _csrf: csrfFrom(confirm.text) });
    const shown = await agent.get('/bank/transfer/confirm');
    const second = /data-testid="device-code">(\d{6})</.exec(shown.text)![1]!;
    const used = await agent
      .post('/bank/transfer/confirm')
      .type('form')
      .send({ code, _csrf: csrfFrom(shown.text) });
    expect(used.status).toBe(401);
    const done = await agent
      .post('/bank/transfer/confirm')
      .type('form')
      .send({ code: second, _csrf: csrfFrom(shown.text) });
    expect(done.headers.location).toBe('/bank?done=transferred');
  });
});

describe('signing after a MitID login', () => {
  it('signs a contract with a SIGN request in the app instead of the NemID password and key card', async () => {
    const { ctx, agent } = await world();
    await userIdStep(agent, 'sofie.lund');
    await onAppPage(agent, { decision: 'approve' });
    const sofie = citizenOf(ctx, 'sofie.lund');
    const letter = ctx.mailbox.arrivedLetters(sofie.id).find((found) => found.kind === 'signature-request')!;
    const sign = await agent.get(`/post/letters/${letter.id}/sign`);
    expect(sign.text).not.toContain('name="password"');
    const started = await agent
      .post(`/post/letters/${letter.id}/sign`)
      .type('form')
      .send({ _csrf: csrfFrom(sign.text) });
    expect(started.headers.location).toBe('/post/sign/key');
    const page = await agent.get('/post/sign/key?device=open');
    expect(visibleText(page.text)).toContain('Underskriv hos Digital Post');
    expect(visibleText(page.text)).toContain('Lejekontrakt til underskrift');
    const signed = await agent
      .post('/post/sign/key')
      .type('form')
      .send({ decision: 'approve', _csrf: csrfFrom(page.text) });
    expect(signed.headers.location).toBe(`/post/letters/${letter.id}?done=signed`);
    expect(ctx.events.latestOf(sofie.id, ['mitid-approved'], 1)[0]).toMatchObject({ data: { action: 'SIGN' } });
  });
});
