import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { codeForAskedKey, seededContext } from '../helpers/context.ts';
import { loginAs, submitForm, testApp, visibleText } from '../helpers/http.ts';

async function setup() {
  const ctx = await seededContext();
  const app = testApp(ctx);
  return { ctx, app, agent: request.agent(app) };
}

/** The ids of the inputs a page focuses on load (autofocus). */
const autofocused = (html: string) => [...html.matchAll(/<input id="(\w+)"[^>]*\bautofocus\b/g)].map((match) => match[1]);

describe('every step of the login, as in NemID', () => {
  it('has "Glemt adgangskode?" to the temporary password (and back to this login), "Afbryd" as a form with CSRF, and its first field focused', async () => {
    const { agent } = await setup();
    const start = await agent.get('/login?service=bank');
    expect(autofocused(start.text)).toEqual(['identifier']);
    await submitForm(agent, '/login', '/login', { identifier: '741852963', password: 'velkommen81', service: 'bank' });
    const choose = await agent.get('/login/new-password');
    expect(autofocused(choose.text)).toEqual(['password']);
    await submitForm(agent, '/login/new-password', '/login/new-password', { password: 'Solskin77', repeat: 'Solskin77', userId: '' });
    const key = await agent.get('/login/key');
    expect(key.status).toBe(200);
    expect(autofocused(key.text)).toEqual(['code']);
    for (const page of [start, choose, key]) {
      expect(page.text).toContain('<a href="/nemid/temporary-password?from=bank">Glemt adgangskode?</a>');
      expect(page.text).toMatch(/<form method="post" action="\/login\/cancel"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+">/);
      expect(visibleText(page.text)).toContain('Afbryd');
      expect(page.headers['cache-control']).toBe('no-store');
    }
  });

  it('focuses the password when the user ID is kept after a wrong password', async () => {
    const { agent } = await setup();
    const wrong = await submitForm(agent, '/login', '/login', { identifier: 'mette.hansen', password: 'Nope12345' });
    expect(autofocused(wrong.text)).toEqual(['password']);
  });

  it('says how many tries are left after a wrong password, in Danish, English and German, with the count of the lockout rule', async () => {
    const { agent } = await setup();
    const tries: [string, string][] = [
      ['da', 'Forkert adgangskode. Du har 4 forsøg tilbage.'],
      ['en', 'Wrong password. You have 3 tries left.'],
      ['de', 'Falsches Passwort. Sie haben noch 2 Versuche.'],
      ['en', 'Wrong password. You have 1 try left.'],
    ];
    for (const [lang, text] of tries) {
      const response = await submitForm(agent, `/login?lang=${lang}&screens=full`, '/login', {
        identifier: 'mette.hansen',
        password: 'Nope12345',
      });
      expect(response.status).toBe(401);
      expect(visibleText(response.text)).toContain(text);
    }
    const fifth = await submitForm(agent, '/login?lang=en&screens=full', '/login', { identifier: 'mette.hansen', password: 'Nope12345' });
    expect(visibleText(fifth.text)).toContain('(LOCK001)');
  });

  it('"Afbryd" at the key step ends the login attempt, writes it to the event log and returns to the front page', async () => {
    const { ctx, agent } = await setup();
    await submitForm(agent, '/login?service=tax', '/login', { identifier: 'mette.hansen', password: 'Hest2024', service: 'tax' });
    const cancelled = await submitForm(agent, '/login/key', '/login/cancel', { service: 'tax' });
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.location).toBe('/?loginCancelled=1');
    const home = await agent.get('/?loginCancelled=1');
    expect(visibleText(home.text)).toContain('Login er afbrudt. Du er ikke logget på.');
    expect((await agent.get('/login/key')).status).toBe(409);
    expect((await agent.get('/skat')).headers.location).toBe('/login?service=tax');
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    expect(ctx.events.list({ citizenId: mette.id }).filter((event) => event.type === 'login-cancelled')).toHaveLength(1);
  });

  it('"Afbryd" is refused without its CSRF token', async () => {
    const { agent } = await setup();
    await submitForm(agent, '/login', '/login', { identifier: 'mette.hansen', password: 'Hest2024' });
    const forged = await agent.post('/login/cancel').type('form').send({ service: 'mynemid' });
    expect(forged.status).toBe(403);
    expect((await agent.get('/login/key')).status).toBe(200);
  });

  it('sends Back after a finished login on to the service, not to "start again"', async () => {
    const { ctx, agent } = await setup();
    await submitForm(agent, '/login?service=bank', '/login', { identifier: 'mette.hansen', password: 'Hest2024', service: 'bank' });
    const done = await submitForm(agent, '/login/key', '/login/key', { code: codeForAskedKey(ctx, 'mette.hansen').code });
    expect(done.headers.location).toBe('/bank');
    const back = await agent.get('/login/key?lang=en&screens=full');
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe('/bank');
    expect((await agent.get('/login/new-password')).headers.location).toBe('/bank');
    const start = await agent.get('/login?service=bank&lang=en&screens=full');
    expect(start.status).toBe(200);
    expect(visibleText(start.text)).toContain('You are already logged in. Go on to Your online bank');
    expect(visibleText(start.text)).not.toContain('Start again');
  });

  it('still refuses a later step before the first one when nobody is logged in', async () => {
    const { agent } = await setup();
    expect((await agent.get('/login/key')).status).toBe(409);
  });
});

describe('the front page', () => {
  it('offers "Fortsæt med mit øve-NemID" only to the browser that has a practice NemID', async () => {
    const { agent } = await setup();
    expect(visibleText((await agent.get('/')).text)).not.toContain('Fortsæt med mit øve-NemID');
    const started = await submitForm(agent, '/', '/practice', {});
    expect(started.headers.location).toBe('/practice/welcome');
    expect(visibleText((await agent.get('/')).text)).toContain('Fortsæt med mit øve-NemID');
    expect(visibleText((await request(testApp(await seededContext())).get('/')).text)).not.toContain('Fortsæt med mit øve-NemID');
  });

  it('keeps a logged-in trainee logged in when "Afbryd" is pressed in a second login', async () => {
    const { ctx, agent } = await setup();
    await loginAs(agent, ctx, 'mette.hansen', 'Hest2024', 'post');
    const cancelled = await submitForm(agent, '/login?service=post', '/login/cancel', { service: 'post' });
    expect(cancelled.headers.location).toBe('/post');
    expect((await agent.get('/post')).status).toBe(200);
  });
});
