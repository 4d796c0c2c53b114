import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { FakeTime, seededContext } from '../helpers/context.ts';
import { loginAs, routeTable, submitForm, testApp, visibleText } from '../helpers/http.ts';

/** Rule numbers (R1-R21) and lock codes are for teachers, facilitators and support, not for trainees. */
const internalCodes = /\bR\d{1,2}\b|\b(?:LOCK00\d|USER|ISSUER)\b/;
const staffPages = /^\/(?:teacher|issuer|workshop\/?$)/;

describe('the words a trainee reads', () => {
  it('name no rule numbers or lock codes on any page of the trainee, letters and signing included', async () => {
    const ctx = await seededContext({ time: new FakeTime() });
    const app = testApp(ctx);
    const agent = request.agent(app);
    await loginAs(agent, ctx, 'mette.hansen', 'Hest2024', 'post');
    const mette = ctx.citizens.findByIdentifier('mette.hansen')!;
    const pages = routeTable(app)
      .filter((route) => route.method === 'GET' && !route.path.includes(':') && !staffPages.test(route.path))
      .map((route) => route.path);
    const letters = ctx.mailbox.arrivedLetters(mette.id).map((letter) => `/post/letters/${letter.id}`);
    const checked: string[] = [];
    for (const path of [...pages, ...letters, '/get-nemid?lang=en&screens=full', '/exemption?lang=de&screens=full']) {
      const response = await agent.get(path);
      if (response.status !== 200) continue;
      checked.push(path);
      expect(visibleText(response.text), path).not.toMatch(internalCodes);
    }
    // The pages that showed rule numbers before: the inbox, deadlines, the signature request, exemption and the guide to getting NemID.
    expect(checked).toEqual(expect.arrayContaining(['/post', '/post/deadlines', '/exemption', '/get-nemid', '/borger', letters[0]]));
  });

  it('hear on the phone why their NemID is blocked, in words, without its lock code', async () => {
    const ctx = await seededContext();
    const agent = request.agent(testApp(ctx));
    await submitForm(agent, '/nemid/phone', '/nemid/phone/identify', {
      name: 'Piotr Fiktiv Nowak',
      cpr: '1402537346',
      identifier: '574128396',
    });
    await submitForm(agent, '/nemid/phone', '/nemid/phone/reason', { reason: 'unblock' });
    const call = visibleText((await agent.get('/nemid/phone')).text);
    expect(call).toContain('Dit NemID er spærret, fordi der blev tastet en forkert nøglekode for mange gange.');
    expect(call).toContain('Jeg kan sende dig en midlertidig adgangskode med posten.');
    expect(call).not.toMatch(internalCodes);
  });
});
