import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { seededContext } from '../helpers/context.ts';
import { loginAs, testApp } from '../helpers/http.ts';

/** The `lang` cookie a response sets, if any. */
function langCookie(response: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return cookies.find((cookie) => cookie.startsWith('lang='));
}

const htmlLang = (response: request.Response) => /<html lang="([^"]+)"/.exec(response.text)?.[1];

describe('the page language is detected in this order', () => {
  it('first ?lang=, which beats the cookie and is remembered in an HttpOnly, SameSite=Lax cookie', async () => {
    const app = testApp(await seededContext());
    const response = await request(app).get('/login?lang=en&screens=full').set('Cookie', 'lang=de');
    expect(htmlLang(response)).toBe('en');
    expect(langCookie(response)).toMatch(/^lang=en;.*HttpOnly/);
    expect(langCookie(response)).toMatch(/SameSite=Lax/);
  });

  it('then the cookie, which is not written again', async () => {
    const app = testApp(await seededContext());
    const response = await request(app).get('/login?screens=full').set('Cookie', 'lang=de');
    expect(htmlLang(response)).toBe('de');
    expect(langCookie(response)).toBeUndefined();
  });

  it("then Danish: the browser's Accept-Language does not count, and nothing is remembered", async () => {
    const app = testApp(await seededContext());
    const response = await request(app).get('/login?screens=full').set('Accept-Language', 'en-GB,en;q=0.9,de;q=0.8');
    expect(htmlLang(response)).toBe('da');
    expect(langCookie(response)).toBeUndefined();
  });

  it('takes only da, en and de as written: no other case, no region, no help-only language as page language', async () => {
    const app = testApp(await seededContext());
    for (const asked of ['EN', 'en-GB', 'de-DE', 'ar']) {
      const response = await request(app).get(`/login?lang=${asked}&screens=full`);
      expect(htmlLang(response), asked).toBe('da');
      expect(langCookie(response), asked).toBeUndefined();
    }
    const fromCookie = await request(app).get('/login?screens=full').set('Cookie', 'lang=en-GB');
    expect(htmlLang(fromCookie)).toBe('da');
  });

  it("the trainee's own language counts only where this browser chose none", async () => {
    const { agent, ctx } = await (async () => {
      const ctx = await seededContext();
      return { ctx, agent: request.agent(testApp(ctx)) };
    })();
    await loginAs(agent, ctx, 'ahmed.karimi', 'Bog7531x');
    const own = await agent.get('/my-nemid');
    expect(own.text).toMatch(/role="tooltip" lang="en"/);
    await agent.get('/my-nemid?lang=de');
    const chosen = await agent.get('/my-nemid');
    expect(chosen.text).toMatch(/role="tooltip" lang="de"/);
    expect(chosen.text).not.toMatch(/role="tooltip" lang="en"/);
  });
});
