import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { seededContext, testContext } from '../helpers/context.ts';
import { loginAs, submitForm, teacherLogin, testApp, visibleText, type Agent } from '../helpers/http.ts';
import { hashPassword } from '../../server/common/passwords.ts';
import { citizenOf, eventsOf, lettersOf } from './helpers.ts';

async function setup() {
  const ctx = await seededContext();
  await ctx.issuer.addOperator('nets.operator', 'operator-password-1', Date.now());
  const app = testApp(ctx, { loginRateLimitPerMinute: 10_000 });
  const operator = request.agent(app);
  const signedIn = await submitForm(operator, '/issuer/login?lang=en', '/issuer/login', {
    username: 'nets.operator',
    password: 'operator-password-1',
  });
  expect(signedIn.headers.location).toBe('/issuer');
  return { ctx, app, operator };
}

/** Carries out one console action on a citizen's file page, as the operator's form does. */
function act(operator: Agent, citizenId: number, action: string, fields: Record<string, string> = {}) {
  return submitForm(operator, `/issuer/citizens/${citizenId}`, `/issuer/citizens/${citizenId}/${action}`, fields);
}

describe('the issuer console is for operators only', () => {
  it('refuses anonymous visitors, trainees and teachers with 403, and an unknown holder with 404', async () => {
    const { ctx, app, operator } = await setup();
    const trainee = request.agent(app);
    await loginAs(trainee, ctx, 'mette.hansen', 'Hest2024');
    ctx.teachers.insert('teacher-x', await hashPassword('teacher-x-password'), Date.now());
    const teacher = request.agent(app);
    await teacherLogin(teacher, 'teacher-x', 'teacher-x-password');
    const id = citizenOf(ctx, 'mette.hansen').id;
    for (const agent of [request.agent(app), trainee, teacher]) {
      for (const url of ['/issuer?lang=en', `/issuer/citizens/${id}`, '/issuer?q=mette']) {
        const response = await agent.get(url);
        expect(response.status, url).toBe(403);
        expect(visibleText(response.text)).toContain('only for the issuer');
      }
    }
    expect((await operator.get('/issuer/citizens/999999')).status).toBe(404);
    expect((await act(operator, id, 'delete-everything')).status).toBe(404);
  });

  it('refuses a wrong operator password with the same message as an unknown operator', async () => {
    const { app } = await setup();
    const agent = request.agent(app);
    const wrong = await submitForm(agent, '/issuer/login?lang=en', '/issuer/login', {
      username: 'nets.operator',
      password: 'nope-nope-nope',
    });
    const unknown = await submitForm(agent, '/issuer/login?lang=en', '/issuer/login', {
      username: 'nobody',
      password: 'operator-password-1',
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(visibleText(wrong.text)).toContain('The username or the password is wrong.');
    expect(visibleText(unknown.text)).toContain('The username or the password is wrong.');
  });
});

describe('what an operator can do (R15)', () => {
  it('finds a holder and shows state, cards, lock counters and the history', async () => {
    const { ctx, operator } = await setup();
    const search = await operator.get('/issuer?q=070&lang=en');
    expect(visibleText(search.text)).toContain('0 NemID holders found');
    const found = await operator.get('/issuer?q=lars');
    expect(visibleText(found.text)).toContain('1 NemID holder found');
    const lars = citizenOf(ctx, 'lars.berg');
    expect(found.text).toContain(`href="/issuer/citizens/${lars.id}"`);
    const file = visibleText((await operator.get(`/issuer/citizens/${lars.id}`)).text);
    expect(file).toContain('State Blocked (LOCK002)');
    expect(file).toContain('Wrong key codes in a row 0');
    expect(file).toMatch(/Key cards .* in use first card 148/);
    expect(file).toMatch(/History .* letter-delivered R8 system/);
  });

  it('blocks with a reason: the open login ends, the login is refused, and the holder gets a letter', async () => {
    const { ctx, app, operator } = await setup();
    const trainee = request.agent(app);
    await loginAs(trainee, ctx, 'ahmed.karimi', 'Bog7531x');
    const ahmed = citizenOf(ctx, 'ahmed.karimi');

    const noReason = await act(operator, ahmed.id, 'block');
    expect(noReason.status).toBe(400);
    expect(visibleText(noReason.text)).toContain('Choose a reason.');
    expect(citizenOf(ctx, 'ahmed.karimi').state).toBe('active');

    expect((await act(operator, ahmed.id, 'block', { reason: 'rules-breach' })).headers.location).toBe(
      `/issuer/citizens/${ahmed.id}?done=block`,
    );
    expect((await trainee.get('/my-nemid')).status).toBe(303);
    expect(await ctx.login.checkPassword('ahmed.karimi', 'Bog7531x')).toEqual({ kind: 'locked', code: 'ISSUER', until: null });
    const letter = ctx.mailbox.arrivedLetters(ahmed.id).find((entry) => entry.subject.da === 'Dit NemID er spærret')!;
    expect(letter.body.en).toContain('Reason: Breach of the rules of use.');
    expect(eventsOf(ctx, 'ahmed.karimi')).toContainEqual(
      expect.objectContaining({
        type: 'blocked',
        rule: 'R15',
        actor: 'issuer',
        data: expect.objectContaining({ operator: 'nets.operator', reason: 'rules-breach' }),
      }),
    );

    expect((await act(operator, ahmed.id, 'unblock')).headers.location).toBe(`/issuer/citizens/${ahmed.id}?done=unblock`);
    expect((await ctx.login.checkPassword('ahmed.karimi', 'Bog7531x')).kind).toBe('key');
    expect(lettersOf(ctx, 'ahmed.karimi').map((entry) => entry.subject)).toContain('Dit NemID er åbnet igen');
  });

  it('unblocks LOCK003 at once, as support does', async () => {
    const { ctx, operator } = await setup();
    const piotr = citizenOf(ctx, 'piotr.nowak');
    await act(operator, piotr.id, 'unblock');
    expect((await ctx.login.checkPassword('piotr.nowak', 'Havn1357')).kind).toBe('key');
    const again = await act(operator, piotr.id, 'unblock');
    expect(again.status).toBe(409);
    expect(visibleText(again.text)).toContain('This NemID is not blocked');
  });

  it('revokes for good after the death of the owner, keeping every letter', async () => {
    const { ctx, operator } = await setup();
    const mette = citizenOf(ctx, 'mette.hansen');
    ctx.mailbox.deliver(mette.id, { sender: 'kommune', subject: 'Affaldsordning', body: 'Nyt om affald.' });
    const unconfirmed = await act(operator, mette.id, 'revoke', { reason: 'death' });
    expect(unconfirmed.status).toBe(400);
    expect(visibleText(unconfirmed.text)).toContain('Tick the box to confirm that revoking is final.');
    expect(citizenOf(ctx, 'mette.hansen').state).toBe('active');

    await act(operator, mette.id, 'revoke', { reason: 'death', confirm: 'yes' });
    expect(await ctx.login.checkPassword('mette.hansen', 'Hest2024')).toEqual({ kind: 'revoked' });
    expect(ctx.keycards.activeCard(mette.id)).toBeUndefined();
    expect(lettersOf(ctx, 'mette.hansen').map((entry) => entry.subject)).toEqual(
      expect.arrayContaining(['Affaldsordning', 'Dit NemID er inddraget']),
    );
    for (const action of ['unblock', 'card', 'temporary-password']) {
      const refused = await act(operator, mette.id, action, { reason: 'death' });
      expect(refused.status, action).toBe(409);
      expect(visibleText(refused.text)).toContain('This NemID has been revoked. It cannot be opened again');
    }
    expect(citizenOf(ctx, 'mette.hansen').state).toBe('revoked');
  });

  it('sends a new key card and a temporary password by post', async () => {
    const { ctx, operator } = await setup();
    const jens = citizenOf(ctx, 'jens.nielsen');
    await act(operator, jens.id, 'card');
    expect(ctx.keycards.cardOnItsWay(jens.id)).toMatchObject({ reason: 'extra' });
    await act(operator, jens.id, 'temporary-password');
    expect(citizenOf(ctx, 'jens.nielsen')).toMatchObject({ state: 'blocked', lockCode: 'ISSUER' });
    expect(lettersOf(ctx, 'jens.nielsen').map((entry) => entry.subject)).toEqual(
      expect.arrayContaining(['Et nyt nøglekort er på vej', 'Der er bestilt en midlertidig adgangskode']),
    );
  });
});

describe('sandbox operator add', () => {
  it('creates an operator who can sign in to the console, and keeps the teacher command as it was', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-operator-'));
    const env = { ...process.env, DB_PATH: path.join(dir, 'cli.db') };
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], { env, encoding: 'utf8' });
    try {
      const added = run('operator', 'add', 'desk.one', '--password', 'a-long-password');
      expect(added.status).toBe(0);
      expect(added.stdout).toContain('Issuer operator desk.one can now sign in at /issuer/login.');
      expect(run('operator', 'add', 'desk.one', '--password', 'a-long-password').stderr).toContain('exists already');
      expect(run('operator', 'add', 'desk.two', '--password', 'short').status).toBe(2);
      expect(run('teacher', 'add', 'teach.one', '--password', 'a-long-password').stdout).toContain(
        'Teacher teach.one can now log in at /teacher.',
      );
      const ctx = testContext({ dbPath: path.join(dir, 'cli.db') });
      expect(await ctx.issuer.authenticate('desk.one', 'a-long-password')).toMatchObject({ username: 'desk.one' });
      expect(await ctx.issuer.authenticate('desk.one', 'a-wrong-password')).toBeUndefined();
      ctx.db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000); // four CLI processes, each opening (and the first seeding) the database
});
