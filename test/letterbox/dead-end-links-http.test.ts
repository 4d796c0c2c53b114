import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { seededContext } from '../helpers/context.ts';
import { submitForm, testApp, type Agent } from '../helpers/http.ts';
import { printedCardNumber } from '../blocking/helpers.ts';

/** The links of a page to the sandbox's own pages (not files, not anchors). */
const linksOf = (html: string): string[] =>
  [...html.matchAll(/<a [^>]*href="(\/[^"#]*)"/g)]
    .map((match) => match[1]!.replace(/&amp;/g, '&'))
    .filter((href) => !href.startsWith('/css/') && !href.startsWith('/js/'));

/** Every link on the page answers with a page or a redirect to one, never "not found" or an error. */
async function everyLinkLeadsSomewhere(agent: Agent, html: string, from: string): Promise<number> {
  const links = [...new Set(linksOf(html))];
  for (const href of links) {
    const response = await agent.get(href);
    expect.soft(response.status, `${from} links to ${href}`).toBeLessThan(400);
    if (response.status >= 300 && response.status < 400) {
      const next = await agent.get(response.headers.location!);
      expect.soft(next.status, `${from} links to ${href}, which leads to ${response.headers.location}`).toBeLessThan(400);
    }
  }
  return links.length;
}

describe('the routes the blocking, phone and letterbox pages recommend (issue 18)', () => {
  it('lead somewhere, for a holder who lost the key card, ordered a new one and forgot the password', async () => {
    const ctx = await seededContext();
    const app = testApp(ctx, { loginRateLimitPerMinute: 10_000 });
    const agent = request.agent(app);
    const lostNumber = printedCardNumber(ctx, 'mette.hansen');
    await submitForm(agent, '/nemid', '/nemid/sign-in', { identifier: 'mette.hansen', password: 'Hest2024' });
    await submitForm(agent, '/nemid', '/nemid/block', { reason: 'lost-card' });
    await submitForm(agent, '/nemid', '/nemid/card', {});

    const pages: [string, string][] = [['/nemid (signed in, blocked)', (await agent.get('/nemid')).text]];
    const refused = await submitForm(agent, '/nemid/temporary-password', '/nemid/temporary-password', {
      identifier: 'mette.hansen',
      cardNumber: lostNumber,
    });
    pages.push(['/nemid/temporary-password (lost card refused)', refused.text]);
    for (const page of ['/nemid/temporary-password', '/nemid/phone', '/nemid/desk', '/letterbox'])
      pages.push([page, (await agent.get(page)).text]);
    const anonymous = request.agent(app);
    for (const page of ['/nemid', '/letterbox']) pages.push([`${page} (nobody known)`, (await anonymous.get(page)).text]);

    let checked = 0;
    for (const [from, html] of pages) checked += await everyLinkLeadsSomewhere(agent, html, from);
    expect(checked).toBeGreaterThan(20);
  });
});
