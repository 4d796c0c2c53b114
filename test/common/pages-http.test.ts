import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { FakeTime, codeForAskedKey, seededContext } from '../helpers/context.ts';
import { submitForm, testApp, visibleText } from '../helpers/http.ts';

const trainingBanner = {
  da: 'Øvemiljø',
  en: 'Training environment.',
  de: 'Übungsumgebung',
};

describe('every page', () => {
  it('says it is a training environment, in the banner and in the title, in each language', async () => {
    const app = testApp(await seededContext());
    for (const lang of ['da', 'en', 'de'] as const) {
      for (const url of ['/', '/login', '/teacher/login', '/no-such-page', '/login/key']) {
        const response = await request(app).get(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}&screens=full`);
        expect(response.text, `${lang} ${url}`).toContain(trainingBanner[lang]);
        const title = /<title>([^<]*)<\/title>/.exec(response.text)?.[1] ?? '';
        expect(title, `${lang} ${url}`).toMatch(/ØVEMILJØ|TRAINING ENVIRONMENT|ÜBUNGSUMGEBUNG/);
      }
    }
  });

  it('is Danish by default and remembers a chosen language in a cookie', async () => {
    const agent = request.agent(testApp(await seededContext()));
    const danish = await agent.get('/login');
    expect(danish.text).toContain('<html lang="da">');
    expect(danish.text).toContain('>Bruger-id</label>');
    await agent.get('/?lang=de&screens=full');
    const german = await agent.get('/login');
    expect(german.text).toContain('<html lang="de">');
    expect(visibleText(german.text)).toContain('Benutzer-ID');
    const english = await agent.get('/login?lang=en&screens=full');
    expect(english.text).toContain('>User ID</label>');
    expect(english.text).toContain('>Password</label>');
  });

  it('ignores a language it does not know', async () => {
    const response = await request(testApp(await seededContext())).get('/login?lang=xx');
    expect(response.text).toContain('<html lang="da">');
  });

  it('sends a strict Content-Security-Policy and no X-Powered-By', async () => {
    const response = await request(testApp(await seededContext())).get('/');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(response.text).not.toMatch(/\sstyle="/);
  });

  it('sends HSTS and Secure cookies when TLS is configured', async () => {
    const app = testApp(await seededContext(), { tls: true });
    const response = await request(app).get('/login');
    expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/; Secure/i);
  });

  it('marks the session cookie HttpOnly and SameSite', async () => {
    const response = await request(testApp(await seededContext())).get('/login');
    const session = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('sandbox.sid='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
  });

  it('answers an unknown page with 404 in the page language', async () => {
    const response = await request(testApp(await seededContext())).get('/nowhere?lang=en&screens=full');
    expect(response.status).toBe(404);
    expect(visibleText(response.text)).toContain('We could not find that page.');
  });

  it('limits login posts per client address', async () => {
    const app = testApp(await seededContext(), { loginRateLimitPerMinute: 3 });
    const agent = request.agent(app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await submitForm(agent, '/login?lang=en&screens=full', '/login', { identifier: 'x', password: 'y' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('session timeouts', () => {
  async function loggedIn(time: FakeTime, overrides: Parameters<typeof testApp>[1]) {
    const ctx = await seededContext({ time });
    const app = testApp(ctx, overrides);
    const agent = request.agent(app);
    await submitForm(agent, '/login', '/login', { identifier: 'mette.hansen', password: 'Hest2024' });
    await submitForm(agent, '/login/key', '/login/key', { code: codeForAskedKey(ctx, 'mette.hansen').code });
    expect((await agent.get('/my-nemid')).status).toBe(200);
    return agent;
  }

  it('ends a session left idle past the idle timeout (15 minutes by default)', async () => {
    const time = new FakeTime(Date.now());
    const agent = await loggedIn(time, {});
    for (let visit = 0; visit < 3; visit += 1) {
      time.advance(14 * 60_000);
      expect((await agent.get('/my-nemid')).status).toBe(200);
    }
    time.advance(16 * 60_000);
    const expired = await agent.get('/my-nemid');
    expect(expired.status).toBe(303);
    expect(expired.headers.location).toBe('/login?service=mynemid');
  });

  it('ends a busy session at the absolute timeout (12 hours by default)', async () => {
    const time = new FakeTime(Date.now());
    const agent = await loggedIn(time, { sessionIdleMinutes: 24 * 60 });
    time.advance(11 * 3_600_000);
    expect((await agent.get('/my-nemid')).status).toBe(200);
    time.advance(3_600_000 + 60_000);
    expect((await agent.get('/my-nemid')).status).toBe(303);
  });
});
