import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { FakeTime, codeForAskedKey, seededContext } from '../helpers/context.ts';
import { csrfFrom, submitForm, testApp, visibleText, type Agent } from '../helpers/http.ts';
import { citizenOf } from '../blocking/helpers.ts';

const password = 'Lampe5151';

/** A practice NemID of this browser, activated with its own password, in a sandbox whose clock the test holds. */
async function practising() {
  const time = new FakeTime();
  const ctx = await seededContext({ time });
  const app = testApp(ctx, { loginRateLimitPerMinute: 10_000 });
  const agent = request.agent(app);
  await submitForm(agent, '/', '/practice', {});
  const welcome = await agent.get('/practice/welcome');
  const nemidNumber = /data-testid="nemid-number">(\d{9})</.exec(welcome.text)![1]!;
  const temporary = /data-testid="temporary-password">([^<]+)</.exec(welcome.text)![1]!;
  await submitForm(agent, '/login', '/login', { identifier: nemidNumber, password: temporary, service: 'mynemid' });
  await submitForm(agent, '/login/new-password', '/login/new-password', { password, repeat: password, userId: '' });
  await submitForm(agent, '/login/key', '/login/key', { code: codeForAskedKey(ctx, nemidNumber).code });
  await agent
    .post('/logout')
    .type('form')
    .send({ _csrf: csrfFrom((await agent.get('/my-nemid')).text) });
  const citizen = ctx.citizens.findByIdentifier(nemidNumber)!;
  return { time, ctx, app, agent, nemidNumber, citizen };
}

async function blockLostCardAndOrderNew(agent: Agent, identifier: string, pw: string) {
  await submitForm(agent, '/nemid?lang=en&screens=full', '/nemid/sign-in', { identifier, password: pw });
  await submitForm(agent, '/nemid', '/nemid/block', { reason: 'lost-card' });
  await submitForm(agent, '/nemid', '/nemid/card', {});
}

const wait = async (agent: Agent, page: string, what: 'post' | 'lock') =>
  agent
    .post('/letterbox/wait')
    .type('form')
    .send({ what, _csrf: csrfFrom((await agent.get(page)).text) });

const clockOf = (ctx: Context, classId: number) => ctx.clock.now(classId);

describe('the letterbox at home (issue 18)', () => {
  it('is one page: the three letterboxes of before lead to /letterbox', async () => {
    const ctx = await seededContext();
    const agent = request.agent(testApp(ctx));
    for (const old of ['/nemid/letterbox', '/get-nemid/letterbox', '/post/paper']) {
      const response = await agent.get(old);
      expect(response.status).toBe(301);
      expect(response.headers.location).toBe('/letterbox');
    }
    const page = visibleText((await agent.get('/letterbox?lang=en&screens=full')).text);
    expect(page).toContain('Whose letterbox is it? Say who you are.');
  });

  it('practising alone: lists the new key card on its way with its date, lets the time pass until it arrives, and shows the card in the envelope', async () => {
    const { time, ctx, agent, nemidNumber, citizen } = await practising();
    await blockLostCardAndOrderNew(agent, nemidNumber, password);
    const card = ctx.keycards.cardOnItsWay(citizen.id)!;

    const account = visibleText((await agent.get('/nemid?lang=en&screens=full')).text);
    expect(account).toContain('On its way to you by post Dit nye NemID-nøglekort: arrives');
    expect(account).toContain('Let the time pass until it arrives');
    const before = visibleText((await agent.get('/letterbox')).text);
    expect(before).toContain('There is no post in your letterbox yet.');

    const waited = await wait(agent, '/letterbox', 'post');
    expect(waited.headers.location).toBe('/letterbox?waited=1');
    expect(clockOf(ctx, citizen.classId)).toBe(card.arrivesAt);
    expect(time.now()).toBeLessThan(card.arrivesAt); // real time stood still: only the practice clock moved
    const letterbox = await agent.get('/letterbox?waited=1');
    const text = visibleText(letterbox.text);
    expect(text).toContain('The time has passed, and the post has come.');
    expect(text).toContain('Dit nye NemID-nøglekort');
    expect(letterbox.text).toContain('href="/practice/card"');
    const event = ctx.events
      .list({ citizenId: citizen.id })
      .filter((entry) => entry.type === 'clock-advanced')
      .at(-1)!;
    expect(event).toMatchObject({ actor: 'trainee', data: { reason: 'waiting-for-post' } });
  });

  it("in a teacher's class: shows what is on its way and that the teacher lets the time pass, and a trainee cannot move the class clock", async () => {
    const { ctx, app, agent } = await practising(); // this browser owns a practice NemID too
    await blockLostCardAndOrderNew(agent, 'mette.hansen', 'Hest2024');
    const mette = citizenOf(ctx, 'mette.hansen');
    const account = await agent.get('/nemid?lang=en&screens=full');
    expect(visibleText(account.text)).toContain('Your teacher lets the time pass for the whole class.');
    expect(account.text).not.toContain('action="/letterbox/wait"');

    const demoBefore = clockOf(ctx, mette.classId);
    const response = await wait(agent, '/letterbox', 'post');
    expect(response.status).toBe(303);
    expect(clockOf(ctx, mette.classId)).toBe(demoBefore);

    const stranger = request.agent(app); // no practice NemID at all
    await submitForm(stranger, '/letterbox', '/letterbox', { name: 'Mette Fiktiv Hansen', cpr: '120345-6789', identifier: '418203557' });
    await wait(stranger, '/letterbox', 'post');
    expect(clockOf(ctx, mette.classId)).toBe(demoBefore);
  });

  it('an 8-hour lock practising alone: the login shows until when, lets the 8 hours pass, and the NemID opens again', async () => {
    const { ctx, agent, nemidNumber, citizen } = await practising();
    for (let n = 0; n < 5; n += 1)
      await submitForm(agent, '/login?lang=en&screens=full', '/login', {
        identifier: nemidNumber,
        password: 'Forkert123',
        service: 'mynemid',
      });
    const locked = await submitForm(agent, '/login?lang=en&screens=full', '/login', {
      identifier: nemidNumber,
      password,
      service: 'mynemid',
    });
    expect(locked.status).toBe(423);
    const text = visibleText(locked.text);
    expect(text).toContain('Your NemID is locked for 8 hours The lock ends');
    expect(text).toContain('Let the 8 hours pass');

    const waited = await agent
      .post('/letterbox/wait')
      .type('form')
      .send({ what: 'lock', _csrf: csrfFrom(locked.text) });
    expect(waited.headers.location).toBe('/login?waited=lock');
    expect(visibleText((await agent.get('/login?waited=lock&lang=en&screens=full')).text)).toContain(
      'The 8 hours have passed, and your NemID is no longer locked.',
    );
    expect(ctx.citizens.findById(citizen.id)!.state).toBe('active');
    expect(ctx.events.list({ citizenId: citizen.id }).map((event) => event.type)).toContain('lock-expired');
  });

  it("an 8-hour lock in a teacher's class: the login says the teacher lets the time pass, with no control", async () => {
    const ctx = await seededContext();
    const agent = request.agent(testApp(ctx, { loginRateLimitPerMinute: 10_000 }));
    const locked = await submitForm(agent, '/login?lang=en&screens=full', '/login', {
      identifier: 'karen.olsen',
      password: 'Skov3579',
      service: 'mynemid',
    });
    const text = visibleText(locked.text);
    expect(text).toContain('The lock ends');
    expect(text).toContain('Your teacher lets the time pass for the whole class.');
    expect(locked.text).not.toContain('action="/letterbox/wait"');
  });
});
