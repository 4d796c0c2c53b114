import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { FakeTime, testContext } from '../helpers/context.ts';
import { csrfFrom, loginAs, submitForm, testApp, visibleText, type Agent } from '../helpers/http.ts';

async function world() {
  const time = new FakeTime();
  const ctx = testContext({ time });
  const klass = await ctx.scenarios.load('mitid-first-login', { actor: 'system' });
  const [ida, peter, amara, bent] = ctx.citizens.listInClass(klass.id);
  return { ctx, klass, ida: ida!, peter: peter!, amara: amara!, bent: bent!, agent: request.agent(testApp(ctx)) };
}

/** A form post on the activation page as it is now (its CSRF token). */
async function onActivation(agent: Agent, action: string, fields: Record<string, string>) {
  return submitForm(agent, '/mitid/activate', action, fields);
}

async function throughPassport(agent: Agent, ctx: Context, citizenId: number) {
  const passport = ctx.activation.passportOf(ctx.citizens.findById(citizenId)!);
  expect((await onActivation(agent, '/mitid/activate/passport', { passport: passport.number })).headers.location).toBe('/mitid/activate');
  expect((await onActivation(agent, '/mitid/activate/chip', {})).status).toBe(303);
}

describe('getting MitID in the app with the fictional passport', () => {
  it('leaves the trainee with no MitID and no NemID login until activated', async () => {
    const { ctx, ida, agent } = await world();
    expect(ctx.mitid.kindOf(ida.id)).toBe('nemid');
    expect(ctx.mitid.holdsNemid(ida.id)).toBe(false);
    expect(ctx.activation.awaiting(ida.id)).toBe(true);
    const refused = await submitForm(agent, '/login?service=post', '/login', {
      identifier: ida.nemidNumber,
      password: ctx.citizens.blueprintOf(ida.id).knownPassword,
      service: 'post',
    });
    expect(refused.status).toBe(401);
  });

  it('answers a missing or unknown passport number in the page language and keeps what was typed', async () => {
    const { ctx, ida, agent } = await world();
    const missing = await onActivation(agent, '/mitid/activate/passport', { passport: '' });
    expect(missing.status).toBe(400);
    expect(visibleText(missing.text)).toContain('Skriv pasnummeret.');
    const wrongNumber = `${ctx.activation.passportOf(ida).number.slice(0, -1)}${ctx.activation.passportOf(ida).number.endsWith('0') ? '1' : '0'}`;
    const unknown = await onActivation(agent, '/mitid/activate/passport', { passport: wrongNumber });
    expect(unknown.status).toBe(401);
    expect(visibleText(unknown.text)).toContain('Intet fiktivt pas, der venter på MitID, har dette nummer.');
    expect(unknown.text).toContain(`value="${wrongNumber}"`);
    expect(unknown.text).toContain('aria-invalid="true"');
  });

  it("shows the passport beside the page, then refuses user IDs against MitID's rules, keeping each", async () => {
    const { ctx, ida, agent } = await world();
    const passport = ctx.activation.passportOf(ida);
    await onActivation(agent, '/mitid/activate/passport', { passport: passport.number });
    const chipStep = visibleText((await agent.get('/mitid/activate')).text);
    expect(chipStep).toContain('Dit pas (fiktivt)');
    expect(chipStep).toContain('Ida Fiktiv Brandt');
    expect(chipStep).toContain('Hold telefonen på passet');
    // The user ID before the chip is read is a step out of order.
    expect((await onActivation(agent, '/mitid/activate/user-id', { userId: 'ida.brandt' })).status).toBe(409);
    await onActivation(agent, '/mitid/activate/chip', {});
    expect(ctx.events.latestOf(ida.id, ['mitid-passport-read'], 1)).toHaveLength(1);
    for (const [typed, message] of [
      ['ida', 'Et MitID-bruger-id'],
      ['ida~brandt', 'tegn'],
      [' ida.brandt', 'mellemrum'],
      [ida.cpr, 'CPR'],
    ] as const) {
      const answer = await onActivation(agent, '/mitid/activate/user-id', { userId: typed });
      expect(answer.status, typed).toBe(400);
      expect(answer.text).toContain('aria-invalid="true"');
      expect(answer.text).toContain(`value="${typed}"`);
      expect(visibleText(answer.text)).toContain(message);
    }
    const empty = await onActivation(agent, '/mitid/activate/user-id', { userId: '' });
    expect(visibleText(empty.text)).toContain('Vælg et MitID-bruger-id.');
  });

  it('refuses a user ID another MitID user has, whatever its case', async () => {
    const { ctx, ida, peter, agent } = await world();
    await throughPassport(agent, ctx, peter.id);
    await onActivation(agent, '/mitid/activate/user-id', { userId: 'taken.id' });
    await onActivation(agent, '/mitid/activate/password', { password: 'Blomst8642', repeat: 'Blomst8642' });
    const other = request.agent(testApp(ctx));
    await throughPassport(other, ctx, ida.id);
    const taken = await onActivation(other, '/mitid/activate/user-id', { userId: 'Taken.ID' });
    expect(taken.status).toBe(400);
    expect(visibleText(taken.text)).toContain('En anden MitID-bruger har dette bruger-id.');
  });

  it("refuses passwords against MitID's rules and two that differ, keeping the user ID", async () => {
    const { ctx, ida, agent } = await world();
    await throughPassport(agent, ctx, ida.id);
    await onActivation(agent, '/mitid/activate/user-id', { userId: 'ida.brandt' });
    for (const [password, message] of [
      ['kort1', '8-64'],
      ['ida.brandt99', 'bruger-id'],
      ['Minadgangskode1', 'adgangskode'],
      ['Xqwertyui1', 'qwertyui'],
    ] as const) {
      const answer = await onActivation(agent, '/mitid/activate/password', { password, repeat: password });
      expect(answer.status, password).toBe(400);
      expect(visibleText(answer.text)).toContain(message);
      expect(visibleText(answer.text)).toContain('Dit bruger-id er ida.brandt.');
    }
    const differs = await onActivation(agent, '/mitid/activate/password', { password: 'Blomst8642', repeat: 'Blomst8643' });
    expect(visibleText(differs.text)).toContain('De to adgangskoder er ikke ens.');
    expect(ctx.mitid.identityOf(ida.id)).toBeUndefined();
  });

  it('sets up the app: the trainee then logs in to Digital Post with MitID, and the NemID stays unknown', async () => {
    const { ctx, ida, agent } = await world();
    await throughPassport(agent, ctx, ida.id);
    await onActivation(agent, '/mitid/activate/user-id', { userId: 'Ida.Brandt' });
    const done = await onActivation(agent, '/mitid/activate/password', { password: 'Blomst8642', repeat: 'Blomst8642' });
    expect(done.headers.location).toBe('/mitid/activate/done');
    expect(visibleText((await agent.get('/mitid/activate/done')).text)).toContain('Dit MitID-bruger-id er ida.brandt.');
    expect(ctx.mitid.kindOf(ida.id)).toBe('mitid');
    expect(ctx.mitid.authenticators(ida.id).map((device) => device.kind)).toEqual(['app']);
    expect(ctx.events.latestOf(ida.id, ['mitid-activated'], 1)[0]).toMatchObject({ rule: 'M8' });
    const login = await submitForm(agent, '/login/mitid?service=post', '/login/mitid', { userId: 'ida.brandt', service: 'post' });
    expect(login.headers.location).toBe('/login/mitid/app');
    const confirm = await agent.get('/login/mitid/app?device=confirm');
    const approved = await agent
      .post('/login/mitid/app')
      .type('form')
      .send({ decision: 'approve', _csrf: csrfFrom(confirm.text) });
    expect(approved.headers.location).toBe('/post');
    // A second activation of the same passport is refused: it no longer waits for MitID.
    const again = await submitForm(request.agent(testApp(ctx)), '/mitid/activate', '/mitid/activate/passport', {
      passport: ctx.activation.passportOf(ida).number,
    });
    expect(again.status).toBe(401);
  });
});

describe('from NemID to MitID', () => {
  it('asks for a NemID login first, and a NemID holder then creates a MitID and holds both', async () => {
    const { ctx, bent, agent } = await world();
    const before = await agent.get('/mitid/get');
    expect(before.text).toContain('href="/login?service=mitid"');
    expect(
      (
        await agent
          .post('/mitid/get')
          .type('form')
          .send({ _csrf: csrfFrom(before.text) })
      ).headers.location,
    ).toBe('/mitid/get');
    await loginAs(agent, ctx, 'bent.juhl', 'Hylde2024', 'mitid');
    const started = await submitForm(agent, '/mitid/get', '/mitid/get', {});
    expect(started.headers.location).toBe('/mitid/activate');
    const page = visibleText((await agent.get('/mitid/activate')).text);
    expect(page).toContain('Vælg dit MitID-bruger-id');
    expect(page).not.toContain('Dit pas');
    await onActivation(agent, '/mitid/activate/user-id', { userId: 'bent.mitid' });
    await onActivation(agent, '/mitid/activate/password', { password: 'Lampe97531', repeat: 'Lampe97531' });
    expect(ctx.mitid.kindOf(bent.id)).toBe('both');
    expect(ctx.events.latestOf(bent.id, ['mitid-created-with-nemid'], 1)[0]).toMatchObject({ rule: 'M9' });
    expect(visibleText((await agent.get('/mitid/activate/done')).text)).toContain('Du har stadig også dit NemID');
    // NemID still works beside the new MitID.
    await loginAs(request.agent(testApp(ctx)), ctx, 'bent.juhl', 'Hylde2024', 'post');
    expect(visibleText((await agent.get('/mitid/get')).text)).toContain('Du har allerede MitID.');
  });

  it('lets nobody start the NemID route without a NemID login (no session, no step)', async () => {
    const { agent } = await world();
    expect((await agent.get('/mitid/activate/done')).status).toBe(409);
    const page = await agent.get('/mitid/activate');
    expect(
      (
        await agent
          .post('/mitid/activate/password')
          .type('form')
          .send({ _csrf: csrfFrom(page.text), password: 'Lampe97531', repeat: 'Lampe97531' })
      ).status,
    ).toBe(409);
  });
});

describe('a reset', () => {
  it('takes the activated MitID away again: the trainee activates anew', async () => {
    const { ctx, klass, ida, agent } = await world();
    await throughPassport(agent, ctx, ida.id);
    await onActivation(agent, '/mitid/activate/user-id', { userId: 'ida.brandt' });
    await onActivation(agent, '/mitid/activate/password', { password: 'Blomst8642', repeat: 'Blomst8642' });
    expect(ctx.mitid.kindOf(ida.id)).toBe('mitid');
    ctx.scenarios.reset(klass.id, { actor: 'system' });
    const idaAgain = ctx.citizens.listInClass(klass.id).find((citizen) => citizen.name === 'Ida Fiktiv Brandt')!;
    expect(ctx.mitid.identityOf(idaAgain.id)).toBeUndefined();
    expect(ctx.mitid.citizenOf('ida.brandt')).toBeUndefined();
    expect(ctx.activation.awaiting(idaAgain.id)).toBe(true);
  });
});
