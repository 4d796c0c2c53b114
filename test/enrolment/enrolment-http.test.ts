import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../server/context.ts';
import { publicServices } from '../../server/enrolment/types.ts';
import { routes, services, type ServiceId } from '../../server/paths.ts';
import { FakeTime, codeForAskedKey, seededContext } from '../helpers/context.ts';
import { csrfFrom, routeTable, submitForm, testApp, visibleText, type Agent } from '../helpers/http.ts';

const fullBorgerservice = {
  hasCpr: 'yes',
  brings: ['id', 'cpr-document'],
  witnessName: 'Karen Fiktiv Holm',
  witnessAge: '34',
  witnessCpr: '120345-6789',
  witnessBrings: ['id', 'declaration'],
};

async function post(agent: Agent, url: string, fields: Record<string, string | string[]>) {
  const page = await agent.get(url);
  const params = new URLSearchParams({ _csrf: csrfFrom(page.text) });
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) params.append(name, item);
  return agent.post(url).type('form').send(params.toString());
}

/** The first login with the welcome letter's details, through to the service asked. */
async function firstLogin(ctx: Context, agent: Agent, nemidNumber: string, temporary: string, service: string) {
  const step1 = await submitForm(agent, `/login?service=${service}`, '/login', { identifier: nemidNumber, password: temporary, service });
  if (step1.status !== 303) return step1;
  await submitForm(agent, '/login/new-password', '/login/new-password', { password: 'Lampe5151', repeat: 'Lampe5151', userId: '' });
  return submitForm(agent, '/login/key', '/login/key', { code: codeForAskedKey(ctx, nemidNumber).code });
}

describe('the Borgerservice desk in the browser pages', () => {
  it.each([
    ['hasCpr', 'no', 'You have no Danish CPR number.'],
    ['brings', ['cpr-document'], 'You have no valid ID with you.'],
    ['brings', ['id'], 'You have no official document that shows your CPR number.'],
    ['witnessAge', '16', 'Your witness is under 18.'],
    ['witnessCpr', '', 'Your witness has no Danish CPR number.'],
    ['witnessBrings', ['declaration'], 'Your witness has no valid ID with them.'],
    ['witnessBrings', ['id'], 'Your witness has not signed the declaration on honour.'],
  ])('refuses when %s is %j and says why', async (field, value, message) => {
    const ctx = await seededContext();
    const agent = request.agent(testApp(ctx));
    await agent.get('/?lang=en&screens=full');
    const response = await post(agent, '/get-nemid/borgerservice', { ...fullBorgerservice, [field]: value });
    expect(response.status).toBe(422);
    const text = visibleText(response.text);
    expect(text).toContain('The case worker cannot issue NemID');
    expect(text).toContain(message);
    expect(text).toContain('Missing:');
    expect([response.headers['set-cookie'] ?? []].flat().join(';')).not.toContain('sandbox.practice');
  });

  it('keeps the form and names the field when the input is not usable, and never takes a real-looking CPR number', async () => {
    const ctx = await seededContext();
    const agent = request.agent(testApp(ctx));
    await agent.get('/?lang=en&screens=full');
    const response = await post(agent, '/get-nemid/borgerservice', {
      ...fullBorgerservice,
      hasCpr: '',
      witnessAge: 'old',
      witnessCpr: '010190-1234',
    });
    expect(response.status).toBe(400);
    const text = visibleText(response.text);
    expect(text).toContain('Choose whether you have a Danish CPR number.');
    expect(text).toContain("Type the witness's age as a whole number");
    expect(text).toContain('The sandbox only takes fictional CPR numbers');
    expect(response.text).toContain('value="Karen Fiktiv Holm"');
  });

  it('hands over a NemID that logs in to Digital Post at once (R6, R8)', async () => {
    const ctx = await seededContext();
    const agent = request.agent(testApp(ctx));
    await agent.get('/?lang=en&screens=full');
    const issued = await post(agent, '/get-nemid/borgerservice', fullBorgerservice);
    expect(issued.status).toBe(303);
    expect(issued.headers.location).toBe('/get-nemid/borgerservice/your-nemid');
    const page = await agent.get(issued.headers.location!);
    expect(visibleText(page.text)).toContain('Your digital mailbox is ready');
    const nemidNumber = /data-testid="nemid-number">(\d{9})</.exec(page.text)![1]!;
    const temporary = /data-testid="temporary-password">([^<]+)</.exec(page.text)![1]!;

    const done = await firstLogin(ctx, agent, nemidNumber, temporary, 'post');
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/post');
    const inbox = await agent.get('/post');
    expect(inbox.status).toBe(200);
    expect(visibleText(inbox.text)).toContain('Welcome to your digital mailbox');
  });

  it('shows the handed-over NemID only to the browser it was issued to', async () => {
    const ctx = await seededContext();
    const app = testApp(ctx);
    await post(request.agent(app), '/get-nemid/borgerservice', fullBorgerservice);
    expect((await request(app).get('/get-nemid/borgerservice/your-nemid')).status).toBe(404);
    expect((await request(app).get('/get-nemid/bank/ordered')).status).toBe(404);
  });
});

describe('the bank desk in the browser pages (R7)', () => {
  it('refuses without ID and says why', async () => {
    const ctx = await seededContext();
    const agent = request.agent(testApp(ctx));
    await agent.get('/?lang=en&screens=full');
    const response = await post(agent, '/get-nemid/bank', { hasCpr: 'yes', brings: 'cpr-document' });
    expect(response.status).toBe(422);
    expect(visibleText(response.text)).toContain('The bank cannot order NemID for you');
    expect(visibleText(response.text)).toContain('You have no valid ID with you.');
  });

  it('posts the NemID, works for the bank, is refused by Digital Post until the bank activates it', async () => {
    const time = new FakeTime();
    const ctx = await seededContext({ time });
    const agent = request.agent(testApp(ctx));
    await agent.get('/?lang=en&screens=full');
    const ordered = await post(agent, '/get-nemid/bank', { hasCpr: 'yes', brings: ['id', 'cpr-document'] });
    expect(ordered.headers.location).toBe('/get-nemid/bank/ordered');
    expect(visibleText((await agent.get('/get-nemid/bank/ordered')).text)).toContain('On its way to you by post');

    expect((await agent.get('/get-nemid/letterbox')).headers.location).toBe('/letterbox');
    expect(visibleText((await agent.get('/letterbox')).text)).toContain('There is no post in your letterbox yet.');
    const wait = await agent
      .post('/letterbox/wait')
      .type('form')
      .send({ what: 'post', _csrf: csrfFrom((await agent.get('/letterbox')).text) });
    expect(wait.headers.location).toBe('/letterbox?waited=1');
    const letterbox = visibleText((await agent.get('/letterbox?waited=1')).text);
    expect(letterbox).toContain('Your NemID from the bank');
    const nemidNumber = /NemID number: (\d{9})/.exec(letterbox)![1]!;
    const temporary = /Temporary password: (\S+)/.exec(letterbox)![1]!;

    const refused = await submitForm(agent, '/login?service=post', '/login', {
      identifier: nemidNumber,
      password: temporary,
      service: 'post',
    });
    expect(refused.status).toBe(403);
    expect(visibleText(refused.text)).toContain('not yet activated for public self-service');

    const bank = await firstLogin(ctx, agent, nemidNumber, temporary, 'bank');
    expect(bank.headers.location).toBe('/bank');
    expect((await agent.get('/bank')).status).toBe(200);
    const post403 = await agent.get('/post');
    expect(post403.status).toBe(403);
    expect(visibleText(post403.text)).toContain('Digital Post cannot be used with this NemID yet');

    const noId = await post(agent, '/get-nemid/bank/activate', {});
    expect(noId.status).toBe(422);
    expect(visibleText(noId.text)).toContain('The bank clerk must see your valid ID');
    const activated = await post(agent, '/get-nemid/bank/activate', { brings: 'id' });
    expect(visibleText(activated.text)).toContain('now accept it');
    expect((await agent.get('/post')).status).toBe(200);
  });
});

describe('the guide (R1)', () => {
  it('says who NemID suits, who is not obliged and what to bring, and links both desks', async () => {
    const ctx = await seededContext();
    const response = await request(testApp(ctx)).get('/get-nemid?lang=en&screens=full');
    const text = visibleText(response.text);
    for (const phrase of [
      'Who NemID suits',
      'Danish citizens who live abroad',
      'Cross-border commuters',
      'What to bring',
      'declaration on honour',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(response.text).toContain('href="/get-nemid/borgerservice"');
    expect(response.text).toContain('href="/get-nemid/bank"');
    const home = await request(testApp(ctx)).get('/?lang=en&screens=full');
    expect(home.text).toContain('href="/get-nemid"');
  });
});

describe('the R7 guard on every public service route', () => {
  it('shows a bank NemID not yet activated the activation page on every route of Digital Post, the portal and the tax folder', async () => {
    const ctx = await seededContext();
    const app = testApp(ctx);
    const agent = request.agent(app);
    await agent.get('/?lang=en&screens=full');
    await post(agent, '/get-nemid/bank', { hasCpr: 'yes', brings: ['id', 'cpr-document'] });
    await agent
      .post('/letterbox/wait')
      .type('form')
      .send({ what: 'post', _csrf: csrfFrom((await agent.get('/letterbox')).text) });
    const letterbox = visibleText((await agent.get('/letterbox?waited=1')).text);
    const bank = await firstLogin(
      ctx,
      agent,
      /NemID number: (\d{9})/.exec(letterbox)![1]!,
      /Temporary password: (\S+)/.exec(letterbox)![1]!,
      'bank',
    );
    expect(bank.headers.location).toBe('/bank');
    const token = csrfFrom((await agent.get('/get-nemid/bank/activate')).text);

    // Public services by their address (R7), whoever registers the route; the old address of the paper letterbox is not Digital Post.
    const prefixes = publicServices.map((service) => services[service as ServiceId]);
    const underPublic = (path: string) =>
      path !== routes.letterbox.oldPaper && prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
    const publicRoutes = routeTable(app).filter((route) => underPublic(route.path));
    expect(publicRoutes.length).toBeGreaterThan(25);
    for (const route of publicRoutes) {
      const url = route.path.replace(/:(\w+)/g, '1');
      const response = route.method === 'GET' ? await agent.get(url) : await agent.post(url).type('form').send({ _csrf: token });
      expect(response.status, `${route.method} ${route.path}`).toBe(403);
      expect(visibleText(response.text), `${route.method} ${route.path}`).toContain('cannot be used with this NemID yet');
    }
  });
});
