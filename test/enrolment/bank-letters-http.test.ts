import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { codeForAskedKey, seededContext } from '../helpers/context.ts';
import { csrfFrom, submitForm, testApp, visibleText, type Agent } from '../helpers/http.ts';

async function post(agent: Agent, url: string, fields: Record<string, string | string[]>) {
  const page = await agent.get(url);
  const params = new URLSearchParams({ _csrf: csrfFrom(page.text) });
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) params.append(name, item);
  return agent.post(url).type('form').send(params.toString());
}

/** A practice visitor gets NemID at the bank and lets the working days pass until the post comes. */
async function bankNemid(ctx: Context) {
  const agent = request.agent(testApp(ctx));
  await post(agent, '/get-nemid/bank', { hasCpr: 'yes', brings: ['id', 'cpr-document'] });
  await agent
    .post('/letterbox/wait')
    .type('form')
    .send({ _csrf: csrfFrom((await agent.get('/letterbox')).text), what: 'post' });
  return agent;
}

/** The paper letters shown in the letterbox, each as its visible text. */
const lettersIn = (html: string) =>
  [...html.matchAll(/<article class="letter paper-letter"[\s\S]*?<\/article>/g)].map((match) => ({
    text: visibleText(match[0]),
    html: match[0],
  }));

describe('the bank sends password and key card apart (issue 18 item 6)', () => {
  it.each([
    ['da', 'Midlertidig adgangskode:', 'I denne kuvert ligger dit nøglekort', /nøglekort ligger i denne kuvert/],
    ['en', 'Temporary password:', 'This envelope holds your NemID key card', /key card is in this envelope/],
    ['de', 'Vorläufiges Passwort:', 'in diesem Umschlag liegt Ihre NemID-Schlüsselkarte', /Schlüsselkarte liegt in diesem Umschlag/],
  ])('in two letters, in %s: the password in one, the key card in the other', async (lang, passwordLine, cardLine, together) => {
    const ctx = await seededContext();
    const agent = await bankNemid(ctx);
    const letters = lettersIn((await agent.get(`/letterbox?lang=${lang}&screens=full`)).text);
    expect(letters).toHaveLength(2);
    const withPassword = letters.filter((letter) => letter.text.includes(passwordLine));
    const withCard = letters.filter((letter) => letter.text.includes(cardLine));
    expect(withPassword).toHaveLength(1);
    expect(withCard).toHaveLength(1);
    expect(withPassword[0]).not.toBe(withCard[0]);
    expect(withCard[0]!.html).toContain('href="/practice/card"');
    expect(withPassword[0]!.html).not.toContain('href="/practice/card"');
    for (const letter of letters) expect(letter.text).not.toMatch(together);
  });
});

describe('the bank activation page (issue 18 item 6)', () => {
  it('says that it activates this NemID, not that it is left unchanged, and then activates it', async () => {
    const ctx = await seededContext();
    const agent = await bankNemid(ctx);
    const letter = visibleText((await agent.get('/letterbox?lang=en&screens=full')).text);
    const nemidNumber = /NemID number: (\d{9})/.exec(letter)![1]!;
    const temporary = /Temporary password: (\S+)/.exec(letter)![1]!;
    await submitForm(agent, '/login?service=bank', '/login', { identifier: nemidNumber, password: temporary, service: 'bank' });
    await submitForm(agent, '/login/new-password', '/login/new-password', { password: 'Lampe5151', repeat: 'Lampe5151', userId: '' });
    await submitForm(agent, '/login/key', '/login/key', { code: codeForAskedKey(ctx, nemidNumber).code });
    const citizen = ctx.citizens.findByIdentifier(nemidNumber)!;
    for (const [lang, says, never] of [
      ['da', `Banken aktiverer ${citizen.name}s NemID til offentlig selvbetjening.`, 'som ikke ændres'],
      ['en', `The bank activates ${citizen.name}'s NemID for public self-service.`, 'which is not changed'],
      ['de', `Die Bank schaltet die NemID von ${citizen.name} für die öffentliche Selbstbedienung frei.`, 'unverändert bleibt'],
    ]) {
      const page = visibleText((await agent.get(`/get-nemid/bank/activate?lang=${lang}&screens=full`)).text);
      expect(page).toContain(says);
      expect(page).not.toContain(never);
    }
    const activated = await post(agent, '/get-nemid/bank/activate?lang=en&screens=full', { brings: 'id' });
    expect(visibleText(activated.text)).toContain('now accept it');
    expect(ctx.enrolment.hasPublicAccess(citizen.id)).toBe(true);
    expect((await agent.get('/post')).status).toBe(200);
  });
});
