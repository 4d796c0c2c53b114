import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { codeForAskedKey, seededContext } from '../helpers/context.ts';
import { csrfFrom, submitForm, testApp, visibleText } from '../helpers/http.ts';

async function setup() {
  const ctx = await seededContext();
  const app = testApp(ctx);
  return { ctx, app, agent: request.agent(app) };
}

function sessionCookie(response: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return cookies.find((cookie) => cookie.startsWith('sandbox.sid='))?.split(';')[0];
}

describe('GET /healthz', () => {
  it('answers 200 with {"status":"ok"}', async () => {
    const { app } = await setup();
    const response = await request(app).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});

describe('the login over HTTP', () => {
  it('logs in with password and key code, lands on My NemID and gets a new session id', async () => {
    const { ctx, agent } = await setup();
    const form = await agent.get('/login?service=mynemid&lang=en&screens=full');
    const before = sessionCookie(form);
    const step1 = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(form.text), identifier: 'mette.hansen', password: 'Hest2024', service: 'mynemid' });
    expect(step1.status).toBe(303);
    expect(step1.headers.location).toBe('/login/key');

    const keyPage = await agent.get('/login/key');
    const { key, code } = codeForAskedKey(ctx, 'mette.hansen');
    expect(keyPage.text).toContain(`data-testid="key-number">${key}<`);
    const step2 = await agent
      .post('/login/key')
      .type('form')
      .send({ _csrf: csrfFrom(keyPage.text), code });
    expect(step2.status).toBe(303);
    expect(step2.headers.location).toBe('/my-nemid');
    const after = sessionCookie(step2);
    expect(after).toBeDefined();
    expect(after).not.toBe(before);

    const home = await agent.get('/my-nemid');
    expect(home.status).toBe(200);
    expect(visibleText(home.text)).toContain('You are logged in as Mette Fiktiv Hansen');
    expect(visibleText(home.text)).toContain('147');
  });

  it('keeps the user ID but never the password when the login fails, and says how many tries a wrong password leaves', async () => {
    const { agent } = await setup();
    const wrongPassword = await submitForm(agent, '/login?lang=en&screens=full', '/login', {
      identifier: 'mette.hansen',
      password: 'Nope12345',
    });
    const unknownUser = await submitForm(agent, '/login?lang=en&screens=full', '/login', {
      identifier: 'nobody.at.all',
      password: 'Hest2024',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(visibleText(wrongPassword.text)).toContain('Wrong password. You have 4 tries left.');
    expect(visibleText(unknownUser.text)).toContain('The user ID or the password is wrong.');
    expect(visibleText(unknownUser.text)).not.toContain('tries left');
    expect(wrongPassword.text).toContain('value="mette.hansen"');
    expect(wrongPassword.text).not.toContain('Nope12345');
  });

  it('names each missing field next to it', async () => {
    const { agent } = await setup();
    const response = await submitForm(agent, '/login?lang=en&screens=full', '/login', { identifier: '', password: '' });
    expect(response.status).toBe(400);
    expect(response.text).toContain('id="identifier-error"');
    expect(response.text).toContain('aria-describedby="identifier-hint identifier-error"');
    expect(visibleText(response.text)).toContain('Type your password.');
  });

  it('refuses the key step before the password step', async () => {
    const { agent } = await setup();
    const response = await agent.get('/login/key?lang=en&screens=full');
    expect(response.status).toBe(409);
    expect(visibleText(response.text)).toContain('Start again from the first step');
  });

  it('explains a code in the wrong format without counting it as a wrong code', async () => {
    const { ctx, agent } = await setup();
    await submitForm(agent, '/login?lang=en&screens=full', '/login', { identifier: 'mette.hansen', password: 'Hest2024' });
    const response = await submitForm(agent, '/login/key', '/login/key', { code: '12ab' });
    expect(response.status).toBe(400);
    expect(visibleText(response.text)).toContain('The code is the 6 digits printed next to the key number');
    expect(ctx.citizens.findByIdentifier('mette.hansen')!.wrongKeyCount).toBe(0);
  });

  it('shows LOCK001 with the time the lock ends', async () => {
    const { agent } = await setup();
    const response = await submitForm(agent, '/login?lang=en&screens=full', '/login', { identifier: 'karen.olsen', password: 'Skov3579' });
    expect(response.status).toBe(423);
    expect(visibleText(response.text)).toMatch(/locked for 8 hours .*\(LOCK001\)\. You can try again from \d/);
  });

  it('accepts exactly one of 50 simultaneous posts of the same correct code', async () => {
    const { ctx, app, agent } = await setup();
    await submitForm(agent, '/login', '/login', { identifier: 'mette.hansen', password: 'Hest2024' });
    const keyPage = await agent.get('/login/key');
    const token = csrfFrom(keyPage.text);
    const { code } = codeForAskedKey(ctx, 'mette.hansen');
    const cookie = (await agent.jar.getCookies({ domain: '127.0.0.1', path: '/', script: false, secure: false }))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    expect(cookie).toContain('sandbox.sid=');
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => request(app).post('/login/key').set('Cookie', cookie).type('form').send({ _csrf: token, code })),
    );
    const landed = responses.filter((response) => response.status === 303 && response.headers.location === '/my-nemid');
    expect(landed).toHaveLength(1);
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    expect(ctx.events.list({ citizenId: mette.id }).filter((event) => event.type === 'login-ok')).toHaveLength(1);
    expect(mette.state).toBe('active');
  });
});

describe('logout', () => {
  it('is a POST that ends the session on the server, so the old cookie no longer works', async () => {
    const { ctx, app, agent } = await setup();
    await submitForm(agent, '/login', '/login', { identifier: 'mette.hansen', password: 'Hest2024' });
    const keyPage = await agent.get('/login/key');
    const login = await agent
      .post('/login/key')
      .type('form')
      .send({ _csrf: csrfFrom(keyPage.text), code: codeForAskedKey(ctx, 'mette.hansen').code });
    const cookie = sessionCookie(login)!;
    expect((await request(app).get('/my-nemid').set('Cookie', cookie)).status).toBe(200);

    expect((await agent.get('/logout')).status).toBe(404);
    const home = await agent.get('/my-nemid');
    const logout = await agent
      .post('/logout')
      .type('form')
      .send({ _csrf: csrfFrom(home.text) });
    expect(logout.status).toBe(303);
    const replay = await request(app).get('/my-nemid').set('Cookie', cookie);
    expect(replay.status).toBe(303);
    expect(replay.headers.location).toBe('/login?service=mynemid');
  });
});

describe('CSRF', () => {
  it('refuses a login form without its token, and one with a token from another session', async () => {
    const { app, agent } = await setup();
    const missing = await agent.post('/login?lang=en&screens=full').type('form').send({ identifier: 'mette.hansen', password: 'Hest2024' });
    expect(missing.status).toBe(403);
    expect(visibleText(missing.text)).toContain('The form has expired');

    const other = request.agent(app);
    const foreignToken = csrfFrom((await other.get('/login')).text);
    await agent.get('/login');
    const wrong = await agent.post('/login').type('form').send({ _csrf: foreignToken, identifier: 'mette.hansen', password: 'Hest2024' });
    expect(wrong.status).toBe(403);
  });
});
